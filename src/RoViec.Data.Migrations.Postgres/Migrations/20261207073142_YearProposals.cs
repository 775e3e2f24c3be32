using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RoViec.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class YearProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing communes get the default day, 30/11.
            migrationBuilder.AddColumn<int>(
                name: "ProposalsDueDay",
                table: "Communes",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "ProposalsDueMonth",
                table: "Communes",
                type: "integer",
                nullable: false,
                defaultValue: 11);

            migrationBuilder.CreateTable(
                name: "YearProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommuneId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YearProposals_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_YearProposals_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommuneId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Output = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Deadline = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Budget = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalItems_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProposalItems_PlanTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProposalItems_YearProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "YearProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalItems_IndicatorId",
                table: "ProposalItems",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalItems_ProposalId_Order",
                table: "ProposalItems",
                columns: new[] { "ProposalId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalItems_TaskId",
                table: "ProposalItems",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_YearProposals_CommuneId_Year_UnitId",
                table: "YearProposals",
                columns: new[] { "CommuneId", "Year", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_YearProposals_UnitId",
                table: "YearProposals",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProposalItems");

            migrationBuilder.DropTable(
                name: "YearProposals");

            migrationBuilder.DropColumn(
                name: "ProposalsDueDay",
                table: "Communes");

            migrationBuilder.DropColumn(
                name: "ProposalsDueMonth",
                table: "Communes");
        }
    }
}
