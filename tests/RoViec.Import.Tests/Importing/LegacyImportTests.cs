using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RoViec.Import.Tests.Importing;

/// <summary>Plans typed in TCVN3 (".VnTime") or VNI fonts come out in Unicode, never as mojibake.</summary>
public sealed class LegacyImportTests
{
    [Theory]
    [InlineData("tcvn3-sample.txt")]
    [InlineData("vni-sample.txt")]
    public void Legacy_text_file_imports_in_unicode(string file)
    {
        var draft = Assert.IsType<ImportOutcome.Imported>(PlanImporter.ImportFile(FixturePaths.Dir("legacy", file))).Draft;

        var task = Assert.Single(draft.Tasks);
        Assert.Equal("Rà soát thủ tục hành chính", task.Name);
        Assert.Equal("Phòng Văn hóa - Xã hội", Assert.Single(task.Lead).AsWritten);
        Assert.Contains("Kế hoạch số 33-KH/ĐU ngày 26/01/2026", draft.Document.LegalBasis);
    }

    [Fact]
    public void Docx_run_in_a_vntime_font_is_converted()
    {
        // "Phòng Văn hóa - Xã hội" as TCVN3 bytes seen through Windows-1252: ò=0xB7 "·", ă=0xA8 "¨", ó=0xE3 "ã", ã=0xD7 "×", ộ=0xE9 "é".
        const string tcvn3 = "Phßng V¨n hãa - X· héi";
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("III. NHIỆM VỤ, GIẢI PHÁP"))),
                new Paragraph(new Run(new Text("1. Công tác chỉ đạo"))),
                new Paragraph(
                    new Run(new RunProperties(new RunFonts { Ascii = ".VnTime", HighAnsi = ".VnTime" }), new Text(tcvn3) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                    new Run(new Text(" chủ trì rà soát thủ tục hành chính, hoàn thành trong Quý II/2026.") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))));
        }

        var draft = Assert.IsType<ImportOutcome.Imported>(PlanImporter.Import(stream.ToArray(), "plan.docx")).Draft;

        var task = Assert.Single(draft.Tasks);
        Assert.StartsWith("Phòng Văn hóa - Xã hội chủ trì", task.Name, StringComparison.Ordinal);
        Assert.Equal("phong-van-hoa-xa-hoi", Assert.Single(task.Lead).Unit.Id);
    }
}
