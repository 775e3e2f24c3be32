using System.Text;
using RoViec.Import.Reading;
using Xunit;

namespace RoViec.Import.Tests.Reading;

public sealed class LegacyVietnameseTests
{
    private const string Tcvn3SampleText =
        "Chương trình công tác năm 2026 của Ban Chỉ đạo\r\n" +
        "Căn cứ Kế hoạch số 33-KH/ĐU ngày 26/01/2026 của Ban Thường vụ Đảng ủy xã;\r\n" +
        "TT\tTên nhiệm vụ\tChủ trì\tThời hạn\r\n" +
        "1\tRà soát thủ tục hành chính\tPhòng Văn hóa - Xã hội\tQuý II/2026\r\n";

    private const string VniSampleText =
        "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026 CỦA BAN CHỈ ĐẠO\r\n" +
        "Căn cứ Kế hoạch số 33-KH/ĐU ngày 26/01/2026 của Ban Thường vụ Đảng ủy xã;\r\n" +
        "TT\tTên nhiệm vụ\tChủ trì\tThời hạn\r\n" +
        "1\tRà soát thủ tục hành chính\tPhòng Văn hóa - Xã hội\tQuý II/2026\r\n";

    public static readonly TheoryData<string> Sentences = new(
        "Chương trình công tác năm 2026 của Ban Chỉ đạo",
        "Phòng Văn hóa - Xã hội hoàn thành trong Quý I/2026",
        "Đảng ủy",
        "Ủy ban nhân dân xã",
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học",
        "Nguyễn Thị Hường, người được giao nhiệm vụ, khuyến khích việc chuyển đổi số ở thôn");

