using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace RoViec.Import.Reading;

/// <summary>Pre-Unicode Vietnamese encodings still common in archived local-government documents.</summary>
internal enum LegacyEncoding
{
    None,

    /// <summary>TCVN 5712:1993 VN3 ("ABC"), the encoding behind the .VnTime font family.</summary>
    Tcvn3,

    /// <summary>VNI-Windows, behind the VNI-Times font family: most accented vowels take two bytes.</summary>
    Vni,
}

/// <summary>
/// Detects TCVN3 and VNI text and converts it to NFC Unicode. Detection answers only when the converted text
/// reads as Vietnamese syllables, so a caller can refuse anything else instead of importing mojibake.
/// </summary>
/// <remarks>
/// Converters take text "in the Latin-1 view": every legacy byte as the Windows-1252 character with that code.
/// That is what a DOCX run in a legacy font holds, and what a legacy file re-saved as UTF-8 holds.
/// </remarks>
internal static class LegacyVietnamese
{
    // Fewer accented words than this is too little evidence to call a file legacy Vietnamese.
    private const int MinAccentedWords = 3;

    // Raw bytes: share of accented words that must decode to valid syllables. Real documents fall short of
    // 100 % through names, typos and loanwords; the other legacy encoding, Windows-1252 French or German and
    // binary data score far lower.
    private const double MinValidShareForBytes = 0.85;

    // Unicode text: a mis-decoded file shows mostly broken words ("c«ng", "coâng"); conversion must repair at
    // least this share of its candidate words and leave at least the next share valid. The looser validity bar
    // (against bytes) allows for a ư lost on the way: TCVN3 stores it as a soft hyphen, which editors drop.
    private const double MinRepairedShareForText = 0.5;
    private const double MinValidShareForText = 0.7;

    // Genuine Unicode Vietnamese is full of letters no legacy view can produce; above this share of the
    // candidates the text is simply Unicode.
    private const double MaxUnicodeWordShareForText = 0.25;

    // A reading with under a third of this many accented words valid is dead (wrong readings of real files score
    // 14-19 %); scoring the rest of the file for it would only double the cost of every import.
    private const int EarlyVerdictWords = 200;

    // Longest Vietnamese syllable is 7 letters ("nghiêng", "khuyếch"); the raw VNI view spends a byte per mark.
    private const int MaxSyllableLength = 8;
    private const int MaxCandidateLength = 2 * MaxSyllableLength;

    // Tolerance, per mille of the file, for bytes that never occur in text: controls other than tab, line breaks
    // and form feed, and the five codes Windows-1252 leaves undefined.
    private const int MaxControlBytesPerMille = 5;

    // TCVN3 and VNI put letters only at 0xA0-0xFF; 0x80-0x9F are the Windows-1252 quotes and dashes, so a file
    // dense in them is another encoding (Shift-JIS lead bytes, for one).
    private const double MaxC1ShareOfHighBytes = 0.25;

    /// <summary>
    /// TCVN 5712:1993, 0xA0-0xFF. Source: UniKey's VnConv library (ukengine/data.cpp, SingleByteTables "TCVN3",
    /// e.g. github.com/vn-input/ibus-unikey), checked byte for byte against glibc iconv "TCVN5712-1" and the
    /// VSCII chart (en.wikipedia.org/wiki/VSCII). VN3, the ABC fonts, assigns NBSP, the lower-case letters and
    /// the bare capitals Ă Â Ê Ô Ơ Ư Đ; its capital fonts (.VnTimeH) draw the lower-case codes as capitals.
    /// The other cells (toned capitals, 0xB0-0xB4 combining tone marks) are VN2, decoded as VN2 defines them
    /// because a VN3 file never uses them.
    /// </summary>
    private const string Tcvn3High =
        "\u00A0ĂÂÊÔƠƯĐăâêôơưđẰ" + // 0xA0
        "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ" + // 0xB0
        "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ" + // 0xC0
        "éẹềểễếệìỉỄẾỒĩíịò" + // 0xD0
        "Ổỏõóọồổỗốộờởỡớợù" + // 0xE0
        "ỖủũúụừửữứựỳỷỹýỵỐ"; // 0xF0

