using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>A unit reporter in a real browser cannot open another unit's task: 403, a Vietnamese explanation, nothing of the task.</summary>
public sealed class UnitScopeBrowserTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact(Timeout = 180_000)]
    public async Task Unit_reporter_cannot_open_another_units_task()
    {
        await using var app = await ServedApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);

        // The police reporter's own list gives a task of the police.
        await using var police = await browser.NewContextAsync(new() { Locale = "vi-VN" });
        var policePage = await police.NewPageAsync();
        var policePages = new PlanPages(policePage, app.BaseAddress);
        await policePages.SignInAsync("congan", ServedApp.AdminPassword);
        await Assertions.Expect(policePages.TaskLinks.First).ToBeVisibleAsync();
        var href = await policePages.TaskLinks.First.GetAttributeAsync("href");
        var name = (await policePages.TaskLinks.First.InnerTextAsync()).Trim();

        // The culture and society office's reporter tries to open it.
        await using var culture = await browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 412, Height = 900 } });
        var page = await culture.NewPageAsync();
        var pages = new PlanPages(page, app.BaseAddress);
        await pages.SignInAsync("vhxh", ServedApp.AdminPassword);
        await Assertions.Expect(pages.Heading).ToBeVisibleAsync();
        var response = await page.GotoAsync(new Uri(app.BaseAddress, href!).ToString());

        try
        {
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(pages.Heading).ToHaveTextAsync("Không có quyền truy cập");
            var body = await page.Locator("body").InnerTextAsync();
            Assert.DoesNotContain(name[..Math.Min(30, name.Length)], body, StringComparison.Ordinal);
            Assert.Empty(await page.Locator("pre.source").AllAsync());
        }
        finally
        {
            Directory.CreateDirectory(Screenshots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "unit-reporter-403.png") });
        }
    }
}
