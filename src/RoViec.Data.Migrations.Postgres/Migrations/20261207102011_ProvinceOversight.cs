using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RoViec.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProvinceOversight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Area",
                table: "Communes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Communes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "CommunePeriodSummaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommuneId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProvinceId = table.Column<Guid>(type: "uuid", nullable: true),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportsExpected = table.Column<int>(type: "integer", nullable: false),
                    ReportsReceived = table.Column<int>(type: "integer", nullable: false),
                    ReportsDue = table.Column<int>(type: "integer", nullable: false),
                    ReportsOnTime = table.Column<int>(type: "integer", nullable: false),
                    Tasks = table.Column<int>(type: "integer", nullable: false),
                    TasksDone = table.Column<int>(type: "integer", nullable: false),
                    TasksAtRisk = table.Column<int>(type: "integer", nullable: false),
                    TasksOverdue = table.Column<int>(type: "integer", nullable: false),
                    KeyTasks = table.Column<int>(type: "integer", nullable: false),
                    KeyTasksOnSchedule = table.Column<int>(type: "integer", nullable: false),
                    Indicators = table.Column<int>(type: "integer", nullable: false),
                    IndicatorsJudged = table.Column<int>(type: "integer", nullable: false),
                    IndicatorsMet = table.Column<int>(type: "integer", nullable: false),
                    BudgetAllocated = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    BudgetDisbursed = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    UnitsScored = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    Band = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Approval = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BuiltAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunePeriodSummaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunePeriodSummaries_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommunePeriodSummaries_ReportingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeriodApprovals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommuneId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ApprovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcceptedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeriodApprovals_ReportingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunePeriodSummaries_CommuneId_Kind_Year_Number",
                table: "CommunePeriodSummaries",
                columns: new[] { "CommuneId", "Kind", "Year", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunePeriodSummaries_PeriodId",
                table: "CommunePeriodSummaries",
                column: "PeriodId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunePeriodSummaries_ProvinceId_Kind_Year_Number",
                table: "CommunePeriodSummaries",
                columns: new[] { "ProvinceId", "Kind", "Year", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_PeriodApprovals_CommuneId",
                table: "PeriodApprovals",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodApprovals_PeriodId",
                table: "PeriodApprovals",
                column: "PeriodId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunePeriodSummaries");

            migrationBuilder.DropTable(
                name: "PeriodApprovals");

            migrationBuilder.DropColumn(
                name: "Area",
                table: "Communes");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Communes");
        }
    }
}
