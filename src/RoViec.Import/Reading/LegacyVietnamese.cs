namespace RoViec.Import.Reading;

// Placeholder until the legacy-encoding converter lands: detects nothing, converts nothing.
internal enum LegacyEncoding
{
    None,
    Tcvn3,
    Vni,
}

internal static class LegacyVietnamese
{
    public static bool TryDecodeBytes(ReadOnlySpan<byte> bytes, out string text, out LegacyEncoding encoding)
    {
        _ = bytes;
        text = string.Empty;
        encoding = LegacyEncoding.None;
        return false;
    }

    public static LegacyEncoding DetectInUnicodeText(string text) => string.IsNullOrEmpty(text) ? LegacyEncoding.None : LegacyEncoding.None;

    public static string ConvertTcvn3(string text) => text;

    public static string ConvertVni(string text) => text;

    public static string ConvertRun(string text, string? fontName) => fontName is null ? text : text;
}
