using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>Page objects: what a commune officer does, in the words of the screens.</summary>
public sealed class PlanPages(IPage page, Uri baseAddress)
{
    public async Task SignInAsync(string userName, string password)
    {
        await page.GotoAsync(new Uri(baseAddress, "/").ToString());
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }

    public async Task SearchAsync(string text)
    {
        await page.GetByLabel("Tìm nhiệm vụ").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
    }

    public ILocator TaskLinks => page.Locator("table a[href^='/nhiem-vu/']");

    public ILocator Highlight => page.Locator("pre.source mark");

    public ILocator Heading => page.Locator("h1");

    /// <summary>Uploads a plan document; the review screen of its draft opens.</summary>
    public async Task UploadAsync(string path)
    {
        await page.GotoAsync(new Uri(baseAddress, "/nhap-ke-hoach").ToString());
        await page.Locator("input[type=file][name=Document]").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc văn bản" }).ClickAsync();
    }

    /// <summary>A task's card on the review screen, found by words of its text.</summary>
    public ILocator ReviewCard(string text) => page.Locator("article.task", new() { HasText = text });

    /// <summary>Clicks a field of a task card to see where in the document it was read.</summary>
    public Task ShowSourceAsync(string taskText, string field) =>
        ReviewCard(taskText).Locator("dt", new() { HasTextString = field }).Locator("xpath=following-sibling::dd[1]").Locator("a.src").ClickAsync();

    /// <summary>The text marked in the document after clicking a field.</summary>
    public ILocator SourceOfField => page.Locator("pre.source mark.focus");

    /// <summary>Opens a task from its card, fills one field of its form and saves; back on the review screen.</summary>
    public async Task CorrectAsync(string taskText, string field, string value)
    {
        await ReviewCard(taskText).GetByRole(AriaRole.Link, new() { Name = "Sửa · tách" }).ClickAsync();
        await page.Locator($"#Input_{field}").FillAsync(value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
    }

    /// <summary>Confirms the draft; when asked whether it replaces the plan in force, says yes (after a screenshot of the question, when a path is given).</summary>
    public async Task ConfirmReplacingAsync(string? questionShot = null)
    {
        // A draft with warnings (unknown names, "6 rõ" defects, passed deadlines) is confirmed knowingly.
        var knowingly = page.GetByRole(AriaRole.Checkbox, new() { Name = "Tôi đã xem các cảnh báo và vẫn xác nhận" });
        if (await knowingly.CountAsync() > 0) await knowingly.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận thành kế hoạch của xã" }).ClickAsync();
        // The answer is either the question (a plan in force may be replaced) or the confirmed plan: wait for one of them,
        // or the question is looked for on the page being left.
        await page.WaitForURLAsync(url => url.Contains("handler=Confirm", StringComparison.Ordinal) || url.Contains("/ke-hoach/", StringComparison.Ordinal));
        var replace = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Có, thay thế") });
        if (await replace.CountAsync() > 0)
        {
            if (questionShot is not null)
            {
                // What replacing will do, with the pairing of tasks opened for the officer to check.
                await page.Locator(".replace-effect details summary").First.ClickAsync();
                await page.Locator(".question").ScreenshotAsync(new() { Path = questionShot });
            }
            await replace.First.ClickAsync();
        }
    }
}
