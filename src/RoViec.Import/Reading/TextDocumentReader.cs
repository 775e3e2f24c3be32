using System.Text;

namespace RoViec.Import.Reading;

/// <summary>
/// Plain text plans: UTF-8 (with or without BOM) and UTF-16 with BOM. A line with tabs is a table
/// row; consecutive such lines, even with blank lines between them, are one table (a table that
/// continues after a page break repeats its header, which the parser drops).
/// </summary>
internal static class TextDocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<RawBlock> Read(byte[] bytes, int maxChars = int.MaxValue)
    {
        var text = Decode(bytes);
        // Padding and blank lines cost nothing to skip; only the text that will be parsed counts.
        if (text.Length > maxChars && text.AsSpan().Length - CountWhitespace(text) > maxChars)
            throw new ImportRefusal(new DocumentTooLong(maxChars));
        return Split(text);
    }

    private static int CountWhitespace(string text)
    {
        var n = 0;
        foreach (var c in text)
            if (char.IsWhiteSpace(c)) n++;
        return n;
    }

    public static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return DecodeStrict(StrictUtf8, bytes, 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return DecodeStrict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return DecodeStrict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, 0, bytes.Length - IncompleteTail(bytes));
        }
        catch (DecoderFallbackException)
        {
            if (LegacyVietnamese.TryDecodeBytes(bytes, out var legacy, out _)) return legacy;
            throw new ImportRefusal(new UnknownEncoding());
        }
        if (LooksBinary(text)) throw new ImportRefusal(new UnknownEncoding());
        var mojibake = LegacyVietnamese.DetectInUnicodeText(text);
        return mojibake switch
        {
            LegacyEncoding.Tcvn3 => LegacyVietnamese.ConvertTcvn3(text),
            LegacyEncoding.Vni => LegacyVietnamese.ConvertVni(text),
            _ => text,
        };
    }

    /// <summary>Bytes of a UTF-8 sequence cut off by the end of the file (a truncated copy): ignored, not fatal.</summary>
    private static int IncompleteTail(byte[] bytes)
    {
        for (var back = 1; back <= 3 && back <= bytes.Length; back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80) continue;
            var need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return need > back ? back : 0;
        }
        return 0;
    }

    private static string DecodeStrict(Encoding encoding, byte[] bytes, int offset)
    {
        try
        {
            var text = encoding.GetString(bytes, offset, bytes.Length - offset);
            if (LooksBinary(text)) throw new ImportRefusal(new UnknownEncoding());
            return text;
        }
        catch (DecoderFallbackException)
        {
            throw new ImportRefusal(new UnknownEncoding());
        }
        catch (ArgumentException)
        {
            throw new ImportRefusal(new UnknownEncoding());
        }
    }

    /// <summary>Valid UTF-8 can still be binary (NULs, control bytes): refuse rather than parse noise.</summary>
    private static bool LooksBinary(string text)
    {
        var control = 0;
        var sample = Math.Min(text.Length, 65536);
        for (var i = 0; i < sample; i++)
        {
            var c = text[i];
            if (c == '\0') return true;
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) control++;
        }
        return sample > 0 && control * 100 > sample;
    }

    public static IReadOnlyList<RawBlock> Split(string text)
    {
        var blocks = new List<RawBlock>();
        List<IReadOnlyList<string>>? table = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        foreach (var line in lines)
        {
            if (line.Contains('\t', StringComparison.Ordinal))
            {
                table ??= [];
                table.Add(line.Split('\t'));
                continue;
            }
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (table is not null)
            {
                blocks.Add(new RawTable(table));
                table = null;
            }
            blocks.Add(new RawParagraph(line));
        }
        if (table is not null) blocks.Add(new RawTable(table));
        return blocks;
    }
}
