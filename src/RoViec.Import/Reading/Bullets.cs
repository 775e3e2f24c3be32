namespace RoViec.Import.Reading;

/// <summary>The glyphs Word and LibreOffice draw for bullets, and how they are written in text.</summary>
internal static class Bullets
{
    public static bool IsBulletGlyph(string word) => word.Length == 1 && IsBulletChar(word[0]);

    /// <summary>One list of bullet glyphs for every reader, so a "➢" list reads the same in .txt, .docx and .pdf.</summary>
    public static bool IsBulletChar(char c) =>
        c is '-' or '+' or '•' or '–' or '·' or '●' or '○' or '◦' or '▪' or '■' or '□' or '➢' or '►' or '✓'
            // Symbol and Wingdings bullets come out as private-use code points.
            || (c >= '\uF000' && c <= '\uF0FF');

    /// <summary>"+" keeps its meaning (the sub-level in Vietnamese plans); every other glyph is a "-".</summary>
    public static string Prefix(string glyph) => glyph == "+" ? "+ " : "- ";
}
