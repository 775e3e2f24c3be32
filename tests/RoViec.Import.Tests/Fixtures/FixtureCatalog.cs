using System.Runtime.CompilerServices;

namespace RoViec.Import.Tests.Fixtures;

/// <summary>One seed sample and the Word documents made from it.</summary>
/// <param name="Name">File name without extension, as under tests/fixtures/seeds.</param>
/// <param name="TableCount">Tables in the document (the same in every variant).</param>
/// <param name="BulletGlyph">The bullet Word draws for "- " lines; one document uses "•" so readers meet both.</param>
/// <param name="Variants">The variants worth having: only documents with tables that cross pages get the table variants.</param>
internal sealed record FixtureSpec(string Name, int TableCount, string BulletGlyph, IReadOnlyList<DocxFixtureVariant> Variants)
{
    public string FileName(DocxFixtureVariant variant) => Name + variant.Suffix;
}

internal static class FixtureCatalog
{
    public static readonly IReadOnlyList<FixtureSpec> All =
    [
        new("dien-chau-ctr-2026", 1, "-", [DocxFixtureVariant.Clean, DocxFixtureVariant.SplitRows, DocxFixtureVariant.RepeatedHeader]),
        new("tan-ky-kh-2026", 3, "-", [DocxFixtureVariant.Clean, DocxFixtureVariant.SplitRows]),
        new("thien-tan-kh-2026", 0, "-", [DocxFixtureVariant.Clean]),
        new("xuan-giang-ctr-2026", 0, "•", [DocxFixtureVariant.Clean]),
    ];

    /// <summary>Family documents (tests/fixtures/family) also kept as Word and PDF, for the layouts that differ by format.</summary>
    public static readonly IReadOnlyList<string> FamilyRenderings =
        ["hac-thanh-kh-2026", "hoa-an-kh-bcd-2026", "hue-kh-57-2026", "nghe-an-kh-cds-2026", "thanh-hoa-kh-57-2026", "dinh-van-lam-ha-kh-2026"];

    /// <summary>
    /// Blind rounds (tests/fixtures/blindN) whose documents are also kept as Word (blindN-docx) and as the PDF LibreOffice
    /// prints from it (blindN-pdf): the round's folder and the documents rendered.
    /// </summary>
    public static readonly IReadOnlyList<(string Round, string Name)> BlindRenderings =
    [
        ("blind3", "tam-diep-kh-cds-2026"), ("blind3", "lao-cai-kh-khcn-2026"), ("blind3", "kien-xuong-ctr-hd-68-2026"),
        ("blind4", "so-khcn-tuyen-quang-kh-2026"), ("blind4", "cam-xuyen-de-an-06-kh-2026"), ("blind4", "hong-gai-cchc-qd-2026"),
        ("blind4", "can-tho-cds-kh-2026"),
        ("blind5", "dong-tien-ctr-dang-uy-2026"), ("blind5", "lam-dong-kh-chinh-quyen-so-2026"), ("blind5", "phu-loi-kh-khcn-dmst-2026"),
        ("blind5", "quang-phu-qd-cchc-2026"),
    ];

    public static FixtureSpec Get(string name) => All.Single(s => s.Name == name);

    /// <summary>Fixtures as copied next to the test assembly (read-only use).</summary>
    public static string Output(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    public static string SeedText(string name) => File.ReadAllText(Output("seeds", name + ".txt"));

    public static byte[] Pdf(string fileName) => File.ReadAllBytes(Output("pdf", fileName + ".pdf"));

    public static string DocxPath(string fileName) => Output("docx", fileName + ".docx");

    /// <summary>
    /// tests/fixtures in the source tree, for writing. Builds put the assembly under an arbitrary
    /// --artifacts-path, so the way back to the sources is this file's own compile-time path
    /// (ROVIEC_FIXTURES_DIR overrides it).
    /// </summary>
    public static string SourceDirectory([CallerFilePath] string thisFile = "") =>
        Environment.GetEnvironmentVariable("ROVIEC_FIXTURES_DIR") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "fixtures"));
}
