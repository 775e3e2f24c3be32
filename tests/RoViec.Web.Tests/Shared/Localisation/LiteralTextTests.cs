using System.Text.RegularExpressions;

namespace RoViec.Web.Tests;

/// <summary>
/// Every page the language toggle is offered on writes its text through the resources: no Vietnamese words outside
/// <c>L["…"]</c> in a page's markup or code (comments, scripts and text marked <c>lang="vi"</c> aside).
/// </summary>
public sealed partial class LiteralTextTests
{
    /// <summary>
    /// Pages that still write Vietnamese directly. The list only shrinks: a page leaves it when it is localised (the
    /// last test below fails while a listed page is already clean).
    /// </summary>
    private static readonly string[] NotYetLocalised = [];

    [Fact]
    public void Pages_write_no_vietnamese_outside_the_resources()
    {
        var pages = Pages().ToList();
        var found = pages.Where(p => !NotYetLocalised.Contains(p.Name, StringComparer.Ordinal))
            .SelectMany(p => LiteralVietnamese(File.ReadAllText(p.Path)).Select(w => $"{p.Name}:{w.Line}: {w.Word}"))
            .ToList();

        Assert.True(pages.Count > 40, $"only {pages.Count} pages found: is the scan still reading the pages?");
        Assert.True(found.Count == 0, "Chữ tiếng Việt viết thẳng trong trang, ngoài L[\"…\"] (Vietnamese text outside the resources):"
            + Environment.NewLine + string.Join(Environment.NewLine, found.Take(60)));
    }

    [Fact]
    public void Pages_not_yet_localised_are_still_listed_only_while_they_need_it()
    {
        var pages = Pages().ToDictionary(p => p.Name, p => p.Path, StringComparer.Ordinal);

        var clean = NotYetLocalised.Where(n => !pages.TryGetValue(n, out var path) || !LiteralVietnamese(File.ReadAllText(path)).Any());

        Assert.Empty(clean);
    }

    [Fact]
    public void The_scan_finds_text_attributes_and_code_strings_but_not_localised_text()
    {
        const string page = """
            @page "/x"
            @* Một ghi chú cho người đọc mã *@
            <h1>@L["Kỳ báo cáo"]</h1>
            <p>Chưa có kỳ</p>
            <input placeholder="Tìm nhiệm vụ" aria-label="@L["Tìm"]" />
            <td>@(x ? L["Đúng hạn"] : "Trễ")</td>
            <td>@L[PeriodLabels.State(p.State)] @L["{0} dòng", L["nhiệm vụ"]]</td>
            <a href="/ngon-ngu" lang="vi">Tiếng Việt</a>
            <script>const s = "Đang lưu…";</script>
            <!-- Bản cũ -->
            """;

        var words = LiteralVietnamese(page).ToList();

        Assert.Equal([(4, "Chưa"), (4, "có"), (4, "kỳ"), (5, "Tìm"), (5, "nhiệm"), (5, "vụ"), (6, "Trễ")], words);
    }

    [Fact]
    public void Page_scripts_take_their_words_from_the_page()
    {
        // A script's text cannot go through L["…"]: it reads its words from data- attributes the page writes through the
        // resources (the report form's autosave status), so it writes no Vietnamese of its own outside its comments.
        var found = Pages().SelectMany(p => ScriptRegex().Matches(File.ReadAllText(p.Path))
                .SelectMany(m => VietnameseWordRegex().Matches(LineCommentRegex().Replace(m.Value, "")).Select(w => $"{p.Name}: {w.Value}")))
            .ToList();

        Assert.True(found.Count == 0, "Chữ tiếng Việt trong mã kịch bản (Vietnamese words in page scripts): " + string.Join(", ", found.Distinct().Take(40)));
    }

    /// <summary>The Vietnamese words a page writes outside the localizer, with their line numbers.</summary>
    internal static IEnumerable<(int Line, string Word)> LiteralVietnamese(string source)
    {
        var text = source;
        foreach (var region in new[] { RazorCommentRegex(), HtmlCommentRegex(), ScriptRegex(), StyleRegex(), MarkedVietnameseRegex() })
            text = region.Replace(text, m => Blank(m.Value));
        text = WithoutLocalised(text);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
            foreach (Match word in VietnameseWordRegex().Matches(lines[i]))
                yield return (i + 1, word.Value);
        }
    }

    /// <summary>Blanks every <c>L[…]</c> (brackets balanced, string literals read whole), keeping the lines where they were.</summary>
    private static string WithoutLocalised(string text)
    {
        var chars = text.ToCharArray();
        foreach (Match m in LocalizerRegex().Matches(text))
        {
            if (chars[m.Index] == ' ' && text[m.Index] != ' ') continue; // inside an L[…] already blanked
            var j = m.Index + m.Length;
            for (var depth = 1; j < text.Length && depth > 0; j++)
            {
                switch (text[j])
                {
                    case '"':
                        for (j++; j < text.Length && text[j] != '"'; j++)
                            if (text[j] == '\\') j++;
                        break;
                    case '[': depth++; break;
                    case ']': depth--; break;
                }
            }
            for (var k = m.Index; k < j && k < chars.Length; k++)
                if (chars[k] != '\n') chars[k] = ' ';
        }
        return new string(chars);
    }

    private static string Blank(string region) => new([.. region.Select(c => c == '\n' ? '\n' : ' ')]);

    private static IEnumerable<(string Name, string Path)> Pages() =>
        SourceTree.Files(SourceTree.Web, "*.cshtml")
            .Select(p => (Path.GetRelativePath(SourceTree.Web, p).Replace('\\', '/'), p));

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorCommentRegex();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlCommentRegex();

    [GeneratedRegex(@"<script\b.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptRegex();

    [GeneratedRegex(@"(?<![:'""])//[^\n]*")]
    private static partial Regex LineCommentRegex();

    [GeneratedRegex(@"<style\b.*?</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleRegex();

    // An element marked as Vietnamese on purpose, such as the toggle's "Tiếng Việt".
    [GeneratedRegex(@"<(\w+)\b[^>]*\blang=""vi""[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex MarkedVietnameseRegex();

    [GeneratedRegex(@"(?<![\w.])(?:L|localizer)\[")]
    private static partial Regex LocalizerRegex();

    /// <summary>A word with a letter only Vietnamese writes (a vowel with a tone or hat, or đ).</summary>
    [GeneratedRegex(@"\w*[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ]\w*")]
    internal static partial Regex VietnameseWordRegex();
}
