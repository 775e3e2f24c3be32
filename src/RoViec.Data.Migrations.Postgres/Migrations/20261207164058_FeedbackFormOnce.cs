using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RoViec.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackFormOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FormNonce",
                table: "Feedback",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_FormNonce",
                table: "Feedback",
                column: "FormNonce",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_FormNonce",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "FormNonce",
                table: "Feedback");
        }
    }
}
