namespace RoViec.Documents.Word;

/// <summary>
/// A document's page and body type. Sizes are in twentieths of a point (1 mm ≈ 56.7) and font sizes in half-points,
/// as WordprocessingML counts them.
/// </summary>
public sealed record PageSetup(int Width, int Height, int Top, int Bottom, int Left, int Right, string Font, int BodySize, string Language)
{
    /// <summary>
    /// A4 with margins of 20 mm top and bottom, 30 mm left and 15 mm right, Times New Roman 14 pt, Vietnamese: the page of
    /// Vietnam's administrative documents.
    /// </summary>
    public static readonly PageSetup A4Vietnamese = new(11906, 16838, 1134, 1134, 1701, 851, "Times New Roman", 28, "vi-VN");

    /// <summary>The width between the margins.</summary>
    public int TextWidth => Width - Left - Right;
}
