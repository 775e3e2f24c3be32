using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// Passwords that pass the length and character rules and are still weak: the most common passwords (also with digits
/// or symbols around them), and passwords made of the account's own name, user name or e-mail, of "RoViec" or of its
/// commune's or province's name. Every way of setting a password goes through Identity's validators, so the rules hold
/// on the set-password page, on the change-password page and in `roviec admin create`.
/// </summary>
public sealed class PasswordStrengthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What every password validator of the application says of the password for this demo account.</summary>
    private static async Task<IReadOnlyList<IdentityError>> ErrorsAsync(RoViecApp app, string userName, string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        return errors;
    }

    [Fact]
    public async Task Common_passwords_are_refused_even_with_digits_or_symbols_around_them()
    {
        await using var app = new RoViecApp();

        foreach (var password in new[] { "Password1!", "Matkhau123!", "P@ssword2026!", "Qwerty123456!", "2026Iloveyou#", "Trustno1!!!!" })
        {
            var errors = await ErrorsAsync(app, "congan", password);
            var error = Assert.Single(errors);
            Assert.Equal("PasswordTooCommon", error.Code);
            Assert.Contains("mật khẩu phổ biến", error.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Passwords_made_of_the_persons_user_name_name_or_e_mail_are_refused()
    {
        await using var app = new RoViecApp();
        // congan is "Trần Văn Công", congan@roviec.local.
        foreach (var password in new[] { "congan2026!!", "Congan2026!!", "Cong.An-2026!", "Trần-2026-abc!", "TRAN-xyz-2026!", "Cong-hoa-2026!" })
        {
            var errors = await ErrorsAsync(app, "congan", password);
            Assert.Contains(errors, e => e.Code == "PasswordContainsPersonalInfo");
            Assert.Contains("tên đăng nhập, họ tên", Assert.Single(errors, e => e.Code == "PasswordContainsPersonalInfo").Description, StringComparison.Ordinal);
        }
        // The e-mail's local part, when it differs from the user name.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("vhxh"))!;
            Assert.True((await users.SetEmailAsync(user, "hongnhung@dienchau.example.vn")).Succeeded);
        }
        Assert.Contains(await ErrorsAsync(app, "vhxh", "Hongnhung-2026!"), e => e.Code == "PasswordContainsPersonalInfo");
    }

    [Fact]
    public async Task Passwords_made_of_roviec_or_the_communes_or_provinces_name_are_refused()
    {
        await using var app = new RoViecApp();

        foreach (var password in new[] { "RoViec-2026!x", "Diễn-Châu-2026!", "DienChau@2026", "Nghe-An-2026!!" })
            Assert.Contains(await ErrorsAsync(app, "congan", password), e => e.Code == "PasswordContainsPlaceName");
    }

    [Fact]
    public async Task A_strong_password_passes_and_so_do_the_test_passwords_for_every_demo_account()
    {
        await using var app = new RoViecApp();

        Assert.Empty(await ErrorsAsync(app, "congan", "Bau-troi-xanh-2026!"));
        Assert.Empty(await ErrorsAsync(app, "congan", "Mat-khau-moi-2026"));
        // "Văn" and "Thị" say whether a name is a man's or a woman's; they are in most names and refuse nothing.
        Assert.Empty(await ErrorsAsync(app, "congan", "Vang-sao-2026!"));
        foreach (var userName in RoViec.Web.Features.Demo.DemoSeeder.DemoUsers.Select(u => u.UserName).Append("admin").Append("tinh").Append("trunguong"))
            Assert.Empty(await ErrorsAsync(app, userName, RoViecApp.AdminPassword));
    }

    [Fact]
    public async Task The_set_password_page_refuses_a_common_password_beside_its_field_and_takes_a_strong_one()
    {
        await using var app = new RoViecApp();
        using var admin = await app.SignedInClientAsync();
        var link = UserAdminTests.SetPasswordLinkIn(await (await UserAdminTests.CreateAsync(admin, "nguoimoi", "Lê Hữu Mới", [Roles.Inspector], null)).BodyAsync());
        using var person = app.CreateClient();

        var common = await UserAdminTests.SetPasswordAsync(person, link, "Password1!");
        var own = await UserAdminTests.SetPasswordAsync(person, link, "Nguoimoi-2026!");
        var strong = await UserAdminTests.SetPasswordAsync(person, link, "Bau-troi-xanh-2026!");

        Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);
        var commonBody = WebUtility.HtmlDecode(await common.BodyAsync());
        Assert.Contains("id=\"Input_New-loi\"", commonBody, StringComparison.Ordinal);
        Assert.Contains("mật khẩu phổ biến", commonBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("Mật khẩu không được chứa tên đăng nhập, họ tên", WebUtility.HtmlDecode(await own.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, strong.StatusCode);
        using var signedIn = await app.SignedInClientAsync("nguoimoi", "Bau-troi-xanh-2026!");
    }
}
