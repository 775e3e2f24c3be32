using DocumentFormat.OpenXml.Wordprocessing;

namespace RoViec.Documents.Word;

/// <summary>How a paragraph looks: spacing and indent in twentieths of a point, size in half-points (28 = 14 pt).</summary>
public sealed record ParagraphFormat
{
    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public bool Underline { get; init; }
    public int Size { get; init; } = 28;
    public JustificationValues? Align { get; init; }
    public int FirstLine { get; init; }
    public int Before { get; init; }
    public int After { get; init; }
    public bool KeepNext { get; init; }
}
