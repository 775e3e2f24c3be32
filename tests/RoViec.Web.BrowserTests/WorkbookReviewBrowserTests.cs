using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>
/// A plan kept in Excel, reviewed in a real Chromium: each task card says which sheet and row it comes from, each
/// field and "6 rõ" defect which column, in Vietnamese and under the English toggle. Screenshots are kept.
/// </summary>
public sealed class WorkbookReviewBrowserTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private static readonly string Workbook = Path.Combine(AppContext.BaseDirectory, "fixtures", "xlsx", "tan-ky-phu-luc.xlsx");

    [Fact(Timeout = 180_000)]
    public async Task Officer_sees_where_each_task_and_defect_of_an_excel_plan_is_in_the_workbook()
    {
        await using var app = await ServedApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        Directory.CreateDirectory(Screenshots);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "vi-VN" });
        var pages = new PlanPages(page, app.BaseAddress);
        try
        {
            await pages.SignInAsync("thuongtruc", ServedApp.AdminPassword);
            await pages.UploadAsync(Workbook);
            await Assertions.Expect(pages.Heading).ToHaveTextAsync("Kiểm tra bản nháp kế hoạch");
            var review = page.Url;

            // Phụ lục 2: the header on row 3, columns TT, Thời hạn, Tên nhiệm vụ, Chủ trì …; task 1's deadline is vague.
            var card = pages.ReviewCard("Tập trung rà soát, hoàn thiện đồng bộ thể chế");
            await Assertions.Expect(card.Locator(".row-ref")).ToHaveTextAsync("Trang tính «Phụ lục 2», dòng 4");
            await Assertions.Expect(card.Locator("ul.defects li", new() { HasText = "Thời hạn" })).ToContainTextAsync("cột B");
            await card.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "review-workbook-desktop.png") });

            var phone = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 412, Height = 900 }, Locale = "vi-VN", StorageState = await page.Context.StorageStateAsync() });
            await phone.GotoAsync(review + "#" + await card.GetAttributeAsync("id"));
            await phone.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "review-workbook-phone.png") });
            var overflow = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"the review screen scrolls sideways by {overflow}px on a phone");
            await phone.CloseAsync();

            await page.GotoAsync(new Uri(app.BaseAddress, "/ngon-ngu?culture=en&returnUrl=" + Uri.EscapeDataString(new Uri(review).PathAndQuery)).ToString());
            await Assertions.Expect(card.Locator(".row-ref")).ToHaveTextAsync("Sheet «Phụ lục 2», row 4");
            await Assertions.Expect(card.Locator("ul.defects li").First).ToContainTextAsync("column B");
            await card.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "review-workbook-english.png") });
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "review-workbook-failure.png"), FullPage = true });
            throw;
        }
    }
}
