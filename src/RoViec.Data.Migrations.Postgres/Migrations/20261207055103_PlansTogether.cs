using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RoViec.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PlansTogether : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndsOn",
                table: "Plans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Field",
                table: "Plans",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReportsWithPlanId",
                table: "Plans",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rhythm",
                table: "Plans",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Monthly");

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartsOn",
                table: "Plans",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_ReportsWithPlanId",
                table: "Plans",
                column: "ReportsWithPlanId");

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Plans_ReportsWithPlanId",
                table: "Plans",
                column: "ReportsWithPlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Plans_ReportsWithPlanId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_ReportsWithPlanId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "EndsOn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Field",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "ReportsWithPlanId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Rhythm",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "StartsOn",
                table: "Plans");
        }
    }
}