    // Tone order used by the tables below: none, acute, grave, hook above, tilde, dot below.
    private const string ToneMarks = "\u0301\u0300\u0309\u0303\u0323";
    private const int ToneCount = 6;
    private const int Acute = 1;
    private const int DotBelow = 5;

    // VNI-Windows. Source: UniKey's VnConv library (ukengine/data.cpp, DoubleByteTables "VNI-WIN", each letter a
    // base byte plus an optional mark byte), agreeing with duydev/vietnamese-conversion (src/charsets.ts).
    // Letters VNI stores in one byte, as pairs (Latin-1 view, letter).
    private const string VniSingleLetters = "ÑĐñđÔƠôơÖƯöưÆỈæỉÓĨóĩÒỊòịÎỴîỵ";

    // Mark bytes following a base vowel, upper and lower case, as (Latin-1 view, modifier, tone) triples.
    // Modifier 0 none, 1 circumflex, 2 breve.
    private const string VniMarkBytes =
        "Ù01ù01Ø02ø02Û03û03Õ04õ04Ï05ï05" +
        "Â10â10Á11á11À12à12Å13å13Ã14ã14Ä15ä15" +
        "Ê20ê20É21é21È22è22Ú23ú23Ü24ü24Ë25ë25";

    // Base vowels a mark can follow (Latin-1 view): VNI writes ơ as 'ô' and ư as 'ö'.
    private const string VniBaseVowels = "aeouyôö";
    private const string VniBaseLetters = "aeouyơư";

    private static readonly char[] Windows1252 = BuildWindows1252();
    private static readonly char[] Tcvn3 = BuildTcvn3();
    private static readonly char[] VniSingles = BuildVniSingles();
    private static readonly byte[] VniMarks = BuildVniMarks();
    private static readonly byte[] VniBaseIndex = BuildVniBaseIndex();
    private static readonly char[] VniCompositions = BuildVniCompositions();

    // Per character, packed so one lookup answers everything the syllable check asks: lower-case base letter
    // (bits 0-8), tone (9-11), 1-based position of the base in Vowels (12-15, 0 for consonants). 0 for anything
    // that is not a letter of Vietnamese words (f, j, w, z included).
    private const int BaseMask = 0x1FF;
    private const int ToneShift = 9;
    private const int ToneMask = 0x7;
    private const int VowelShift = 12;
    private static readonly ushort[] LetterInfo = BuildLetterInfo();

    // Below U+1F00, where every Vietnamese letter lives, word characters come from a table: the scan visits
    // every character of a file twice.
    private static readonly bool[] WordChars = BuildWordChars();

    private enum NucleusShape : byte
    {
        None,
        Either,
        Open,
        Closed,
    }

    // Vowel groups of Vietnamese rhymes, glides and final semivowels included; Open groups end the syllable,
    // Closed ones need a final consonant. Indexed by NucleusKey: a hash lookup per word would dominate the
    // cost of scanning a file.
    private const string Vowels = "aăâeêioôơuưy";
    private const int MaxNucleusLength = 3;
    private static readonly NucleusShape[] Nuclei = BuildNuclei();
    private static readonly int NucleusI = NucleusKey("i");
    private static readonly int NucleusY = NucleusKey("y");
    private static readonly int NucleusUy = NucleusKey("uy");

