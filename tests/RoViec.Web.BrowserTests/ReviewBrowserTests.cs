using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>
/// The import and review job in a real Chromium: upload a DOCX, see where a field came from, fix a
/// "6 rõ" defect and watch it go, confirm the plan (replacing the demo plan), find its task without
/// diacritics. Screenshots of the review screen at desktop and phone width are kept.
/// </summary>
public sealed class ReviewBrowserTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private static readonly string Plan = Path.Combine(AppContext.BaseDirectory, "fixtures", "docx", "xuan-giang-ctr-2026.docx");
    private const string TaskText = "Lựa chọn tối thiểu 03 bài toán lớn";

    [Fact(Timeout = 240_000)]
    public async Task Officer_imports_a_docx_fixes_a_defect_on_review_confirms_and_finds_the_task()
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
            await pages.UploadAsync(Plan);
            await Assertions.Expect(pages.Heading).ToHaveTextAsync("Kiểm tra bản nháp kế hoạch");
            var review = page.Url;

            var card = pages.ReviewCard(TaskText);
            await Assertions.Expect(card).ToContainTextAsync("Chưa rõ sản phẩm đầu ra.");
            await pages.ShowSourceAsync(TaskText, "Chủ trì");
            await Assertions.Expect(pages.SourceOfField).ToContainTextAsync("Phòng Văn hoá - Xã hội");
            await Assertions.Expect(pages.SourceOfField.First).ToBeInViewportAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "review-desktop.png") });

            await pages.CorrectAsync(TaskText, "Output", "Danh mục 03 bài toán được Ban Thường vụ phê duyệt; 01 mô hình thí điểm");
            await Assertions.Expect(pages.Heading).ToHaveTextAsync("Kiểm tra bản nháp kế hoạch");
            await Assertions.Expect(card).ToContainTextAsync("Danh mục 03 bài toán");
            await Assertions.Expect(card).Not.ToContainTextAsync("Chưa rõ sản phẩm đầu ra.");

            var phone = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 412, Height = 900 }, Locale = "vi-VN", StorageState = await page.Context.StorageStateAsync() });
            await phone.GotoAsync(review);
            var phonePages = new PlanPages(phone, app.BaseAddress);
            await phonePages.ShowSourceAsync(TaskText, "Chủ trì");
            await Assertions.Expect(phonePages.SourceOfField.First).ToBeInViewportAsync();
            await phone.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "review-phone.png") });
            // Below the text, the task cards are what a phone shows as one scrolls on: the text does not stay stuck over them.
            var phoneCard = phonePages.ReviewCard(TaskText);
            await phoneCard.ScrollIntoViewIfNeededAsync();
            var seen = await phoneCard.EvaluateAsync<bool>(
                "c => { const r = c.getBoundingClientRect(); const y = Math.min(Math.max(r.top, 0) + 20, window.innerHeight - 1); return c.contains(document.elementFromPoint(r.left + r.width / 2, y)); }");
            await phone.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "review-phone-card.png") });
            Assert.True(seen, "on a phone the document's text stays stuck over the task card scrolled to");
            var overflow = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"the review screen scrolls sideways by {overflow}px on a phone");
            await phone.CloseAsync();

            // The unknown names on one screen: the commune's units reach every row's list from the one list the page
            // sends (by its script), a choice from it is saved and shown again.
            await page.GotoAsync(review + "/don-vi");
            await Assertions.Expect(pages.Heading).ToHaveTextAsync("Tên đơn vị chưa có trong danh mục");
            var lists = page.Locator("select[data-units]");
            Assert.True(await lists.CountAsync() > 0, "the plan has names the demo commune does not know");
            await Assertions.Expect(lists.First.Locator("optgroup[label='Đơn vị của xã'] option", new() { HasText = "Công an xã" })).ToHaveCountAsync(1);
            var name = await page.Locator("table.map-names tbody th").First.InnerTextAsync();
            await lists.First.SelectOptionAsync(new SelectOptionValue { Label = "Công an xã" });
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "map-names-desktop.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tất cả lựa chọn" }).ClickAsync();
            await page.GotoAsync(review + "/don-vi");
            var row = page.Locator("table.map-names tbody tr", new() { HasText = name.Trim() });
            await Assertions.Expect(row.Locator("select[data-units] option:checked")).ToHaveTextAsync("Công an xã");
            await page.GotoAsync(review);

            await pages.ConfirmReplacingAsync(Path.Combine(Screenshots, "replace-question.png"));
            await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("Đã xác nhận kế hoạch");
            await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
            await pages.SearchAsync("bai toan lon gan voi dieu kien thuc tien");
            await Assertions.Expect(pages.TaskLinks).ToHaveCountAsync(1);
            await Assertions.Expect(pages.TaskLinks.First).ToContainTextAsync(TaskText);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "review-flow-failure.png"), FullPage = true });
            throw;
        }
    }
}
