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
}
