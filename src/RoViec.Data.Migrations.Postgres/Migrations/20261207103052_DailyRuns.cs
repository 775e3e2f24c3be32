using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RoViec.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DailyRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyRuns",
                columns: table => new
                {
                    CommuneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Job = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyRuns", x => new { x.CommuneId, x.Job });
                    table.ForeignKey(
                        name: "FK_DailyRuns_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingPeriods_State_CompileDueOn",
                table: "ReportingPeriods",
                columns: new[] { "State", "CompileDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyRuns");

            migrationBuilder.DropIndex(
                name: "IX_ReportingPeriods_State_CompileDueOn",
                table: "ReportingPeriods");
        }
    }
}
