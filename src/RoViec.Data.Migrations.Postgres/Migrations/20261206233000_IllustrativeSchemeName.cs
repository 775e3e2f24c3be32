using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RoViec.Data;

#nullable disable

namespace RoViec.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Data only: a scheme version saved from the shipped scheme once offered as "theo Quyết định số 4585/QĐ-BKHCN"
    /// (with exactly the name and basis the page filled in) was never built from that decision's text, so it no longer
    /// carries the decision's name; it becomes the illustrative scheme ("Bộ tiêu chí minh họa"). Its criteria, and
    /// the scores of the months scored with it, are unchanged.
    /// </summary>
    [DbContext(typeof(RoViecDbContext))]
    [Migration("20261206233000_IllustrativeSchemeName")]
    public partial class IllustrativeSchemeName : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "ScoringSchemes"
                SET "Name" = 'Bộ tiêu chí minh họa',
                    "Basis" = NULL,
                    "Note" = COALESCE("Note", 'Đổi tên: bộ tiêu chí minh họa, không được xây dựng từ văn bản của quyết định từng ghi trong tên.')
                WHERE "Name" = 'Bộ tiêu chí theo Quyết định số 4585/QĐ-BKHCN' AND "Basis" = 'Quyết định số 4585/QĐ-BKHCN';
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The old name claimed a source the scheme never reproduced; it is not restored.
        }
    }
}
