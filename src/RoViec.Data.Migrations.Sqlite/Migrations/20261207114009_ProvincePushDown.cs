using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RoViec.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProvincePushDown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProvinceTaskId",
                table: "PlanTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProvinceIndicatorId",
                table: "Indicators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommuneIndicatorValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProvinceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProvinceIndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    Numerator = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    Denominator = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    Verified = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommuneIndicatorValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommuneIndicatorValues_ReportingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProvinceIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProvinceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetRaw = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetOp = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    TargetValue = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    Rhythm = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Numerator = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Denominator = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Aggregation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvinceIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProvinceIndicators_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProvinceTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProvinceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Output = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeadlineRaw = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Priority = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvinceTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProvinceTasks_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PushedIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProvinceIndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LocalIndicatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PushedIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PushedIndicators_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PushedIndicators_ProvinceIndicators_ProvinceIndicatorId",
                        column: x => x.ProvinceIndicatorId,
                        principalTable: "ProvinceIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PushedTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProvinceTaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LocalTaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PushedTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PushedTasks_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PushedTasks_ProvinceTasks_ProvinceTaskId",
                        column: x => x.ProvinceTaskId,
                        principalTable: "ProvinceTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunePeriodSummaries_Kind_Year_Number",
                table: "CommunePeriodSummaries",
                columns: new[] { "Kind", "Year", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_CommuneIndicatorValues_CommuneId",
                table: "CommuneIndicatorValues",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_CommuneIndicatorValues_PeriodId_ProvinceIndicatorId",
                table: "CommuneIndicatorValues",
                columns: new[] { "PeriodId", "ProvinceIndicatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommuneIndicatorValues_ProvinceId_Kind_Year_Number",
                table: "CommuneIndicatorValues",
                columns: new[] { "ProvinceId", "Kind", "Year", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_ProvinceIndicators_ProvinceId",
                table: "ProvinceIndicators",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_ProvinceTasks_ProvinceId",
                table: "ProvinceTasks",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_PushedIndicators_CommuneId_State",
                table: "PushedIndicators",
                columns: new[] { "CommuneId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_PushedIndicators_ProvinceIndicatorId_CommuneId",
                table: "PushedIndicators",
                columns: new[] { "ProvinceIndicatorId", "CommuneId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PushedTasks_CommuneId_State",
                table: "PushedTasks",
                columns: new[] { "CommuneId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_PushedTasks_ProvinceTaskId_CommuneId",
                table: "PushedTasks",
                columns: new[] { "ProvinceTaskId", "CommuneId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommuneIndicatorValues");

            migrationBuilder.DropTable(
                name: "PushedIndicators");

            migrationBuilder.DropTable(
                name: "PushedTasks");

            migrationBuilder.DropTable(
                name: "ProvinceIndicators");

            migrationBuilder.DropTable(
                name: "ProvinceTasks");

            migrationBuilder.DropIndex(
                name: "IX_CommunePeriodSummaries_Kind_Year_Number",
                table: "CommunePeriodSummaries");

            migrationBuilder.DropColumn(
                name: "ProvinceTaskId",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "ProvinceIndicatorId",
                table: "Indicators");
        }
    }
}