    public static readonly TheoryData<string> SeedFiles = new(
        "dien-chau-ctr-2026.txt", "tan-ky-kh-2026.txt", "thien-tan-kh-2026.txt", "xuan-giang-ctr-2026.txt");

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Tcvn3_text_is_converted_to_unicode(string unicode)
    {
        var legacy = TestEncoding.Latin1View(TestEncoding.EncodeTcvn3(unicode));

        Assert.Equal(TestEncoding.WithoutToneCapitals(unicode), LegacyVietnamese.ConvertTcvn3(legacy));
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Vni_text_is_converted_to_unicode(string unicode)
    {
        var legacy = TestEncoding.Latin1View(TestEncoding.EncodeVni(unicode));

        Assert.Equal(unicode, LegacyVietnamese.ConvertVni(legacy));
        Assert.Equal(unicode.ToUpperInvariant(), LegacyVietnamese.ConvertVni(
            TestEncoding.Latin1View(TestEncoding.EncodeVni(unicode.ToUpperInvariant()))));
    }

    [Fact]
    public void Every_vietnamese_letter_is_converted_from_tcvn3()
    {
        foreach (var letter in TestEncoding.AllLetters)
        {
            var legacy = TestEncoding.Latin1View(TestEncoding.EncodeTcvn3(letter.ToString()));
            Assert.Equal(TestEncoding.WithoutToneCapitals(letter.ToString()), LegacyVietnamese.ConvertTcvn3(legacy));
        }
    }

    [Fact]
    public void Every_vietnamese_letter_is_converted_from_vni()
    {
        foreach (var letter in TestEncoding.AllLetters)
        {
            var legacy = TestEncoding.Latin1View(TestEncoding.EncodeVni(letter.ToString()));
            Assert.Equal(letter.ToString(), LegacyVietnamese.ConvertVni(legacy));
        }
        var all = new string(TestEncoding.AllLetters);
        Assert.Equal(all, LegacyVietnamese.ConvertVni(TestEncoding.Latin1View(TestEncoding.EncodeVni(all))));
    }

    [Fact]
    public void The_test_tables_cover_all_134_accented_letters()
    {
        Assert.Equal(134, TestEncoding.AllLetters.Length);
        Assert.Equal(134, TestEncoding.AllLetters.Distinct().Count());
    }

    [Theory]
    [InlineData(".VnTimeH")]
    [InlineData(".VnArialH")]
    [InlineData(".VnCentury SchoolbookH")]
    public void Capital_tcvn3_fonts_give_capital_letters(string font)
    {
        var capitals = new string(TestEncoding.AllLetters.Where(char.IsUpper).ToArray()) + " CHƯƠNG TRÌNH CÔNG TÁC";
        // What an ABC user typed: the lower-case codes, which the H font draws as capitals.
        var legacy = TestEncoding.Latin1View(TestEncoding.EncodeTcvn3(capitals.ToLowerInvariant()));

        Assert.Equal(capitals, LegacyVietnamese.ConvertRun(legacy, font));
    }

    [Theory]
    [InlineData(".VnTime", "Tcvn3")]
    [InlineData(".VnArial", "Tcvn3")]
    [InlineData("VNI-Times", "Vni")]
    [InlineData("VNI-Helve", "Vni")]
    [InlineData("vni-times", "Vni")]
    [InlineData("Times New Roman", "None")]
    [InlineData("VnTime", "None")]
    [InlineData("", "None")]
    [InlineData(null, "None")]
    public void Run_text_is_converted_by_its_font(string? font, string expected)
    {
        const string unicode = "Phòng Văn hóa - Xã hội hoàn thành trong Quý I/2026";
        var tcvn3 = TestEncoding.Latin1View(TestEncoding.EncodeTcvn3(unicode));
        var vni = TestEncoding.Latin1View(TestEncoding.EncodeVni(unicode));

        var legacy = expected switch { "Tcvn3" => tcvn3, "Vni" => vni, _ => vni };
        var converted = LegacyVietnamese.ConvertRun(legacy, font);

        Assert.Equal(expected == "None" ? vni : unicode, converted);
        Assert.Equal(expected, LegacyVietnamese.EncodingOfFont(font).ToString());
    }

    [Theory]
    [InlineData(".VnTime")]
    [InlineData(".VnTimeH")]
    [InlineData("VNI-Times")]
    public void Unicode_text_in_a_legacy_font_run_is_left_alone(string font)
    {
        const string unicode = "Chương trình công tác năm 2026";

        Assert.Equal(unicode, LegacyVietnamese.ConvertRun(unicode, font));
    }

    [Fact]
    public void Windows_1252_punctuation_passes_through_both_conversions()
    {
        const string unicode = "“Chuyển đổi số” – năm 2026…";

        Assert.Equal(unicode, LegacyVietnamese.ConvertTcvn3(TestEncoding.Latin1View(TestEncoding.EncodeTcvn3(unicode))));
        Assert.Equal(unicode, LegacyVietnamese.ConvertVni(TestEncoding.Latin1View(TestEncoding.EncodeVni(unicode))));
    }

    [Fact]
    public void Strict_latin1_view_of_windows_1252_punctuation_is_repaired()
    {
        // A file decoded as ISO-8859-1 rather than Windows-1252 shows the quotes as C1 controls.
        var legacy = Encoding.Latin1.GetString(TestEncoding.EncodeTcvn3("“công”"));

        Assert.Equal("“công”", LegacyVietnamese.ConvertTcvn3(legacy));
    }

    [Fact]
    public void Vn2_combining_tone_marks_come_out_composed()
    {
        // TCVN 5712 VN2 stores a combining acute at 0xB3 after the base letter.
        var converted = LegacyVietnamese.ConvertTcvn3("ca\u00B3c");

        Assert.Equal("các", converted);
        Assert.True(converted.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Plain_ascii_is_unchanged()
    {
        const string ascii = "UBND xa: 57-NQ/TW, (1) TT\tTen\r\n";

        Assert.Equal(ascii, LegacyVietnamese.ConvertTcvn3(ascii));
        Assert.Equal(ascii, LegacyVietnamese.ConvertVni(ascii));
        Assert.Equal(string.Empty, LegacyVietnamese.ConvertVni(string.Empty));
    }

    [Theory]
    [InlineData("nghiêng")]
    [InlineData("khuyếch")]
    [InlineData("giữa")]
    [InlineData("gì")]
    [InlineData("quốc")]
    [InlineData("Quý")]
    [InlineData("người")]
    [InlineData("ĐẢNG")]
    [InlineData("Ủy")]
    [InlineData("hoà")]
    [InlineData("xoong")]
    [InlineData("thuở")]
    [InlineData("khuỷu")]
    [InlineData("huỳnh")]
    [InlineData("doanh")]
    [InlineData("thích")]
    [InlineData("chuyển")]
    [InlineData("năm")]
    [InlineData("ăn")]
    public void Vietnamese_syllables_are_recognised(string word)
    {
        Assert.True(LegacyVietnamese.IsVietnameseSyllable(word));
    }

    [Theory]
    [InlineData("chửụng")] // two tones: VNI "Chöông" read as TCVN3
    [InlineData("trỡnh")] // -nh after ơ: VNI "trình" read as TCVN3
    [InlineData("cafộ")] // f is no Vietnamese letter
    [InlineData("hóà")] // one tone per syllable
    [InlineData("tàc")] // a stop final takes only the acute or dot-below tone
    [InlineData("hàt")]
    [InlineData("taim")] // an open vowel group takes no final
    [InlineData("tinh­")] // TCVN3 ư left undecoded
    [InlineData("ă")] // ă needs a final
    [InlineData("tiê")] // iê needs a final
    [InlineData("ting")] // after i the velar final is spelled -nh
    [InlineData("qa")] // q only as qu
    [InlineData("HĐND")] // an abbreviation is no syllable
    [InlineData("nghiêngg")]
    public void Non_syllables_are_rejected(string word)
    {
        Assert.False(LegacyVietnamese.IsVietnameseSyllable(word));
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Tcvn3_file_is_detected_and_decoded(string seed)
    {
        var unicode = ReadSeed(seed);

        var decoded = LegacyVietnamese.TryDecodeBytes(TestEncoding.EncodeTcvn3(unicode), out var text, out var encoding);

        Assert.True(decoded);
        Assert.Equal(LegacyEncoding.Tcvn3, encoding);
        Assert.Equal(TestEncoding.WithoutToneCapitals(unicode), text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Vni_file_is_detected_and_decoded(string seed)
    {
        var unicode = ReadSeed(seed);

        var decoded = LegacyVietnamese.TryDecodeBytes(TestEncoding.EncodeVni(unicode), out var text, out var encoding);

        Assert.True(decoded);
        Assert.Equal(LegacyEncoding.Vni, encoding);
        Assert.Equal(unicode, text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Short_legacy_text_is_detected_when_it_has_three_accented_words(string unicode)
    {
        var accentedWords = unicode.Split(' ').Count(w => w.Any(c => c > 0x7F));
        var tcvn3 = LegacyVietnamese.TryDecodeBytes(TestEncoding.EncodeTcvn3(unicode), out var tcvn3Text, out var tcvn3Encoding);
        var vni = LegacyVietnamese.TryDecodeBytes(TestEncoding.EncodeVni(unicode), out var vniText, out var vniEncoding);

        if (accentedWords < 3)
        {
            Assert.False(tcvn3);
            Assert.False(vni);
            Assert.Equal(LegacyEncoding.None, tcvn3Encoding);
            Assert.Equal(string.Empty, vniText);
            return;
        }
        Assert.True(tcvn3);
        Assert.Equal(LegacyEncoding.Tcvn3, tcvn3Encoding);
        Assert.Equal(TestEncoding.WithoutToneCapitals(unicode), tcvn3Text);
        Assert.True(vni);
        Assert.Equal(LegacyEncoding.Vni, vniEncoding);
        Assert.Equal(unicode, vniText);
    }

    public static TheoryData<string, byte[]> NotLegacyVietnamese()
    {
        const string vietnamese = "Chương trình công tác năm 2026 của Ban Chỉ đạo về phát triển khoa học, công nghệ, " +
                                  "đổi mới sáng tạo và chuyển đổi số xã Diễn Châu.";
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var shiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932)!;
        var tcvn3View = TestEncoding.Latin1View(TestEncoding.EncodeTcvn3(vietnamese));
        var random = new Random(20260501);
        var binary = new byte[4096];
        random.NextBytes(binary);
        // Printable noise: no NUL or control byte to give it away, so only the syllable test can refuse it.
        var noise = new byte[4096];
        for (var i = 0; i < noise.Length; i++) noise[i] = (byte)(i % 9 == 0 ? ' ' : random.Next(0x41, 0x100));

        return new TheoryData<string, byte[]>
        {
            { "empty", [] },
            { "random binary", binary },
            { "printable noise", noise },
            { "UTF-16LE without BOM", new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(vietnamese) },
            { "UTF-16BE without BOM", new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetBytes(vietnamese) },
            { "UTF-32 without BOM", new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetBytes(vietnamese) },
            // Read a byte at a time, every letter of these is a one-letter word, and lone TCVN3 vowels are valid syllables.
            { "TCVN3 view re-saved as UTF-16 without BOM", new UnicodeEncoding(false, false).GetBytes(tcvn3View) },
            { "TCVN3 view re-saved as UTF-16 with BOM", [0xFF, 0xFE, .. new UnicodeEncoding(false, false).GetBytes(tcvn3View)] },
            { "UTF-8", Encoding.UTF8.GetBytes(vietnamese) },
            { "ASCII", Encoding.ASCII.GetBytes("Plan of work for 2026, approved by the steering committee.") },
            { "Shift-JIS", shiftJis.GetBytes("令和八年度の事業計画について、委員会で審議し、以下のとおり決定した。担当部署は期限までに報告すること。") },
            { "Windows-1252 French", windows1252.GetBytes(
                "Le comité a approuvé le programme de l'année : réunions trimestrielles, élaboration du " +
                "rapport à côté de la mairie, où l'équipe présentera les résultats déjà obtenus. Très bien, à bientôt !") },
            { "Windows-1252 German", windows1252.GetBytes(
                "Der Ausschuss hat den Arbeitsplan für das Jahr beschlossen; die Ergebnisse müssen bis zum " +
                "Quartalsende übermittelt werden. Größere Änderungen prüft die Verwaltung gemäß Straßenplan.") },
        };
    }

    [Theory]
    [MemberData(nameof(NotLegacyVietnamese))]
    public void Bytes_that_are_not_legacy_vietnamese_are_refused(string kind, byte[] bytes)
    {
        var decoded = LegacyVietnamese.TryDecodeBytes(bytes, out var text, out var encoding);

        Assert.False(decoded, kind);
        Assert.Equal(string.Empty, text);
        Assert.Equal(LegacyEncoding.None, encoding);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Unicode_seed_documents_are_not_taken_for_legacy_text(string seed)
    {
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.DetectInUnicodeText(ReadSeed(seed)));
    }

    [Theory]
    [InlineData("The committee approved the plan: café meetings, a naïve résumé, the façade of the rôle, déjà vu.")]
    [InlineData("Le comité a approuvé le programme : où est la réunion ? À côté de la mairie, déjà prévue, très bien.")]
    [InlineData("Où ? Où ? Où est-il ? « Là-bas », a-t-il répondu, « près du café ».")]
    [InlineData("Die Größe der Straße ändert sich; für Übersicht sorgt das Amt.")]
    // "où" is VNI for "ó"; alone, or next to as many words it cannot repair, it proves nothing.
    [InlineData("Où ?")]
    [InlineData("Où ? Où ? Où donc ? Très, très, très loin.")]
    [InlineData("")]
    public void Other_languages_are_not_taken_for_legacy_text(string text)
    {
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.DetectInUnicodeText(text));
    }

    [Theory]
    [InlineData("Tcvn3")]
    [InlineData("Vni")]
    public void Unicode_text_quoting_a_short_legacy_fragment_is_not_taken_for_legacy_text(string fragmentEncoding)
    {
        // Converting this text wholesale would turn its genuine "công", "tác", "và" into other letters.
        const string fragment = "Chương trình công tác năm 2026 của Ban Chỉ đạo về phát triển khoa học";
        var bytes = fragmentEncoding == "Tcvn3" ? TestEncoding.EncodeTcvn3(fragment) : TestEncoding.EncodeVni(fragment);
        var text = ReadSeed("xuan-giang-ctr-2026.txt")[..1500] + "\n" + TestEncoding.Latin1View(bytes) + "\n";

        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.DetectInUnicodeText(text));
    }

    [Theory]
    // Unicode words full of ư, ơ, đ, ạ that no legacy view can hold, around eight repairable TCVN3 words.
    [InlineData("Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân xã đã chỉ đạo thực hiện: " +
                "Ch\u00AD¬ng tr×nh c«ng t¸c n¨m cña Ban ChØ ®¹o.")]
    // Unicode words that happen to use only Latin-1 letters and stay valid when read as TCVN3, with three
    // repairable words among them.
    [InlineData("Nhân dân xã là và có tôi; nhân dân xã là và có tôi; nhân dân xã là và có tôi: c«ng t¸c n¨m.")]
    public void Mostly_unicode_text_with_a_few_legacy_words_is_not_taken_for_legacy_text(string text)
    {
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.DetectInUnicodeText(text));
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Tcvn3_resaved_as_unicode_is_detected(string seed)
    {
        var unicode = ReadSeed(seed);
        var mojibake = TestEncoding.Latin1View(TestEncoding.EncodeTcvn3(unicode));

        Assert.Equal(LegacyEncoding.Tcvn3, LegacyVietnamese.DetectInUnicodeText(mojibake));
        Assert.Equal(TestEncoding.WithoutToneCapitals(unicode), LegacyVietnamese.ConvertTcvn3(mojibake));
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Vni_resaved_as_unicode_is_detected(string seed)
    {
        var unicode = ReadSeed(seed);
        var mojibake = TestEncoding.Latin1View(TestEncoding.EncodeVni(unicode));

        Assert.Equal(LegacyEncoding.Vni, LegacyVietnamese.DetectInUnicodeText(mojibake));
        Assert.Equal(unicode, LegacyVietnamese.ConvertVni(mojibake));
    }

    [Theory]
    // As people paste it: the soft hyphen that TCVN3 uses for ư is invisible and often lost.
    [InlineData("Ch¬ng tr×nh c«ng t¸c", "Tcvn3")]
    [InlineData("Ch\u00AD¬ng tr×nh c«ng t¸c n¨m 2026 cña Ban ChØ ®¹o", "Tcvn3")]
    // Read as strict ISO-8859-1, the Windows-1252 quotes around it become C1 controls.
    [InlineData("\u0093Ch\u00AD¬ng tr×nh c«ng t¸c\u0094", "Tcvn3")]
    [InlineData("Chöông trình coâng taùc", "Vni")]
    [InlineData("Chöông trình coâng taùc naêm 2026 cuûa Ban Chæ ñaïo", "Vni")]
    public void Short_mojibake_is_detected(string text, string expected)
    {
        Assert.Equal(expected, LegacyVietnamese.DetectInUnicodeText(text).ToString());
    }

    [Theory]
    [InlineData("tcvn3-sample.txt", "Tcvn3", Tcvn3SampleText)]
    [InlineData("vni-sample.txt", "Vni", VniSampleText)]
    public void Legacy_fixture_files_decode_to_the_expected_text(string file, string expectedEncoding, string expectedText)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "legacy", file));

        var decoded = LegacyVietnamese.TryDecodeBytes(bytes, out var text, out var encoding);

        Assert.True(decoded);
        Assert.Equal(expectedEncoding, encoding.ToString());
        Assert.Equal(expectedText, text);
    }

    [Theory]
    [InlineData("tcvn3-sample.txt", "Tcvn3", Tcvn3SampleText)]
    [InlineData("vni-sample.txt", "Vni", VniSampleText)]
    public void Legacy_fixture_files_hold_the_test_encoder_bytes(string file, string encoding, string unicode)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "legacy", file));

        var expected = encoding == "Tcvn3" ? TestEncoding.EncodeTcvn3(unicode) : TestEncoding.EncodeVni(unicode);
        Assert.Equal(expected, bytes);
    }

