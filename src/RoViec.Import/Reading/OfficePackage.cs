using System.IO.Compression;
using System.Text;

namespace RoViec.Import.Reading;

/// <summary>
/// What differs between the Office formats read (Word, Excel) when their package is checked: the file extension named
/// in messages, the parts that must be there, the parts decompressed with a hard cap, and the refusals worded for the
/// format (a damaged file, an encrypted one, an old binary one).
/// </summary>
internal sealed record OfficeFormat(
    string Extension,
    string RequiredPart,
    Func<string, bool> IsCappedPart,
    Func<string, ImportError> Corrupt,
    Func<ImportError> Encrypted,
    Func<ImportError> LegacyBinary)
{
    public static readonly OfficeFormat Docx = new(
        ".docx",
        "word/document.xml",
        name => name.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase),
        detail => new CorruptDocx(detail),
        () => new PasswordProtected(),
        () => new LegacyWordFormat());

    public static readonly OfficeFormat Xlsx = new(
        ".xlsx",
        "xl/workbook.xml",
        name => name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) || name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase),
        detail => new CorruptXlsx(detail),
        () => new PasswordProtectedWorkbook(),
        () => new LegacyExcelFormat());
}

/// <summary>
/// The checks every Office package passes before the Open XML SDK parses it, by reading the zip directory and the
/// main parts only: an OLE compound file is an encrypted (password-protected) package or an old binary file; an
/// archive expanding over the limit, a part expanding more than 200×, or an XML part larger than the file limit is
/// refused; the main parts are decompressed with a hard cap, since the directory can lie about sizes.
/// </summary>
internal static class OfficePackage
{
    public static void Check(byte[] bytes, ImportOptions options, OfficeFormat format)
    {
        if (bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
        {
            // An OLE compound file: Office saves password-protected packages this way, old binary files too.
            var ascii = Encoding.Unicode.GetString(bytes, 0, Math.Min(bytes.Length, 1 << 20) & ~1);
            if (ascii.Contains("EncryptionInfo", StringComparison.Ordinal) || ascii.Contains("EncryptedPackage", StringComparison.Ordinal))
                throw new ImportRefusal(format.Encrypted());
            throw new ImportRefusal(format.LegacyBinary());
        }
        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
            throw new ImportRefusal(format.Corrupt("not a zip package"));
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            // An XML part becomes a DOM of several times its size and then text to parse: a part larger
            // than the file limit itself (text plans are held to it too) would cost gigabytes and minutes
            // even when it compresses only 10×, which the ratio check below does not catch.
            var maxXmlPart = Math.Min(options.MaxBytes, options.MaxExpandedBytes);
            long total = 0;
            var hasRequired = false;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.FullName.Equals(format.RequiredPart, StringComparison.OrdinalIgnoreCase)) hasRequired = true;
                if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > 200 && entry.Length > 10L * 1024 * 1024)
                    throw new ImportRefusal(new SuspiciousArchive($"{entry.FullName} expands {entry.Length / entry.CompressedLength}×", format.Extension));
                if (entry.Length > maxXmlPart && IsXmlPart(entry.FullName))
                    throw new ImportRefusal(new DocumentPartTooLarge(entry.FullName, entry.Length, maxXmlPart, format.Extension));
            }
            if (total > options.MaxExpandedBytes)
                throw new ImportRefusal(new SuspiciousArchive($"{total / 1048576} MB uncompressed", format.Extension));
            if (!hasRequired) throw new ImportRefusal(format.Corrupt($"{format.RequiredPart} is missing"));
            foreach (var entry in zip.Entries)
            {
                if (!format.IsCappedPart(entry.FullName)) continue;
                using var s = entry.Open();
                var buffer = new byte[81920];
                long read = 0;
                int n;
                while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    read += n;
                    if (read > maxXmlPart) throw new ImportRefusal(new SuspiciousArchive($"{entry.FullName} expands beyond the limit", format.Extension));
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ImportRefusal(format.Corrupt(ex.Message));
        }
        catch (IOException ex)
        {
            throw new ImportRefusal(format.Corrupt(ex.Message));
        }
    }

    private static bool IsXmlPart(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
}