    /// <summary>
    /// Decodes a text file whose bytes are not UTF-8 when they are TCVN3 or VNI Vietnamese. Returns false for
    /// anything it cannot place with confidence (other code pages, UTF-16/32 without a BOM, binary data).
    /// </summary>
    public static bool TryDecodeBytes(ReadOnlySpan<byte> bytes, out string text, out LegacyEncoding encoding)
    {
        text = string.Empty;
        encoding = LegacyEncoding.None;
        if (bytes.IsEmpty || Utf8.IsValid(bytes) || HasUnicodeSignature(bytes) || !LooksLikeSingleByteText(bytes))
            return false;

        var pool = ArrayPool<char>.Shared;
        var tcvn3 = pool.Rent(bytes.Length);
        var vni = pool.Rent(bytes.Length);
        try
        {
            var tcvn3Combining = false;
            for (var i = 0; i < bytes.Length; i++)
            {
                var c = Tcvn3[bytes[i]];
                tcvn3Combining |= c is >= '\u0300' and <= '\u036F';
                tcvn3[i] = c;
            }
            var tcvn3Length = bytes.Length;
            for (var i = 0; i < bytes.Length; i++) vni[i] = Windows1252[bytes[i]];
            // In place: the output index never passes the input index, and each input is read before it is overwritten.
            var vniLength = ConvertVni(vni.AsSpan(0, bytes.Length), vni, out var vniCombining);
            var tcvn3Counts = CountSyllables(tcvn3.AsSpan(0, tcvn3Length));
            var vniCounts = CountSyllables(vni.AsSpan(0, vniLength));

            var tcvn3Fits = tcvn3Counts.Fits;
            var vniFits = vniCounts.Fits;
            if (tcvn3Fits && vniFits)
            {
                // Real text of one encoding reads as gibberish in the other; two good readings mean the
                // evidence is too thin (mostly ASCII), and a wrong guess would corrupt silently.
                var margin = tcvn3Counts.ValidShare - vniCounts.ValidShare;
                if (Math.Abs(margin) < 0.05) return false;
                tcvn3Fits = margin > 0;
                vniFits = !tcvn3Fits;
            }

            if (tcvn3Fits)
            {
                text = Finish(tcvn3.AsSpan(0, tcvn3Length), tcvn3Combining);
                encoding = LegacyEncoding.Tcvn3;
                return true;
            }
            if (vniFits)
            {
                text = Finish(vni.AsSpan(0, vniLength), vniCombining);
                encoding = LegacyEncoding.Vni;
                return true;
            }
            return false;
        }
        finally
        {
            pool.Return(tcvn3);
            pool.Return(vni);
        }
    }

    /// <summary>
    /// Recognises legacy text that was mis-decoded into Unicode: TCVN3 shown as "tr×nh c«ng t¸c", VNI as
    /// "Chöông trình coâng taùc". Returns None for genuine Unicode Vietnamese and for other languages.
    /// </summary>
    public static LegacyEncoding DetectInUnicodeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> converted = stackalloc char[MaxCandidateLength];
        int candidates = 0, unicodeWords = 0;
        int tcvn3Valid = 0, tcvn3Repaired = 0, vniValid = 0, vniRepaired = 0;
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (!IsWordChar(span[i]))
            {
                i++;
                continue;
            }
            var start = i;
            bool latinHigh = false, asciiLetter = false, unicodeLetter = false;
            for (; i < span.Length && IsWordChar(span[i]); i++)
            {
                var c = span[i];
                if (c < 0x80) asciiLetter = true;
                else if (c <= 0xFF) latinHigh = true;
                else unicodeLetter |= IsUnicodeOnlyVietnameseLetter(c);
            }
            if (unicodeLetter)
            {
                unicodeWords++;
                continue;
            }
            // A legacy syllable nearly always keeps an ASCII consonant; requiring one keeps lone symbols
            // («, », ©) of ordinary text out of the count.
            if (!latinHigh || !asciiLetter || i - start > MaxCandidateLength) continue;

