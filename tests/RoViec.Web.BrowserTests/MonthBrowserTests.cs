using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>A whole reporting month on the demo commune, in a real browser.</summary>
public sealed partial class MonthBrowserTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact(Timeout = 300_000)]
    public async Task The_standing_office_opens_december_and_sees_who_has_to_report()
    {
        await using var app = await ServedApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new() { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        var pages = new PlanPages(page, app.BaseAddress);
        Directory.CreateDirectory(Screenshots);

        await pages.SignInAsync("thuongtruc", ServedApp.AdminPassword);
        await page.GotoAsync(new Uri(app.BaseAddress, "/ky-bao-cao").ToString());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "periods.png"), FullPage = true });
        var december = page.Locator("tr", new() { HasText = "Tháng 12/2026" });
        await december.GetByRole(AriaRole.Button, new() { Name = "Mở kỳ ngay" }).ClickAsync();

        await Assertions.Expect(pages.Heading).ToContainTextAsync("Tháng 12/2026");
        await Assertions.Expect(pages.Heading).ToContainTextAsync("Đang mở");
        var rate = await page.Locator("#rate").InnerTextAsync();
        var expected = int.Parse(ExpectedRegex().Match(rate).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expected >= 5, rate);
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(expected);
        await Assertions.Expect(page.Locator("table tbody tr", new() { HasText = "Công an xã" })).ToContainTextAsync("Nháp");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "period-december.png"), FullPage = true });

        await page.GotoAsync(new Uri(app.BaseAddress, "/tong-quan").ToString());
        await Assertions.Expect(page.Locator("#tile-received")).ToContainTextAsync($"0/{expected}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "overview.png"), FullPage = true });
    }

    [GeneratedRegex(@"Đã nhận \d+/(\d+)")]
    private static partial Regex ExpectedRegex();
}
