using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RoViec.Cli.Tests.Fixtures;

/// <summary>A folder of its own for one test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "roviec-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }
}

/// <summary>
/// Builds, at test time, each kind of input the importer must refuse: nothing here is committed
/// except the password-protected DOCX (made by LibreOffice, see fixtures/bad/README.md) and the
/// scanned PDF (committed by the PDF work, optional until then).
/// </summary>
public static class BadFiles
{
    public static string FixturesDir { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static string SeedsDir { get; } = Path.Combine(FixturesDir, "seeds");

    /// <summary>A real Word "Encrypt with password" file (password "secret"): an OLE2 container with EncryptionInfo and EncryptedPackage.</summary>
    public static string PasswordProtectedDocx { get; } = Path.Combine(FixturesDir, "bad", "password-protected.docx");

    /// <summary>A PDF made of page images only; committed by the PDF work, may be absent.</summary>
    public static string ScannedPdf { get; } = Path.Combine(FixturesDir, "pdf", "scanned.pdf");

    public static string Empty(TempFolder dir, string name)
    {
        var path = dir.File(name);
        File.WriteAllBytes(path, []);
        return path;
    }

    /// <summary>Bytes from a seeded generator, neither a zip, an OLE file nor a PDF.</summary>
    public static string RandomBytes(TempFolder dir, string name, int length)
    {
        var bytes = new byte[length];
        new Random(20260301).NextBytes(bytes);
        bytes[0] = 0x1F; // not 'P' (zip), 0xD0 (OLE) or '%' (PDF) whatever the generator gives
        var path = dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A file of the given size that takes no time and no disk to make (sparse).</summary>
    public static string Sparse(TempFolder dir, string name, long length)
    {
        var path = dir.File(name);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        stream.SetLength(length);
        return path;
    }

    /// <summary>A seed plan followed by whitespace up to the given size: a real plan in a file too big for the default limit.</summary>
    public static string PaddedPlan(TempFolder dir, string name, string seed, long length)
    {
        var path = dir.File(name);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        var plan = File.ReadAllBytes(Seed(seed));
        stream.Write(plan);
        stream.WriteByte((byte)'\n');
        var spaces = new byte[1 << 20];
        spaces.AsSpan().Fill((byte)' ');
        while (stream.Length < length - 1)
            stream.Write(spaces, 0, (int)Math.Min(spaces.Length, length - 1 - stream.Length));
        stream.WriteByte((byte)'\n');
        return path;
    }

    public static string Seed(string name) => Path.Combine(SeedsDir, name);

    public static IEnumerable<string> SeedPlans() =>
        Directory.EnumerateFiles(SeedsDir, "*.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    /// <summary>A real DOCX (Open XML SDK) from text lines: a line with tabs is a table row, consecutive ones one table.</summary>
    public static string Docx(TempFolder dir, string name, IEnumerable<string> lines)
    {
        var path = dir.File(name);
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            Table? table = null;
            foreach (var line in lines)
            {
                if (line.Contains('\t', StringComparison.Ordinal))
                {
                    if (table is null)
                    {
                        table = new Table(new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single })));
                        body.Append(table);
                    }
                    table.Append(new TableRow(line.Split('\t').Select(cell => new TableCell(Para(cell)))));
                    continue;
                }
                table = null;
                if (line.Trim().Length > 0) body.Append(Para(line));
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return path;
    }

    public static string DocxFromSeed(TempFolder dir, string name, string seed) =>
        Docx(dir, name, File.ReadAllLines(Seed(seed), Encoding.UTF8));

    /// <summary>A real DOCX of a real plan, cut to half its bytes (the zip directory at the end is lost).</summary>
    public static string TruncatedDocx(TempFolder dir, string name, string seed)
    {
        var whole = DocxFromSeed(dir, "whole-" + name, seed);
        var bytes = File.ReadAllBytes(whole);
        var path = dir.File(name);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        return path;
    }

    /// <summary>
    /// A valid .docx package whose word/document.xml is <paramref name="expandedBytes"/> of spaces
    /// inside one w:t: about 1 MB on disk per GB expanded. Streamed, so building it takes little memory.
    /// With <paramref name="lyingDirectory"/>, the zip headers claim the part is 4 KB.
    /// </summary>
    public static string ZipBomb(TempFolder dir, string name, long expandedBytes, bool lyingDirectory = false)
    {
        const string Main = "word/document.xml";
        var path = dir.File(name);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            WritePackageSkeleton(zip);
            using var part = zip.CreateEntry(Main, CompressionLevel.Optimal).Open();
            part.Write(Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t xml:space=\"preserve\">KẾ HOẠCH"));
            var spaces = new byte[1 << 20];
            spaces.AsSpan().Fill((byte)' ');
            for (long written = 0; written < expandedBytes; written += spaces.Length) part.Write(spaces);
            part.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
        }
        if (lyingDirectory) ClaimUncompressedSize(path, Main, 4096);
        return path;
    }

    /// <summary>
    /// A .docx whose main part is <paramref name="xmlBytes"/> of ordinary-looking paragraphs with
    /// varied numbers, so it compresses only about 10×: no ratio alarm, yet a parsed DOM of it
    /// would take gigabytes.
    /// </summary>
    public static string HugeTextDocx(TempFolder dir, string name, long xmlBytes)
    {
        var path = dir.File(name);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            WritePackageSkeleton(zip);
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
            part.Write(Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"));
            var random = new Random(7);
            var chunk = new StringBuilder();
            long written = 0;
            while (written < xmlBytes)
            {
                chunk.Clear();
                for (var i = 0; i < 1000; i++)
                    chunk.Append("<w:p><w:r><w:t>Nhiệm vụ số ").Append(random.Next(100_000_000)).Append(" của Ủy ban nhân dân xã</w:t></w:r></w:p>");
                var bytes = Encoding.UTF8.GetBytes(chunk.ToString());
                part.Write(bytes);
                written += bytes.Length;
            }
            part.Write("</w:body></w:document>"u8);
        }
        return path;
    }

    private static void WritePackageSkeleton(ZipArchive zip)
    {
        WriteEntry(zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
            "</Types>");
        WriteEntry(zip, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>" +
            "</Relationships>");
    }

    private static void WriteEntry(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Rewrites the uncompressed size of one entry in both its local header and the central directory.</summary>
    private static void ClaimUncompressedSize(string path, string entryName, uint claimed)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034B50 && NameAt(bytes, i + 26, i + 30, name))
            {
                Patch(bytes, i + 22, i + 26, i + 30, claimed); // local file header
                patched++;
            }
            else if (signature == 0x02014B50 && NameAt(bytes, i + 28, i + 46, name))
            {
                Patch(bytes, i + 24, i + 28, i + 46, claimed); // central directory header
                patched++;
            }
        }
        if (patched != 2) throw new InvalidOperationException($"expected a local and a central header for {entryName}, patched {patched}");
        File.WriteAllBytes(path, bytes);

        static bool NameAt(byte[] bytes, int lengthAt, int nameAt, byte[] name) =>
            BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(lengthAt)) == name.Length
            && nameAt + name.Length <= bytes.Length
            && bytes.AsSpan(nameAt, name.Length).SequenceEqual(name);

        static void Patch(byte[] bytes, int sizeAt, int nameLengthAt, int nameAt, uint claimed)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(sizeAt)) != uint.MaxValue)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(sizeAt), claimed);
                return;
            }
            // Zip64: the real size is in the extra field (id 0x0001), uncompressed size first.
            var extraAt = nameAt + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(nameLengthAt));
            var extraEnd = extraAt + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(nameLengthAt + 2));
            for (var at = extraAt; at + 4 <= extraEnd;)
            {
                var id = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at));
                var size = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 2));
                if (id == 0x0001)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at + 4), claimed);
                    return;
                }
                at += 4 + size;
            }
            throw new InvalidOperationException("zip64 size without a zip64 extra field");
        }
    }

    /// <summary>Bytes 0x80–0xFF scattered through ASCII: invalid UTF-8, and no Vietnamese legacy font either.</summary>
    public static string UnknownEncodingText(TempFolder dir, string name)
    {
        var random = new Random(1);
        var bytes = new byte[8192];
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = random.Next(10) < 4 ? (byte)random.Next(0x80, 0x100) : (byte)random.Next('a', 'z' + 1);
        var path = dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Japanese text saved as Shift-JIS: a real encoding, just not one a Vietnamese plan comes in.</summary>
    public static string ShiftJisText(TempFolder dir, string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = string.Concat(Enumerable.Repeat("これは計画書ではありません。日本語の文章です。\n", 60));
        var path = dir.File(name);
        File.WriteAllBytes(path, Encoding.GetEncoding("shift_jis").GetBytes(text));
        return path;
    }

    public static readonly string[] Recipe =
    [
        "CÁCH LÀM PHỞ BÒ",
        "Phở bò là món ăn truyền thống của người Việt, nước dùng trong, thơm mùi quế hồi.",
        "Nguyên liệu",
        "- 1,5 kg xương ống bò",
        "- 500 g thịt bò thăn",
        "- 1 kg bánh phở tươi",
        "- Hành tây, gừng, quế, hồi, thảo quả",
        "- Hành lá, rau mùi, giá đỗ, chanh, ớt",
        "Cách làm",
        "1. Rửa sạch xương, chần qua nước sôi rồi ninh với lửa nhỏ trong 6 giờ.",
        "2. Nướng hành tây và gừng, rang thơm quế, hồi, thảo quả rồi cho vào nồi nước dùng.",
        "3. Nêm nước mắm, muối, đường phèn cho vừa ăn.",
        "4. Thái thịt bò thật mỏng; trụng bánh phở qua nước sôi.",
        "5. Xếp bánh phở, thịt bò vào tô, chan nước dùng đang sôi, rắc hành lá và rau mùi.",
        "Chúc các bạn thành công!",
    ];

    public static readonly string[] Contract =
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "HỢP ĐỒNG MUA BÁN HÀNG HÓA",
        "Số: 15/2026/HĐMB",
        "Căn cứ Bộ luật Dân sự số 91/2015/QH13 ngày 24/11/2015;",
        "Căn cứ Luật Thương mại số 36/2005/QH11 ngày 14/6/2005;",
        "Căn cứ nhu cầu và khả năng của hai bên.",
        "Hôm nay, ngày 10 tháng 3 năm 2026, tại Hà Nội, chúng tôi gồm:",
        "BÊN A (Bên bán): Công ty TNHH Thương mại An Phát, đại diện ông Nguyễn Văn An, Giám đốc.",
        "BÊN B (Bên mua): Công ty Cổ phần Xây dựng Bình Minh, đại diện bà Trần Thị Bình, Giám đốc.",
        "Hai bên thống nhất ký kết hợp đồng với các điều khoản sau:",
        "Điều 1. Hàng hóa, số lượng, giá cả",
        "Bên A bán cho Bên B 500 tấn xi măng PCB40, đơn giá 1.500.000 đồng/tấn, tổng giá trị 750.000.000 đồng.",
        "Điều 2. Thời hạn và địa điểm giao hàng",
        "Bên A giao hàng cho Bên B trước ngày 30/4/2026 tại công trình của Bên B.",
        "Điều 3. Phương thức thanh toán",
        "Bên B thanh toán bằng chuyển khoản trong vòng 15 ngày kể từ ngày nhận hàng.",
        "Điều 4. Trách nhiệm của các bên",
        "- Bên A chịu trách nhiệm về chất lượng hàng hóa.",
        "- Bên B chịu trách nhiệm thanh toán đúng hạn.",
        "Điều 5. Điều khoản chung",
        "Hợp đồng có hiệu lực kể từ ngày ký, được lập thành 02 bản, mỗi bên giữ 01 bản.",
        "ĐẠI DIỆN BÊN A                ĐẠI DIỆN BÊN B",
    ];

    /// <summary>A real plan header (number, title, legal basis) with prose and no task at all.</summary>
    public static readonly string[] PlanWithoutTasks =
    [
        "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH",
        "Số: 12/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hòa Bình, ngày 05 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Tổ chức các hoạt động văn hóa, thể thao năm 2026",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
        "Căn cứ Nghị quyết số 20/NQ-HĐND ngày 20/12/2025 của Hội đồng nhân dân xã về kế hoạch phát triển kinh tế - xã hội năm 2026;",
        "Ủy ban nhân dân xã xây dựng kế hoạch này nhằm tạo không khí vui tươi, phấn khởi trong nhân dân, góp phần nâng cao đời sống tinh thần của người dân trên địa bàn.",
        "Việc tổ chức các hoạt động cần bảo đảm tiết kiệm, an toàn, thiết thực và phù hợp với điều kiện thực tế của địa phương.",
        "Trên đây là kế hoạch tổ chức các hoạt động văn hóa, thể thao năm 2026 của Ủy ban nhân dân xã.",
        "Nơi nhận:",
        "- Lưu: VT.",
    ];

    public static string Text(TempFolder dir, string name, IEnumerable<string> lines)
    {
        var path = dir.File(name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static Paragraph Para(string text) =>
        new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}