    private static string ReadSeed(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds", name), Encoding.UTF8);
}

/// <summary>
/// Test-side encoders from Unicode to TCVN3 and VNI bytes, written from the published code charts
/// (en.wikipedia.org/wiki/VSCII for TCVN3; the VNI-Windows chart as in UniKey's VnConv and
/// duydev/vietnamese-conversion) and independent of the tables in <see cref="LegacyVietnamese"/>.
/// tests/fixtures/legacy/make_samples.py reads the rows below to write the fixture files.
/// </summary>
internal static class TestEncoding
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static readonly Dictionary<char, byte> Tcvn3 = [];
    private static readonly Dictionary<char, string> Vni = [];

    /// <summary>The 134 letters Vietnamese adds to ASCII, đ and Đ included.</summary>
    public static readonly char[] AllLetters = BuildTables();

    // Rows: plain, grave, hook above, tilde, acute, dot below.
    private static char[] BuildTables()
    {
        Tcvn3Row("aàảãáạ", 0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9);
        Tcvn3Row("ăằẳẵắặ", 0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6);
        Tcvn3Row("âầẩẫấậ", 0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB);
        Tcvn3Row("eèẻẽéẹ", 0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1);
        Tcvn3Row("êềểễếệ", 0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6);
        Tcvn3Row("iìỉĩíị", 0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE);
        Tcvn3Row("oòỏõóọ", 0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4);
        Tcvn3Row("ôồổỗốộ", 0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9);
        Tcvn3Row("ơờởỡớợ", 0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE);
        Tcvn3Row("uùủũúụ", 0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4);
        Tcvn3Row("ưừửữứự", 0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9);
        Tcvn3Row("yỳỷỹýỵ", 0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE);
        Tcvn3Single('đ', 0xAE);
        Tcvn3Single('Ă', 0xA1);
        Tcvn3Single('Â', 0xA2);
        Tcvn3Single('Ê', 0xA3);
        Tcvn3Single('Ô', 0xA4);
        Tcvn3Single('Ơ', 0xA5);
        Tcvn3Single('Ư', 0xA6);
        Tcvn3Single('Đ', 0xA7);

        VniRow("aàảãáạ", "a", "aø", "aû", "aõ", "aù", "aï");
        VniRow("AÀẢÃÁẠ", "A", "AØ", "AÛ", "AÕ", "AÙ", "AÏ");
        VniRow("ăằẳẵắặ", "aê", "aè", "aú", "aü", "aé", "aë");
        VniRow("ĂẰẲẴẮẶ", "AÊ", "AÈ", "AÚ", "AÜ", "AÉ", "AË");
        VniRow("âầẩẫấậ", "aâ", "aà", "aå", "aã", "aá", "aä");
        VniRow("ÂẦẨẪẤẬ", "AÂ", "AÀ", "AÅ", "AÃ", "AÁ", "AÄ");
        VniRow("eèẻẽéẹ", "e", "eø", "eû", "eõ", "eù", "eï");
        VniRow("EÈẺẼÉẸ", "E", "EØ", "EÛ", "EÕ", "EÙ", "EÏ");
        VniRow("êềểễếệ", "eâ", "eà", "eå", "eã", "eá", "eä");
        VniRow("ÊỀỂỄẾỆ", "EÂ", "EÀ", "EÅ", "EÃ", "EÁ", "EÄ");
        VniRow("iìỉĩíị", "i", "ì", "æ", "ó", "í", "ò");
        VniRow("IÌỈĨÍỊ", "I", "Ì", "Æ", "Ó", "Í", "Ò");
        VniRow("oòỏõóọ", "o", "oø", "oû", "oõ", "où", "oï");
        VniRow("OÒỎÕÓỌ", "O", "OØ", "OÛ", "OÕ", "OÙ", "OÏ");
        VniRow("ôồổỗốộ", "oâ", "oà", "oå", "oã", "oá", "oä");
        VniRow("ÔỒỔỖỐỘ", "OÂ", "OÀ", "OÅ", "OÃ", "OÁ", "OÄ");
        VniRow("ơờởỡớợ", "ô", "ôø", "ôû", "ôõ", "ôù", "ôï");
        VniRow("ƠỜỞỠỚỢ", "Ô", "ÔØ", "ÔÛ", "ÔÕ", "ÔÙ", "ÔÏ");
        VniRow("uùủũúụ", "u", "uø", "uû", "uõ", "uù", "uï");
        VniRow("UÙỦŨÚỤ", "U", "UØ", "UÛ", "UÕ", "UÙ", "UÏ");
        VniRow("ưừửữứự", "ö", "öø", "öû", "öõ", "öù", "öï");
        VniRow("ƯỪỬỮỨỰ", "Ö", "ÖØ", "ÖÛ", "ÖÕ", "ÖÙ", "ÖÏ");
        VniRow("yỳỷỹýỵ", "y", "yø", "yû", "yõ", "yù", "î");
        VniRow("YỲỶỸÝỴ", "Y", "YØ", "YÛ", "YÕ", "YÙ", "Î");
        VniSingle('đ', "ñ");
        VniSingle('Đ', "Ñ");

        // VN3 has no toned capitals: ABC users switch to the capital font, which draws the lower-case codes.
        foreach (var (letter, code) in Tcvn3.ToList()) Tcvn3.TryAdd(char.ToUpperInvariant(letter), code);
        return Vni.Keys.Where(c => c > 0x7F).Order().ToArray();
    }

