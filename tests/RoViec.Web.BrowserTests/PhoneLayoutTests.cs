using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>
/// The main pages at phone and desktop width: each renders its heading and, on a phone, fits the
/// screen without sideways scrolling. Screenshots are kept in the test output's "screenshots"
/// folder for people to look at.
/// </summary>
public sealed class PhoneLayoutTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact(Timeout = 240_000)]
    public async Task Workspace_pages_fit_a_phone_screen()
    {
        await using var app = await ServedApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        Directory.CreateDirectory(Screenshots);
        foreach (var (width, name) in new[] { (412, "phone"), (1280, "desktop") })
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, Locale = "vi-VN" });
            var pages = new PlanPages(page, app.BaseAddress);
            await pages.SignInAsync("thuongtruc", ServedApp.AdminPassword);
            await Assertions.Expect(pages.Heading).ToHaveTextAsync("Diễn Châu");
            var task = await pages.TaskLinks.First.GetAttributeAsync("href");
            foreach (var (path, heading) in new[] { ("/", "Diễn Châu"), ("/loi-6-ro", "Nhiệm vụ chưa đủ \"6 rõ\""), ("/chi-tieu", "Chỉ tiêu"), (task!, "Nhiệm vụ") })
            {
                await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
                await Assertions.Expect(pages.Heading).ToContainTextAsync(heading);
                var file = $"{name}{path.Replace('/', '-').Split('#')[0]}.png";
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, path.StartsWith("/nhiem-vu/", StringComparison.Ordinal) ? $"{name}-task.png" : file), FullPage = width > 412 });
                if (width == 412)
                {
                    var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
                    Assert.True(overflow <= 1, $"{path} scrolls sideways by {overflow}px on a phone");
                }
            }
            await page.CloseAsync();
        }
    }
}
