using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>The API reference page in a real Chromium: it renders the Vietnamese description and asks nothing of any other host.</summary>
public sealed class ApiReferenceTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact(Timeout = 180_000)]
    public async Task Reference_page_renders_from_the_application_alone()
    {
        await using var app = await ServedApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var outside = new List<string>();
        // Any request to another host is recorded and refused: the page must not need one.
        await page.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != app.BaseAddress.Authority)
            {
                lock (outside) outside.Add(route.Request.Url);
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        try
        {
            await page.GotoAsync(new Uri(app.BaseAddress, "/tai-lieu-api").ToString());

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "RoViec API" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("Mã API cá nhân").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Nhiệm vụ", new() { Exact = true }).First).ToBeVisibleAsync();
            Directory.CreateDirectory(Screenshots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "api-reference.png") });
            Assert.Empty(outside);
        }
        catch
        {
            Directory.CreateDirectory(Screenshots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "api-reference-failure.png"), FullPage = true });
            throw;
        }
    }
}
