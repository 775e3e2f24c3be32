using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>The demo commune in a real Chromium: sign in, search without diacritics, open a task and see its source.</summary>
public sealed class BrowserTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact(Timeout = 180_000)]
    public async Task Officer_signs_in_searches_without_diacritics_and_sees_a_task_in_its_source_text()
    {
        await using var app = await ServedApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 412, Height = 900 }, Locale = "vi-VN" });
        var pages = new PlanPages(page, app.BaseAddress);
        try
        {
            await pages.SignInAsync("admin", ServedApp.AdminPassword);
            await Assertions.Expect(pages.Heading).ToHaveTextAsync("Diễn Châu");

            await pages.SearchAsync("phan mem diet virus");
            await Assertions.Expect(pages.TaskLinks).ToHaveCountAsync(2);
            await pages.TaskLinks.First.ClickAsync();

            await Assertions.Expect(pages.Highlight).ToContainTextAsync("phần mềm diệt virus");
        }
        catch
        {
            Directory.CreateDirectory(Screenshots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "officer-flow-failure.png"), FullPage = true });
            throw;
        }
    }
}
