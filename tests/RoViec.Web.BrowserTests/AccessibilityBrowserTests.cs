using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>
/// axe-core (Deque's engine, as its Playwright binding carries it) on the main pages of each kind of user, desktop and
/// phone: no serious or critical violation of WCAG 2.1 A/AA; and nothing on these pages is refused by the
/// Content-Security-Policy (no inline script, handler or style left behind).
/// </summary>
public sealed class AccessibilityBrowserTests
{
    private static readonly string[] OfficePages =
    [
        "/", "/chi-tieu", "/loi-6-ro", "/ke-hoach", "/tong-quan", "/bang-dieu-khien", "/bao-cao", "/ky-bao-cao", "/diem",
        "/diem/bo-tieu-chi", "/cong-khai/cai-dat", "/thong-bao", "/tai-khoan", "/nhap-ke-hoach", "/de-nghi-dieu-chinh-han",
    ];

    private static readonly string[] AdminPages = ["/to-chuc", "/to-chuc/ban-chi-dao", "/nguoi-dung", "/nguoi-dung/moi"];

    [Fact(Timeout = 300_000)]
    public async Task Main_pages_have_no_serious_or_critical_accessibility_violation()
    {
        await using var app = await ServedApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var found = new List<string>();

        await using (var anonymous = await browser.NewContextAsync(new() { Locale = "vi-VN" }))
        {
            var page = await anonymous.NewPageAsync();
            WatchPolicy(page, found);
            await page.GotoAsync(new Uri(app.BaseAddress, "/dang-nhap").ToString());
            await CheckAsync(page, "/dang-nhap", found);
        }
        foreach (var (user, paths, width) in new[] { ("thuongtruc", OfficePages, 1280), ("admin", AdminPages, 1280), ("congan", new[] { "/", "/bao-cao" }, 390) })
        {
            await using var context = await browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = width, Height = 900 } });
            var page = await context.NewPageAsync();
            WatchPolicy(page, found);
            await new PlanPages(page, app.BaseAddress).SignInAsync(user, ServedApp.AdminPassword);
            await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal));
            foreach (var path in paths)
            {
                await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
                await CheckAsync(page, $"{user} {path}", found);
            }
            // A report of the unit, or the first the office sees: the form and its lines.
            await page.GotoAsync(new Uri(app.BaseAddress, "/bao-cao").ToString());
            var report = page.Locator("a[href^='/bao-cao/']").First;
            if (await report.CountAsync() > 0)
            {
                await report.ClickAsync();
                await CheckAsync(page, $"{user} {new Uri(page.Url).AbsolutePath}", found);
            }
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    /// <summary>Chromium reports every script, handler or style the policy refused on the console.</summary>
    private static void WatchPolicy(IPage page, List<string> found)
    {
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) found.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => found.Add($"{page.Url}: {error}");
    }

    private static async Task CheckAsync(IPage page, string where, List<string> found)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            // Only violations are read: axe then reports one node for passes and incomplete results instead of every
            // node of the page, which spared most of this test's time on the long pages.
            ResultTypes = [ResultType.Violations],
        });
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var targets = string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target.ToString()));
            found.Add($"{where}: {violation.Id} ({violation.Impact}) {violation.Help} — {violation.Nodes.Length} × {targets}");
        }
    }
}