    private static void Tcvn3Row(string letters, params byte[] codes)
    {
        for (var i = 0; i < letters.Length; i++)
        {
            if (letters[i] > 0x7F) Tcvn3.Add(letters[i], codes[i]);
        }
    }

    private static void Tcvn3Single(char letter, byte code) => Tcvn3.Add(letter, code);

    private static void VniRow(string letters, params string[] codes)
    {
        for (var i = 0; i < letters.Length; i++) Vni.Add(letters[i], codes[i]);
    }

    private static void VniSingle(char letter, string code) => Vni.Add(letter, code);

    public static byte[] EncodeTcvn3(string unicode) =>
        Encode(unicode, c => Tcvn3.TryGetValue(c, out var code) ? [code] : null);

    public static byte[] EncodeVni(string unicode) =>
        Encode(unicode, c => Vni.TryGetValue(c, out var code) ? Windows1252.GetBytes(code) : null);

    /// <summary>The legacy bytes as Word and Windows-1252 editors show them.</summary>
    public static string Latin1View(byte[] bytes) => Windows1252.GetString(bytes);

    /// <summary>What survives a round trip through TCVN3: toned capitals become lower case.</summary>
    public static string WithoutToneCapitals(string unicode) =>
        new(unicode.Select(c => c > 0x7F && char.IsUpper(c) && "ĂÂÊÔƠƯĐ".IndexOf(c, StringComparison.Ordinal) < 0
            ? char.ToLowerInvariant(c)
            : c).ToArray());

    private static byte[] Encode(string unicode, Func<char, byte[]?> letter)
    {
        var bytes = new List<byte>(unicode.Length * 2);
        foreach (var c in unicode)
        {
            if (c < 0x80) bytes.Add((byte)c);
            else if (letter(c) is { } code) bytes.AddRange(code);
            // Both encodings keep the Windows-1252 quotes and dashes at 0x80-0x9F.
            else if (c is >= '\u2010' and <= '\u20FF') bytes.AddRange(Windows1252.GetBytes([c]));
            else throw new ArgumentException($"U+{(int)c:X4} has no place in the test table.", nameof(unicode));
        }
        return [.. bytes];
    }
}
