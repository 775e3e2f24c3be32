using System.Net;
using System.Text.RegularExpressions;

namespace RoViec.Web.Tests;

/// <summary>Correcting a task: saved with history; two officers on the same task get a conflict, not an overwrite.</summary>
public sealed partial class TaskEditTests
{
    [Fact]
    public async Task Edit_saves_reparses_the_deadline_and_records_history()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        var edit = await EditUrlAsync(client);
        var form = await client.GetStringAsync(edit, TestContext.Current.CancellationToken);

        var response = await PostAsync(client, edit, form, output: "Kế hoạch mua sắm được phê duyệt", deadline: "Quý II/2026");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kế hoạch mua sắm được phê duyệt", page, StringComparison.Ordinal);
        Assert.Contains("hạn cuối 30/06/2026", page, StringComparison.Ordinal);
        Assert.Matches(@"<td>admin</td>\s*<td>Sửa</td>", page);
    }

    [Fact]
    public async Task Second_save_from_a_stale_form_is_a_conflict_showing_both_versions()
    {
        await using var app = new RoViecApp();
        using var first = await app.SignedInClientAsync();
        using var second = await app.SignedInClientAsync();
        var edit = await EditUrlAsync(first);
        var firstForm = await first.GetStringAsync(edit, TestContext.Current.CancellationToken);
        var secondForm = await second.GetStringAsync(edit, TestContext.Current.CancellationToken);

        (await PostAsync(first, edit, firstForm, output: "Bản của người thứ nhất", deadline: "Quý III/2026")).EnsureSuccessStatusCode();
        var conflict = await PostAsync(second, edit, secondForm, output: "Bản của người thứ hai", deadline: "Quý IV/2026");
        var page = await conflict.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Người khác vừa lưu nhiệm vụ này", page, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ nhất", page, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ hai", page, StringComparison.Ordinal);
        var detail = await first.GetStringAsync(new Uri(edit.ToString().Replace("/sua", "", StringComparison.Ordinal), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Bản của người thứ nhất", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_name_is_refused_in_vietnamese_and_nothing_is_saved()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        var edit = await EditUrlAsync(client);
        var form = await client.GetStringAsync(edit, TestContext.Current.CancellationToken);

        var response = await PostAsync(client, edit, form, output: "x", deadline: "Quý II/2026", name: " ");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nội dung nhiệm vụ không được để trống.", page, StringComparison.Ordinal);
    }

    private static async Task<Uri> EditUrlAsync(HttpClient client)
    {
        var list = await client.GetStringAsync(new Uri("/?q=mua+sam+thiet+bi", UriKind.Relative), TestContext.Current.CancellationToken);
        return new Uri(TaskLinkRegex().Match(list).Groups[1].Value + "/sua", UriKind.Relative);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Uri edit, string form, string output, string deadline, string? name = null)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = name ?? WebUtility.HtmlDecode(NameRegex().Match(form).Groups[1].Value).Trim(),
            ["Input.Lead"] = "Thủ trưởng các cơ quan",
            ["Input.Support"] = "",
            ["Input.Output"] = output,
            ["Input.Deadline"] = deadline,
            ["Input.Version"] = VersionRegex().Match(form).Groups[1].Value,
            ["__RequestVerificationToken"] = RoViecApp.AntiforgeryToken(form),
        });
        return await client.PostAsync(edit, content);
    }

    [GeneratedRegex(@"href=""(/nhiem-vu/[0-9a-f-]+)""")]
    private static partial Regex TaskLinkRegex();

    [GeneratedRegex(@"<textarea[^>]*name=""Input.Name""[^>]*>([^<]*)</textarea>")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"name=""Input.Version"" value=""([^""]+)""|value=""([^""]+)""[^>]*name=""Input.Version""")]
    private static partial Regex VersionRegex();
}
