using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RoViec.Data.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Communes",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "CommunePeriodSummaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProvinceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportsExpected = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportsReceived = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportsDue = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportsOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Tasks = table.Column<int>(type: "INTEGER", nullable: false),
                    TasksDone = table.Column<int>(type: "INTEGER", nullable: false),
                    TasksAtRisk = table.Column<int>(type: "INTEGER", nullable: false),
                    TasksOverdue = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyTasks = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyTasksOnSchedule = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicators = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorsJudged = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorsMet = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetAllocated = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false),
                    BudgetDisbursed = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false),
                    UnitsScored = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    Band = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Approval = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BuiltAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcceptedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReturnedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
