using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Playwright;

namespace RoViec.Web.BrowserTests;

/// <summary>
/// An administrator on a phone-sized Chromium with two-factor sign-in required: sent to enrolment
/// after the password, enrols with a code computed from the key on the page, and signs in again with
/// a code. ROVIEC_SCREENSHOTS=DIR also keeps pictures of the enrolment, organisation and account pages
/// at phone and desktop width, for a person to look at.
/// </summary>
public sealed class TwoFactorBrowserTests
{
    private static readonly string Failures = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact(Timeout = 180_000)]
    public async Task Administrator_enrols_an_authenticator_and_signs_in_again_with_its_code()
    {
        await using var app = await ServedApp.StartAsync(requireTwoFactor: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 412, Height = 900 }, Locale = "vi-VN" });
        var shots = Environment.GetEnvironmentVariable("ROVIEC_SCREENSHOTS");
        try
        {
            await SignInAsync(page, app.BaseAddress);
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/tai-khoan/xac-thuc-hai-buoc").ToString());
            await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
            await ShootAsync(page, shots, "enrolment");

            var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
            await page.GetByLabel("Mã từ ứng dụng").FillAsync(Code(key, app.Now));
            await page.GetByRole(AriaRole.Button, new() { Name = "Bật xác thực hai bước" }).ClickAsync();
            await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
            await ShootAsync(page, shots, "recovery-codes");

            if (shots is not null)
            {
                foreach (var (path, name) in new[] { ("/to-chuc", "organisation"), ("/nguoi-dung", "users"), ("/tai-khoan", "account"), ("/to-chuc/ban-chi-dao/thanh-vien", "steering-member") })
                {
                    await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
                    await ShootAsync(page, shots, name);
                }
                await page.GotoAsync(new Uri(app.BaseAddress, "/to-chuc").ToString());
                await page.GetByRole(AriaRole.Link, new() { Name = "Công an xã", Exact = true }).ClickAsync();
                await ShootAsync(page, shots, "unit");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
            await SignInAsync(page, app.BaseAddress);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nhập mã xác thực");
            await page.GetByLabel("Mã xác thực").FillAsync(Code(key, app.Now));
            await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Diễn Châu");
        }
        catch
        {
            Directory.CreateDirectory(Failures);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Failures, "two-factor-failure.png"), FullPage = true });
            throw;
        }
    }

    private static async Task SignInAsync(IPage page, Uri baseAddress)
    {
        await page.GotoAsync(new Uri(baseAddress, "/").ToString());
        await page.GetByLabel("Tên đăng nhập").FillAsync("admin");
        await page.GetByLabel("Mật khẩu").FillAsync(ServedApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }

    /// <summary>The page at phone width (as it is) and at desktop width, when pictures were asked for.</summary>
    private static async Task ShootAsync(IPage page, string? directory, string name)
    {
        if (directory is null) return;
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + "-412.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + "-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(412, 900);
    }

    /// <summary>The code an authenticator app shows (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) for a base32 key.</summary>
    private static string Code(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var key = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32Key.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            bits += 5;
            if (bits < 8) continue;
            key.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        // HMAC-SHA1 is what RFC 6238 and the authenticator apps use; it is not chosen here.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData([.. key], counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
