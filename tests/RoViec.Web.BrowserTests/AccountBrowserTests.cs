using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>
/// An administrator creates an account in the real form (its anti-forgery token, its checkboxes and select), hands over
/// the one-time link, and the new person opens it in their own browser, chooses a password and signs in as themselves.
/// </summary>
public sealed class AccountBrowserTests
{
    private static readonly string Failures = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact(Timeout = 180_000)]
    public async Task Administrator_creates_a_reporter_who_sets_a_password_through_the_link_and_signs_in()
    {
        await using var app = await ServedApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var admin = await browser.NewPageAsync(new() { Locale = "vi-VN" });
        await using var personContext = await browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 412, Height = 900 } });
        var person = await personContext.NewPageAsync();
        try
        {
            await new PlanPages(admin, app.BaseAddress).SignInAsync("admin", ServedApp.AdminPassword);
            await admin.GotoAsync(new Uri(app.BaseAddress, "/nguoi-dung/moi").ToString());
            await admin.GetByLabel("Tên đăng nhập").FillAsync("nguyen.thi.moi");
            await admin.GetByLabel("Họ và tên").FillAsync("Nguyễn Thị Mới");
            await admin.GetByLabel("Cán bộ báo cáo của đơn vị").CheckAsync();
            await admin.GetByLabel("Đơn vị công tác").SelectOptionAsync(new SelectOptionValue { Label = "Công an xã" });
            await admin.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
            await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Đã tạo tài khoản");
            var link = await admin.Locator("#set-password-link").GetAttributeAsync("href");
            Assert.False(string.IsNullOrEmpty(link));

            await person.GotoAsync(link!);
            await Assertions.Expect(person.Locator("h1")).ToHaveTextAsync("Đặt mật khẩu");
            await person.GetByLabel("Mật khẩu mới", new() { Exact = false }).First.FillAsync("Mat-khau-rieng-2026");
            await person.GetByLabel("Nhập lại mật khẩu mới").FillAsync("Mat-khau-rieng-2026");
            await person.GetByRole(AriaRole.Button, new() { Name = "Đặt mật khẩu" }).ClickAsync();
            await Assertions.Expect(person.Locator("#password-set")).ToContainTextAsync("nguyen.thi.moi");

            await new PlanPages(person, app.BaseAddress).SignInAsync("nguyen.thi.moi", "Mat-khau-rieng-2026");
            await person.GotoAsync(new Uri(app.BaseAddress, "/tai-khoan").ToString());
            await Assertions.Expect(person.Locator("main")).ToContainTextAsync("nguyen.thi.moi");
            await Assertions.Expect(person.Locator("main")).ToContainTextAsync("Cán bộ báo cáo của đơn vị");

            // The link worked once.
            await person.GotoAsync(link!);
            await Assertions.Expect(person.Locator("#link-refused")).ToBeVisibleAsync();
        }
        catch
        {
            Directory.CreateDirectory(Failures);
            await admin.ScreenshotAsync(new() { Path = Path.Combine(Failures, "account-admin.png"), FullPage = true });
            await person.ScreenshotAsync(new() { Path = Path.Combine(Failures, "account-person.png"), FullPage = true });
            throw;
        }
    }
}
