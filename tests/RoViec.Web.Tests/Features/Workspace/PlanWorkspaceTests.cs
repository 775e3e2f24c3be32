using System.Net;
using System.Text.RegularExpressions;

namespace RoViec.Web.Tests;

/// <summary>The demo plan in the browser: search without diacritics, filters, a task with its source text.</summary>
public sealed partial class PlanWorkspaceTests
{
    [Fact]
    public async Task Search_without_diacritics_finds_text_with_diacritics()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/?q=phan+mem+diet+virus", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Cài đặt phần mềm diệt virus có bản quyền", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đảm bảo hạ tầng mạng Wi-Fi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_by_lead_unit_keeps_only_that_unit()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var police = await app.UnitIdAsync("cong-an");

        var html = await client.GetStringAsync(new Uri("/?don-vi=" + police, UriKind.Relative), TestContext.Current.CancellationToken);

        var leads = LeadCellRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(leads);
        Assert.All(leads, l => Assert.Contains("Công an", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Task_page_shows_its_fields_and_highlights_its_source_text()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        var list = await client.GetStringAsync(new Uri("/?q=wi-fi", UriKind.Relative), TestContext.Current.CancellationToken);
        var link = TaskLinkRegex().Match(list).Groups[1].Value;

        var html = await client.GetStringAsync(new Uri(link, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Thủ trưởng các cơ quan", html, StringComparison.Ordinal);
        Assert.Matches("<mark id=\"src-Name\" title=\"Nội dung\">Đảm bảo hạ tầng mạng Wi-Fi tốc độ cao", html);
        Assert.Matches(@"<td>hệ thống</td>\s*<td>Tạo mới</td>", html);
    }

    [Fact]
    public async Task Unknown_task_is_404()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var response = await client.GetAsync(new Uri("/nhiem-vu/" + Guid.NewGuid(), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex(@"<td class=""lead"">([^<]*)</td>")]
    private static partial Regex LeadCellRegex();

    [GeneratedRegex(@"href=""(/nhiem-vu/[0-9a-f-]+)""")]
    private static partial Regex TaskLinkRegex();
}
