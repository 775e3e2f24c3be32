using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>
/// A whole reporting month on the demo commune, in a real browser, through the screens only: the standing
/// office opens December; the police reporter fills and submits its report; the standing office returns one
/// line with a comment; the reporter fixes it and resubmits; the standing office verifies; the inspection
/// committee draws a sample and records its cross-check; the overview then shows the month's figures.
/// </summary>
public sealed partial class MonthBrowserTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact(Timeout = 420_000)]
    public async Task A_month_runs_end_to_end_in_the_browser()
    {
        await using var app = await ServedApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        Directory.CreateDirectory(Screenshots);
        var office = await SignedInPageAsync(browser, app, "thuongtruc");
        var reporter = await SignedInPageAsync(browser, app, "congan");
        var inspector = await SignedInPageAsync(browser, app, "ubkt");

        // The standing office opens December ahead of its day and sees every unit that must report.
        await office.GotoAsync(new Uri(app.BaseAddress, "/ky-bao-cao").ToString());
        await office.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "month-1-periods.png"), FullPage = true });
        await office.Locator("tr", new() { HasText = "Tháng 12/2026" }).GetByRole(AriaRole.Button, new() { Name = "Mở kỳ ngay" }).ClickAsync();
        await Assertions.Expect(office.Locator("h1")).ToContainTextAsync("Đang mở");
        var expected = int.Parse(ExpectedRegex().Match(await office.Locator("#rate").InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expected >= 5, $"{expected} units must report");
        var periodUrl = office.Url;

        // The police reporter fills every line of its report and submits it.
        await reporter.GotoAsync(new Uri(app.BaseAddress, "/bao-cao").ToString());
        await reporter.GetByRole(AriaRole.Link, new() { Name = "Tháng 12/2026" }).ClickAsync();
        var reportUrl = reporter.Url;
        var taskLines = reporter.Locator("section.line:has(.pill.kind-Task)");
        var lines = await taskLines.CountAsync();
        Assert.True(lines > 0);
        for (var i = 0; i < lines; i++)
        {
            var line = taskLines.Nth(i);
            await line.Locator("select[name$='.status']").SelectOptionAsync(new SelectOptionValue { Label = "Đang thực hiện" });
            await line.Locator("input[name$='.percent']").FillAsync("50");
            await line.Locator("textarea[name$='.work']").FillAsync($"Đã triển khai phần việc {i + 1} trong tháng.");
        }
        foreach (var numerator in await reporter.Locator("input[name$='.numerator']").AllAsync()) await numerator.FillAsync("45");
        foreach (var denominator in await reporter.Locator("input[name$='.denominator']").AllAsync()) await denominator.FillAsync("50");
        foreach (var value in await reporter.Locator("input[name$='.value']").AllAsync()) await value.FillAsync("3");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(reporter.Locator("#trang-thai")).ToHaveTextAsync("Chờ xác minh");

        // The standing office returns the first line with a comment.
        await office.GotoAsync(reportUrl);
        await taskLinesOf(office).First.GetByLabel("Ý kiến cho dòng này (ghi khi trả lại)").FillAsync("Ghi rõ số văn bản đã ban hành.");
        await office.GetByRole(AriaRole.Button, new() { Name = "Trả lại cho đơn vị" }).ClickAsync();
        await Assertions.Expect(office.Locator(".success")).ToHaveTextAsync("Đã trả lại báo cáo cho đơn vị kèm ý kiến.");

        // The reporter sees the comment beside the line, fixes it and resubmits.
        await reporter.ReloadAsync();
        await Assertions.Expect(reporter.Locator("#trang-thai")).ToHaveTextAsync("Bị trả lại");
        await Assertions.Expect(taskLines.First.Locator(".returned")).ToContainTextAsync("Ghi rõ số văn bản đã ban hành.");
        await reporter.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "month-2-returned.png"), FullPage = true });
        await taskLines.First.Locator("textarea[name$='.work']").FillAsync("Đã ban hành Kế hoạch số 12/KH-CA ngày 05/12/2026.");
        await taskLines.First.Locator("input[name$='.percent']").FillAsync("60");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(reporter.Locator("#trang-thai")).ToHaveTextAsync("Chờ xác minh");

        // The standing office verifies: the report is locked.
        await office.GotoAsync(reportUrl);
        await office.GetByRole(AriaRole.Button, new() { Name = "Xác minh (khóa báo cáo)" }).ClickAsync();
        await Assertions.Expect(office.Locator("#trang-thai")).ToHaveTextAsync("Đã xác minh");
        await reporter.ReloadAsync();
        await Assertions.Expect(reporter.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" })).ToHaveCountAsync(0);

        // The inspection committee draws its sample of verified lines and records what it found.
        await inspector.GotoAsync(new Uri(app.BaseAddress, "/kiem-tra-cheo").ToString());
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Chọn mẫu ngẫu nhiên" }).ClickAsync();
        var records = inspector.Locator("form[action*='handler=Record']");
        Assert.True(await records.CountAsync() >= 1);
        await records.First.GetByLabel("Xác nhận", new() { Exact = true }).CheckAsync();
        await records.First.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả" }).ClickAsync();
        await Assertions.Expect(inspector.Locator(".pill.Confirmed").First).ToBeVisibleAsync();
        await inspector.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "month-3-cross-check.png"), FullPage = true });

        // The month's figures: one unit of all has reported, on time, and its report is verified.
        await office.GotoAsync(periodUrl);
        await Assertions.Expect(office.Locator("#rate")).ToContainTextAsync($"Đã nhận 1/{expected}");
        await Assertions.Expect(office.Locator("tr", new() { HasText = "Công an xã" })).ToContainTextAsync("Đã xác minh");
        await Assertions.Expect(office.Locator("tr", new() { HasText = "Công an xã" })).ToContainTextAsync("Đúng hạn");
        await office.GotoAsync(new Uri(app.BaseAddress, "/tong-quan").ToString());
        await Assertions.Expect(office.Locator("#tile-received")).ToContainTextAsync($"1/{expected}");
        await Assertions.Expect(office.Locator("#tile-awaiting")).ToContainTextAsync("0");
        await office.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "month-4-overview.png"), FullPage = true });

        static ILocator taskLinesOf(IPage page) => page.Locator("section.line:has(.pill.kind-Task)");
    }

    private static async Task<IPage> SignedInPageAsync(IBrowser browser, ServedApp app, string userName)
    {
        var context = await browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await new PlanPages(page, app.BaseAddress).SignInAsync(userName, ServedApp.AdminPassword);
        return page;
    }

    [GeneratedRegex(@"Đã nhận \d+/(\d+)")]
    private static partial Regex ExpectedRegex();
}