            var word = span[start..i];
            candidates++;
            var asIs = Classify(word) == WordKind.Syllable;
            var length = ConvertTcvn3(word, converted, out _);
            if (Classify(converted[..length]) == WordKind.Syllable)
            {
                tcvn3Valid++;
                if (!asIs) tcvn3Repaired++;
            }
            length = ConvertVni(word, converted, out _);
            if (Classify(converted[..length]) == WordKind.Syllable)
            {
                vniValid++;
                if (!asIs) vniRepaired++;
            }
        }

        if (unicodeWords > candidates * MaxUnicodeWordShareForText) return LegacyEncoding.None;
        var tcvn3Fits = FitsText(tcvn3Repaired, tcvn3Valid, candidates);
        var vniFits = FitsText(vniRepaired, vniValid, candidates);
        if (tcvn3Fits && vniFits)
        {
            if (tcvn3Repaired == vniRepaired) return LegacyEncoding.None;
            return tcvn3Repaired > vniRepaired ? LegacyEncoding.Tcvn3 : LegacyEncoding.Vni;
        }
        return tcvn3Fits ? LegacyEncoding.Tcvn3 : vniFits ? LegacyEncoding.Vni : LegacyEncoding.None;
    }

    /// <summary>Converts TCVN3 text in the Latin-1 view to NFC Unicode. Toned capitals come out lower case,
    /// as VN3 has none; use <see cref="ConvertRun"/> for runs in a capital font.</summary>
    public static string ConvertTcvn3(string textInLatin1View)
    {
        ArgumentNullException.ThrowIfNull(textInLatin1View);
        if (textInLatin1View.Length == 0) return textInLatin1View;
        var converted = string.Create(textInLatin1View.Length, textInLatin1View, static (destination, source) =>
            ConvertTcvn3(source, destination, out _));
        return converted.AsSpan().ContainsAnyInRange('\u0300', '\u036F') ? converted.Normalize(NormalizationForm.FormC) : converted;
    }

    /// <summary>Converts VNI-Windows text in the Latin-1 view to NFC Unicode.</summary>
    public static string ConvertVni(string textInLatin1View)
    {
        ArgumentNullException.ThrowIfNull(textInLatin1View);
        if (textInLatin1View.Length == 0) return textInLatin1View;
        var pool = ArrayPool<char>.Shared;
        var buffer = pool.Rent(textInLatin1View.Length);
        try
        {
            var length = ConvertVni(textInLatin1View, buffer, out var combining);
            return Finish(buffer.AsSpan(0, length), combining);
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    /// <summary>
    /// Converts the text of a DOCX run by its font: ".Vn*" fonts are TCVN3 (".Vn*H" the capital ones), "VNI-*"
    /// fonts are VNI; other fonts leave the text unchanged.
    /// </summary>
    public static string ConvertRun(string text, string? fontName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoding = EncodingOfFont(fontName);
        // Offices often retype Unicode in an old template whose runs still name a legacy font; converting that
        // text would destroy it, and letters like ư or ạ prove it is Unicode already.
        if (encoding == LegacyEncoding.None || text.AsSpan().ContainsAny(UnicodeOnlyVietnameseLetters)) return text;
        if (encoding == LegacyEncoding.Vni) return ConvertVni(text);
        var converted = ConvertTcvn3(text);
        return IsCapitalTcvn3Font(fontName!) ? converted.ToUpperInvariant() : converted;
    }

    /// <summary>The legacy encoding a font name implies, None for Unicode fonts.</summary>
    public static LegacyEncoding EncodingOfFont(string? fontName)
    {
        if (string.IsNullOrWhiteSpace(fontName)) return LegacyEncoding.None;
        var name = fontName.AsSpan().Trim();
        if (name.StartsWith(".Vn", StringComparison.OrdinalIgnoreCase)) return LegacyEncoding.Tcvn3;
        if (name.StartsWith("VNI-", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("VNI ", StringComparison.OrdinalIgnoreCase))
            return LegacyEncoding.Vni;
        return LegacyEncoding.None;
    }

    /// <summary>
    /// Whether a word is a well-formed Vietnamese syllable: known onset, vowel group and final, one tone at most,
    /// stop finals only with the acute or dot-below tone. The detectors' measure of "reads as Vietnamese".
    /// </summary>
    public static bool IsVietnameseSyllable(ReadOnlySpan<char> word) => Classify(word) == WordKind.Syllable;

    // ABC ships each face twice, ".VnTime"/".VnTimeH"; the H face draws every letter as a capital.
    private static bool IsCapitalTcvn3Font(string fontName) => fontName.AsSpan().TrimEnd().EndsWith("H", StringComparison.Ordinal);

    private static readonly SearchValues<char> UnicodeOnlyVietnameseLetters = SearchValues.Create(
        "ăĂđĐĩĨũŨơƠưƯ" + string.Concat(Enumerable.Range(0x1EA0, 0x1EF9 - 0x1EA0 + 1).Select(c => (char)c)));

    private static bool IsUnicodeOnlyVietnameseLetter(char c) => UnicodeOnlyVietnameseLetters.Contains(c);

    private static bool FitsText(int repaired, int valid, int candidates) =>
        repaired >= MinAccentedWords
        && repaired >= candidates * MinRepairedShareForText
        && valid >= candidates * MinValidShareForText;

    private static string Finish(ReadOnlySpan<char> converted, bool combining)
    {
        var text = new string(converted);
        return combining ? text.Normalize(NormalizationForm.FormC) : text;
    }

    private static bool HasUnicodeSignature(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    private static bool LooksLikeSingleByteText(ReadOnlySpan<byte> bytes)
    {
        int controls = 0, high = 0, c1 = 0;
        foreach (var b in bytes)
        {
            // NUL marks UTF-16/32 and binary data; legacy editors never wrote it into text.
            if (b == 0) return false;
            if (b < 0x20)
            {
                // DOS editors ended files with Ctrl-Z (0x1A); tolerate it with the ordinary layout controls.
                if (b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C or 0x1A)) controls++;
            }
            else if (b >= 0x80)
            {
                high++;
                if (b <= 0x9F)
                {
                    c1++;
                    if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D) controls++;
                }
            }
        }
        return controls * 1000 <= bytes.Length * MaxControlBytesPerMille && c1 <= high * MaxC1ShareOfHighBytes;
    }

    private static int ConvertTcvn3(ReadOnlySpan<char> source, Span<char> destination, out bool combining)
    {
        combining = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c >= 0x80 && c <= 0xFF)
            {
                c = Tcvn3[c];
                combining |= c is >= '\u0300' and <= '\u036F';
            }
            destination[i] = c;
        }
        return source.Length;
    }

    private static int ConvertVni(ReadOnlySpan<char> source, Span<char> destination, out bool combining)
    {
        combining = false;
        var length = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c > 0xFF)
            {
                combining |= c is >= '\u0300' and <= '\u036F';
                destination[length++] = c;
                continue;
            }
            var baseIndex = VniBaseIndex[c] - 1;
            if (baseIndex >= 0 && i + 1 < source.Length && source[i + 1] <= 0xFF && VniMarks[source[i + 1]] != 0)
            {
                var composed = VniCompositions[baseIndex * 3 * ToneCount + VniMarks[source[i + 1]] - 1];
                if (composed != '\0')
                {
                    // The base carries the case; marks are written in the matching case but a stray one is harmless.
                    destination[length++] = char.IsUpper(c) ? char.ToUpperInvariant(composed) : composed;
                    i++;
                    continue;
                }
            }
            destination[length++] = c >= 0x80 ? VniSingles[c] : c;
        }
        return length;
    }

    private enum WordKind
    {
        Invalid,
        Syllable,

        // Letters only but no vowel: abbreviations such as "HĐND", "QĐ", "BCĐ" that prove nothing either way.
        Abbreviation,
    }

    private readonly record struct SyllableCounts(int Accented, int Valid)
    {
        public double ValidShare => Accented == 0 ? 0 : (double)Valid / Accented;

        public bool Fits => Accented >= MinAccentedWords && ValidShare >= MinValidShareForBytes;
    }

    private static SyllableCounts CountSyllables(ReadOnlySpan<char> text)
    {
        int accented = 0, valid = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var nonAscii = false;
            for (; i < text.Length && IsWordChar(text[i]); i++) nonAscii |= text[i] >= 0x80;
            if (!nonAscii) continue;
            var kind = Classify(text[start..i]);
            if (kind == WordKind.Abbreviation) continue;
            accented++;
            if (kind == WordKind.Syllable) valid++;
            else if (accented >= EarlyVerdictWords && valid * 3 < accented) break;
        }
        return new SyllableCounts(accented, valid);
    }

    // Latin-1 symbols are letters of the legacy views (« is TCVN3 ô, the soft hyphen its ư), so they must not
    // split words. C1 controls are Windows-1252 quotes and dashes seen through strict Latin-1, and beyond Latin-1
    // only letters and combining marks belong to a word, so punctuation still separates words.
    private static bool IsWordChar(char c) => c < WordChars.Length ? WordChars[c] : char.IsLetter(c);

    private static WordKind Classify(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxSyllableLength) return WordKind.Invalid;
        var tone = 0;
        var firstVowel = -1;
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            var info = c < LetterInfo.Length ? LetterInfo[c] : 0;
            if (info == 0) return WordKind.Invalid;
            var letterTone = (info >> ToneShift) & ToneMask;
            if (letterTone != 0)
            {
                if (tone != 0) return WordKind.Invalid;
                tone = letterTone;
            }
            if (firstVowel < 0 && info >> VowelShift != 0) firstVowel = k;
        }
        if (firstVowel < 0) return WordKind.Abbreviation;
        return IsSyllable(word, firstVowel, tone) ? WordKind.Syllable : WordKind.Invalid;
    }

    // Only for words Classify has checked letter by letter.
    private static char Base(ReadOnlySpan<char> word, int k) => (char)(LetterInfo[word[k]] & BaseMask);

    private static int VowelAt(ReadOnlySpan<char> word, int k) => LetterInfo[word[k]] >> VowelShift;

    private static bool IsSyllable(ReadOnlySpan<char> word, int firstVowel, int tone)
    {
        // "gi" and "qu" are onsets when another vowel follows: "giữa" is gi + ưa, "quá" qu + a, but "gì" is g + ì.
        var onset = firstVowel == 1 && word.Length > 2 && VowelAt(word, 2) != 0
            && (Base(word, 0), Base(word, 1)) is ('g', 'i') or ('q', 'u') ? 2 : firstVowel;
        if (onset == firstVowel && !IsOnset(word[..firstVowel])) return false;

        var end = onset;
        var key = 0;
        for (; end < word.Length && VowelAt(word, end) is var v and not 0; end++)
        {
            if (end - onset == MaxNucleusLength) return false;
            key = key * (Vowels.Length + 1) + v;
        }
        var shape = key == 0 ? NucleusShape.None : Nuclei[key];
        if (shape == NucleusShape.None) return false;

        var codaLength = word.Length - end;
        if (codaLength == 0) return shape != NucleusShape.Closed;
        if (shape == NucleusShape.Open || codaLength > 2) return false;
        var first = Base(word, end);
        var second = codaLength == 2 ? Base(word, end + 1) : '\0';
        // Stop finals take only the acute or dot-below tone.
        var stopTone = tone is Acute or DotBelow;
        // -nh and -ch follow only a front vowel or a (anh, ênh, inh, uynh, ach, ích); after i and y the velar
        // finals are spelled that way, never -ng, -c.
        var frontBefore = Base(word, end - 1) is 'a' or 'ê' or 'i' or 'y';
        var velarAllowed = key != NucleusI && key != NucleusY && key != NucleusUy;
        return (first, second) switch
        {
            ('m' or 'n', '\0') => true,
            ('p' or 't', '\0') => stopTone,
            ('c', '\0') => stopTone && velarAllowed,
            ('n', 'g') => velarAllowed,
            ('n', 'h') => frontBefore,
            ('c', 'h') => stopTone && frontBefore,
            _ => false,
        };
    }

    // The consonants before the first vowel (the i of "gi", the u of "qu" included).
    private static bool IsOnset(ReadOnlySpan<char> consonants)
    {
        if (consonants.IsEmpty) return true;
        var first = Base(consonants, 0);
        return consonants.Length switch
        {
            1 => first is 'b' or 'c' or 'd' or 'đ' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'r' or 's'
                or 't' or 'v' or 'x',
            2 => (first, Base(consonants, 1)) is ('c', 'h') or ('g', 'h') or ('k', 'h') or ('n', 'g') or ('n', 'h')
                or ('p', 'h') or ('t', 'h') or ('t', 'r'),
            3 => first == 'n' && Base(consonants, 1) == 'g' && Base(consonants, 2) == 'h',
            _ => false,
        };
    }

    private static int VowelNumber(char c) => Vowels.IndexOf(c, StringComparison.Ordinal) + 1;

    private static int NucleusKey(string vowels)
    {
        var key = 0;
        foreach (var v in vowels) key = key * (Vowels.Length + 1) + VowelNumber(v);
        return key;
    }

    private static NucleusShape[] BuildNuclei()
    {
        var nuclei = new NucleusShape[(int)Math.Pow(Vowels.Length + 1, MaxNucleusLength)];
        foreach (var n in "a e ê i o ô ơ u ư y oa oe uê uy uơ".Split(' ')) nuclei[NucleusKey(n)] = NucleusShape.Either;
        foreach (var n in ("ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu " +
                           "iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyu").Split(' '))
            nuclei[NucleusKey(n)] = NucleusShape.Open;
        foreach (var n in "ă â iê yê uô ươ oă uâ uyê oo".Split(' ')) nuclei[NucleusKey(n)] = NucleusShape.Closed;
        return nuclei;
    }

    private static char[] BuildWindows1252()
    {
        // Legacy files keep Windows-1252 punctuation (curly quotes, dashes) at 0x80-0x9F; the five undefined
        // codes come out as C1 controls, which LooksLikeSingleByteText counts against the file.
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(1252)
            ?? throw new InvalidOperationException("Windows-1252 is missing from CodePagesEncodingProvider.");
        var all = new byte[256];
        for (var i = 0; i < all.Length; i++) all[i] = (byte)i;
        var table = encoding.GetChars(all);
        if (table.Length != 256) throw new InvalidOperationException("Windows-1252 did not decode one char per byte.");
        return table;
    }

    private static char[] BuildTcvn3()
    {
        var table = new char[256];
        for (var i = 0; i < 0xA0; i++) table[i] = Windows1252[i];
        Tcvn3High.CopyTo(0, table, 0xA0, Tcvn3High.Length);
        return table;
    }

    private static char[] BuildVniSingles()
    {
        var table = new char[256];
        for (var i = 0; i < table.Length; i++) table[i] = Windows1252[i];
        for (var i = 0; i < VniSingleLetters.Length; i += 2) table[VniSingleLetters[i]] = VniSingleLetters[i + 1];
        return table;
    }

    private static byte[] BuildVniMarks()
    {
        // Stored as 1 + modifier * ToneCount + tone so that 0 means "not a mark".
        var table = new byte[256];
        for (var i = 0; i < VniMarkBytes.Length; i += 3)
            table[VniMarkBytes[i]] = (byte)(1 + (VniMarkBytes[i + 1] - '0') * ToneCount + (VniMarkBytes[i + 2] - '0'));
        return table;
    }

    private static byte[] BuildVniBaseIndex()
    {
        // Stored as 1 + index into VniBaseLetters so that 0 means "not a base vowel".
        var table = new byte[256];
        for (var i = 0; i < VniBaseVowels.Length; i++)
        {
            table[VniBaseVowels[i]] = (byte)(i + 1);
            table[char.ToUpperInvariant(VniBaseVowels[i])] = (byte)(i + 1);
        }
        return table;
    }

    private static char[] BuildVniCompositions()
    {
        var table = new char[VniBaseLetters.Length * 3 * ToneCount];
        for (var b = 0; b < VniBaseLetters.Length; b++)
        {
            for (var modifier = 0; modifier < 3; modifier++)
            {
                // Circumflex sits only on a, e, o; breve only on a.
                if (modifier == 1 && VniBaseLetters[b] is not ('a' or 'e' or 'o')) continue;
                if (modifier == 2 && VniBaseLetters[b] != 'a') continue;
                for (var tone = 0; tone < ToneCount; tone++)
                {
                    if (modifier == 0 && tone == 0) continue;
                    var decomposed = new StringBuilder().Append(VniBaseLetters[b]);
                    if (modifier != 0) decomposed.Append(modifier == 1 ? '\u0302' : '\u0306');
                    if (tone != 0) decomposed.Append(ToneMarks[tone - 1]);
                    var composed = decomposed.ToString().Normalize(NormalizationForm.FormC);
                    if (composed.Length == 1) table[b * 3 * ToneCount + modifier * ToneCount + tone] = composed[0];
                }
            }
        }
        return table;
    }

    private static bool[] BuildWordChars()
    {
        var table = new bool[0x1F00];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = c < 0x80 ? char.IsAsciiLetter((char)c)
                : c <= 0xFF ? c > 0xA0
                : char.IsLetter((char)c) || c is >= 0x300 and <= 0x36F;
        }
        return table;
    }

    private static ushort[] BuildLetterInfo()
    {
        var table = new ushort[0x1F00];
        for (var c = 'a'; c <= 'z'; c++)
        {
            if (c is 'f' or 'j' or 'w' or 'z') continue;
            table[c] = c;
            table[char.ToUpperInvariant(c)] = c;
        }
        table['đ'] = 'đ';
        table['Đ'] = 'đ';
        foreach (var vowel in Vowels)
        {
            for (var tone = 0; tone < ToneCount; tone++)
            {
                var letter = tone == 0 ? vowel : new string([vowel, ToneMarks[tone - 1]]).Normalize(NormalizationForm.FormC)[0];
                var info = (ushort)(vowel | tone << ToneShift | VowelNumber(vowel) << VowelShift);
                table[letter] = info;
                table[char.ToUpperInvariant(letter)] = info;
            }
        }
        return table;
    }
}
