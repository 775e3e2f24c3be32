using RoViec.Import.Reading;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Xunit;

namespace RoViec.Import.Tests.Reading;

/// <summary>
/// Layout cases the LibreOffice fixtures do not produce, on small PDFs drawn here (ASCII text in
/// Helvetica, so no font files are needed).
/// </summary>
public sealed class PdfLayoutTests
{
    [Fact]
    public void Underline_inside_a_cell_does_not_split_the_row()
    {
        var pdf = Draw(page =>
        {
            page.Text("Plan", 50, 760);
            Grid(page, xs: [50, 150, 350], ys: [700, 680, 640]);
            page.Text("Code", 55, 686);
            page.Text("Name", 155, 686);
            page.Text("1", 55, 660);
            page.Text("Task one", 155, 660);
            page.Builder.DrawLine(new PdfPoint(155, 657), new PdfPoint(200, 657), 0.5);
        });

        var table = Assert.Single(new PdfDocumentReader().Read(pdf).OfType<RawTable>());
        Assert.Equal([["Code", "Name"], ["1", "Task one"]], table.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void Box_drawn_around_a_paragraph_is_not_a_table()
    {
        var pdf = Draw(page =>
        {
            page.Builder.DrawRectangle(new PdfPoint(45, 640), 300, 40, 0.5);
            page.Text("Important note inside a box", 55, 655);
        });

        var blocks = new PdfDocumentReader().Read(pdf);
        Assert.Empty(blocks.OfType<RawTable>());
        Assert.Equal("Important note inside a box", Assert.Single(blocks.OfType<RawParagraph>()).Text);
    }

    [Fact]
    public void Running_header_and_page_number_footer_are_stripped_on_every_page()
    {
        var pdf = Draw(
            page =>
            {
                page.Text("Running title of the plan", 200, 810);
                page.Text("First page body text.", 50, 700);
                page.Text("- 1 -", 290, 30);
            },
            page =>
            {
                page.Text("Running title of the plan", 200, 810);
                page.Text("Second page body text.", 50, 700);
                page.Text("- 2 -", 290, 30);
            },
            page =>
            {
                page.Text("Running title of the plan", 200, 810);
                page.Text("Third page body text.", 50, 700);
                page.Text("- 3 -", 290, 30);
            });

        var texts = new PdfDocumentReader().Read(pdf).OfType<RawParagraph>().Select(p => p.Text);
        Assert.Equal(["First page body text.", "Second page body text.", "Third page body text."], texts);
    }

    [Fact]
    public void Blocks_side_by_side_on_one_baseline_are_not_read_as_one_line()
    {
        var pdf = Draw(page =>
        {
            page.Text("PEOPLES COMMITTEE", 60, 780);
            page.Text("SOCIALIST REPUBLIC", 330, 780);
        });

        var texts = new PdfDocumentReader().Read(pdf).OfType<RawParagraph>().Select(p => p.Text);
        Assert.Equal(["PEOPLES COMMITTEE", "SOCIALIST REPUBLIC"], texts);
    }

    private static void Grid(PageDrawing page, double[] xs, double[] ys)
    {
        foreach (var x in xs)
            page.Builder.DrawLine(new PdfPoint(x, ys[^1]), new PdfPoint(x, ys[0]), 0.5);
        foreach (var y in ys)
            page.Builder.DrawLine(new PdfPoint(xs[0], y), new PdfPoint(xs[^1], y), 0.5);
    }

    private static byte[] Draw(params Action<PageDrawing>[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var draw in pages)
            draw(new PageDrawing(builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4), font));
        return builder.Build();
    }

    private sealed record PageDrawing(PdfPageBuilder Builder, PdfDocumentBuilder.AddedFont Font)
    {
        public void Text(string text, double x, double y) => Builder.AddText(text, 11, new PdfPoint(x, y), Font);
    }
}
