using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RoViec.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BudgetEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Allocated = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false),
                    Disbursed = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetEntries_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetEntries_ReportingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetEntries_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SenderContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClientHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnswerPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Feedback_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LayoutProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UpperBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 6000, nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LayoutProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LayoutProfiles_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeriodSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Figures = table.Column<string>(type: "TEXT", nullable: false),
                    BuiltAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BuiltBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Stale = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeriodSnapshots_ReportingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicPages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShowIndicators = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShowFields = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShowRanking = table.Column<bool>(type: "INTEGER", nullable: false),
                    Intro = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    IndicatorIds = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicPages_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportNarratives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sections = table.Column<string>(type: "TEXT", nullable: false),
                    EditedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EditedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportNarratives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportNarratives_ReportingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Before = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    After = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreChanges_ReportingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreInputs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Yes = table.Column<bool>(type: "INTEGER", nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreInputs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreInputs_ReportingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScoreInputs_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoringSchemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringSchemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoringSchemes_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UpwardEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpwardEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpwardEntries_ReportingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnitScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    HeadTotal = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Breakdown = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitScores_ReportingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnitScores_ScoringSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "ScoringSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitScores_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetEntries_PeriodId_UnitId",
                table: "BudgetEntries",
                columns: new[] { "PeriodId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetEntries_PlanId",
                table: "BudgetEntries",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetEntries_UnitId",
                table: "BudgetEntries",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ClientHash_CreatedAtUtc",
                table: "Feedback",
                columns: new[] { "ClientHash", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_CommuneId_State_CreatedAtUtc",
                table: "Feedback",
                columns: new[] { "CommuneId", "State", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LayoutProfiles_CommuneId",
                table: "LayoutProfiles",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodSnapshots_CommuneId",
                table: "PeriodSnapshots",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodSnapshots_PeriodId",
                table: "PeriodSnapshots",
                column: "PeriodId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicPages_CommuneId",
                table: "PublicPages",
                column: "CommuneId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicPages_Slug",
                table: "PublicPages",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportNarratives_PeriodId",
                table: "ReportNarratives",
                column: "PeriodId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreChanges_PeriodId_UnitId",
                table: "ScoreChanges",
                columns: new[] { "PeriodId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreInputs_PeriodId_UnitId_Code",
                table: "ScoreInputs",
                columns: new[] { "PeriodId", "UnitId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreInputs_UnitId",
                table: "ScoreInputs",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoringSchemes_CommuneId_EffectiveFrom",
                table: "ScoringSchemes",
                columns: new[] { "CommuneId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoringSchemes_CommuneId_Key_Number",
                table: "ScoringSchemes",
                columns: new[] { "CommuneId", "Key", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitScores_CommuneId_UnitId",
                table: "UnitScores",
                columns: new[] { "CommuneId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitScores_PeriodId_UnitId",
                table: "UnitScores",
                columns: new[] { "PeriodId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitScores_SchemeId",
                table: "UnitScores",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitScores_UnitId",
                table: "UnitScores",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UpwardEntries_PeriodId_IndicatorId_TaskId",
                table: "UpwardEntries",
                columns: new[] { "PeriodId", "IndicatorId", "TaskId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetEntries");

            migrationBuilder.DropTable(
                name: "Feedback");

            migrationBuilder.DropTable(
                name: "LayoutProfiles");

            migrationBuilder.DropTable(
                name: "PeriodSnapshots");

            migrationBuilder.DropTable(
                name: "PublicPages");

            migrationBuilder.DropTable(
                name: "ReportNarratives");

            migrationBuilder.DropTable(
                name: "ScoreChanges");

            migrationBuilder.DropTable(
                name: "ScoreInputs");

            migrationBuilder.DropTable(
                name: "UnitScores");

            migrationBuilder.DropTable(
                name: "UpwardEntries");

            migrationBuilder.DropTable(
                name: "ScoringSchemes");
        }
    }
}
