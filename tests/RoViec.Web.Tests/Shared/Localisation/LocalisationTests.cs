using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Domain.SixRo;
using RoViec.Web.Features.Accounts;
using RoViec.Web.Features.History;
using RoViec.Web.Features.Organisation;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Tests;

/// <summary>
/// Pages speak Vietnamese by default and English when chosen: every text a page localises
/// (<c>L["…"]</c>, keyed by the Vietnamese text) has its English entry in SharedResource.en.resx, so
/// the resources stay ready for the translation as pages are added.
/// </summary>
public sealed partial class LocalisationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_text_a_page_localises_has_an_english_entry()
    {
        var english = English();
        var missing = new List<string>();
        var found = 0;
        foreach (var file in PageFiles())
        {
            var text = File.ReadAllText(file);
            foreach (var key in Keys(text))
            {
                found++;
                if (!english.ContainsKey(key)) missing.Add($"{Path.GetRelativePath(WebProject, file)}: {key}");
            }
        }

        Assert.True(found > 300, $"only {found} localised texts found: is the scan still reading the pages?");
        Assert.Empty(missing.Distinct());
    }

    [Fact]
    public void Labels_given_by_use_cases_have_english_entries()
    {
        var english = English();
        var labels = Roles.All.Select(RoleLabels.For)
            .Concat(UnitKindLabels.Choosable.Select(UnitKindLabels.For))
            .Concat(SteeringPositions.All.Select(SteeringCommittee.PositionLabel))
            .Concat(new[] { PlanStatuses.Draft, PlanStatuses.Active, PlanStatuses.Replaced }.Select(PlanHistory.StatusLabel))
            .Concat(Enum.GetValues<SixRoCriterion>().Select(Resources.LocalisedLabels.CriterionKey))
            .Concat(new[] { "create", "update", "delete" }.Select(ChangeHistory.ActionLabel))
            .Concat(Features.Workspace.WorkspaceModel.DeadlineKinds.Select(k => k.Label))
            .Concat(Resources.LocalisedLabels.DefectSentences)
            .Concat(Enum.GetValues<Features.Proposals.UnitProposalState>().Select(Features.Proposals.ProposalLabels.State))
            .Concat(ProposalItemKinds.All.Select(Features.Proposals.ProposalLabels.Kind))
            .Concat(new[] { ProposalDecisions.Pending, ProposalDecisions.Accepted, ProposalDecisions.Declined }.Select(d => Features.Proposals.ProposalLabels.Decision(new ProposalItem { Kind = ProposalItemKinds.Task, Name = "", Decision = d })));

        var missing = labels.Where(l => !english.ContainsKey(l)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Resource_names_differ_by_more_than_letter_case()
    {
        // The resource compiler keeps only one of two names that differ by case ("Số {0}", "số {0}"): the other would show Vietnamese.
        var clashes = English().Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" | ", g));

        Assert.Empty(clashes);
    }

    [Fact]
    public void English_entries_keep_the_placeholders_of_their_key()
    {
        var wrong = English().Where(e => !Placeholders(e.Key).SetEquals(Placeholders(e.Value))).Select(e => e.Key);

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Pages_are_english_with_the_language_cookie_and_vietnamese_without_it()
    {
        await using var app = new RoViecApp();
        var task = await app.WithDbAsync(db => db.Tasks.OrderBy(t => t.Order).Select(t => t.Id).FirstAsync(Ct));
        using var englishReader = await app.SignedInClientAsync();
        using var vietnameseReader = await app.SignedInClientAsync();
        // A browser set up in English still gets Vietnamese until its reader chooses English.
        vietnameseReader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        (await englishReader.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2F", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        string[] pages = ["/", $"/nhiem-vu/{task}", "/to-chuc", "/tai-khoan"];

        var english = new Dictionary<string, string>();
        var vietnamese = new Dictionary<string, string>();
        foreach (var page in pages)
        {
            english[page] = await englishReader.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
            vietnamese[page] = await vietnameseReader.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        }

        (string Page, string English, string Vietnamese)[] expected =
        [
            ("/", "placeholder=\"Search tasks (with or without diacritics)\"", "placeholder=\"Tìm nhiệm vụ (gõ có dấu hoặc không dấu)\""),
            ("/", "/> Key tasks only</label>", "/> Chỉ nhiệm vụ trọng tâm</label>"),
            ("/", "<th>Lead</th>", "<th>Chủ trì</th>"),
            ("/", ">Unclear lead</option>", ">Chưa rõ chủ trì</option>"),
            ($"/nhiem-vu/{task}", "<h2>Source document</h2>", "<h2>Văn bản gốc</h2>"),
            ($"/nhiem-vu/{task}", "<h2>History of changes</h2>", "<h2>Lịch sử thay đổi</h2>"),
            ($"/nhiem-vu/{task}", "<th>Deadline</th>", "<th>Thời hạn</th>"),
            ("/to-chuc", ">Add a unit</a>", ">Thêm đơn vị</a>"),
            ("/to-chuc", "<strong>Commune Diễn Châu</strong>", "<strong>Xã Diễn Châu</strong>"),
            ("/to-chuc", "<span class=\"pill\">Police, military</span>", "<span class=\"pill\">Công an, quân sự</span>"),
            ("/tai-khoan", "<h1>Your account</h1>", "<h1>Tài khoản của bạn</h1>"),
            ("/tai-khoan", ">Sign out of every device</button>", ">Đăng xuất khỏi mọi thiết bị</button>"),
            ("/tai-khoan", "<dd>Administrator</dd>", "<dd>Quản trị viên</dd>"),
        ];
        Assert.All(expected, e =>
        {
            Assert.Contains(e.English, english[e.Page], StringComparison.Ordinal);
            Assert.DoesNotContain(e.Vietnamese, english[e.Page], StringComparison.Ordinal);
            Assert.Contains(e.Vietnamese, vietnamese[e.Page], StringComparison.Ordinal);
            Assert.DoesNotContain(e.English, vietnamese[e.Page], StringComparison.Ordinal);
        });
        // Counts and names are put into the translated sentence, not left out.
        Assert.Matches(@"Showing \d+ of \d+ tasks", english["/"]);
        Assert.Matches(@"Hiển thị \d+ / \d+ nhiệm vụ", vietnamese["/"]);
        Assert.Matches("class=\"pill defect\"[^>]*>unclear (lead|content|deadline|coordination|output|authority)<", english["/"]);
        Assert.Matches("class=\"pill defect\"[^>]*>chưa rõ (chủ trì|nội dung|thời hạn|phối hợp|sản phẩm|thẩm quyền)<", vietnamese["/"]);
        Assert.Matches(@"\d+ users · \d+ tasks led", english["/to-chuc"]);
        Assert.All(pages, p => Assert.Contains("<html lang=\"en\">", english[p], StringComparison.Ordinal));
        Assert.All(pages, p => Assert.Contains("<html lang=\"vi\">", vietnamese[p], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validation_messages_follow_the_language_too()
    {
        await using var app = new RoViecApp();
        using var reader = await app.SignedInClientAsync();
        (await reader.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2Ftai-khoan", UriKind.Relative), Ct)).EnsureSuccessStatusCode();

        var response = await reader.PostFormAsync("/tai-khoan", "/tai-khoan", ("Input.FullName", ""), ("Input.Email", "not-an-address"));
        var body = await response.BodyAsync();

        Assert.Contains("Enter the full name.", body, StringComparison.Ordinal);
        Assert.Contains("The e-mail address is not valid.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hãy nhập họ và tên.", body, StringComparison.Ordinal);
    }

    /// <summary>The texts localised in a page or page model: <c>L["…"]</c> (and the localizer's other name), sentences built in code, and validation messages.</summary>
    internal static IEnumerable<string> Keys(string source) =>
        KeyRegex().Matches(source).Concat(ErrorMessageRegex().Matches(source))
            .Select(m => Regex.Unescape(m.Groups[1].Value));

    private static HashSet<string> Placeholders(string text) =>
        [.. PlaceholderRegex().Matches(text).Select(m => m.Value)];

    private static readonly string WebProject = SourceTree.Web;

    private static IEnumerable<string> PageFiles() =>
        SourceTree.Files(WebProject, "*.cshtml")
            .Concat(SourceTree.Files(Path.Combine(WebProject, "Features"), "*.cs"))
            .Concat(SourceTree.Files(Path.Combine(WebProject, "Shared"), "*.cs"))
            .Concat(SourceTree.Files(Path.Combine(WebProject, "Resources"), "*.cs"));

    /// <summary>The English entries of SharedResource.en.resx, by their Vietnamese key.</summary>
    internal static Dictionary<string, string> EnglishEntries() => English();

    private static Dictionary<string, string> English() =>
        XDocument.Load(Path.Combine(WebProject, "Shared", "Localisation", "SharedResource.en.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    // A sentence built in code (new Sentence("…", …)) is written through the localizer by the page that shows it.
    [GeneratedRegex(@"(?:\b(?:L|localizer)\[|\bnew Sentence\()\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex KeyRegex();

    // A data annotation's argument ("[Required(ErrorMessage = …)]"), not a property of that name set in code.
    [GeneratedRegex(@"[(,]\s*ErrorMessage\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessageRegex();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderRegex();
}
