using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// When "RoViec:RequireTwoFactor" is on (the default), a signed-in administrator or standing-office
/// officer who has not set up an authenticator app is sent to the enrolment page for every page but
/// that one, sign-in and sign-out, health, error pages, the language switch and static files. The
/// API answers 403 with a Vietnamese problem instead of a redirect it cannot follow.
/// </summary>
public sealed class TwoFactorRequirement(RequestDelegate next, IConfiguration configuration)
{
    public const string ConfigurationKey = "RoViec:RequireTwoFactor";
    public const string EnrolmentPath = "/tai-khoan/xac-thuc-hai-buoc";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };


    private readonly bool _required = IsRequired(configuration);

    /// <summary>Whether the requirement is on; it is unless configuration turns it off.</summary>
    public static bool IsRequired(IConfiguration configuration) => configuration.GetValue(ConfigurationKey, true);

    /// <summary>Whether a user with these roles must have two-factor sign-in under this configuration.</summary>
    public static bool AppliesTo(IConfiguration configuration, IEnumerable<string> roles) =>
        IsRequired(configuration) && roles.Any(Roles.RequireTwoFactor.Contains);

    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser, RoViecDbContext db)
    {
        if (!_required || context.User.Identity?.IsAuthenticated != true || IsExempt(context.Request.Path))
        {
            await next(context);
            return;
        }
        var ct = context.RequestAborted;
        var scope = await currentUser.ScopeAsync(context.User, ct);
        if (scope is null || !Roles.RequireTwoFactor.Any(scope.IsIn)
            || await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(ct))
        {
            await next(context);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.SetStatus(Refusal.Forbidden);
            await context.Response.WriteAsJsonAsync(new ProblemDetails
            {
                Status = Refusals.Status(Refusal.Forbidden),
                Title = "Cần bật xác thực hai bước",
                Detail = "Vai trò của bạn phải đăng nhập bằng mã từ ứng dụng xác thực. Hãy đăng nhập trên web và thiết lập tại " + EnrolmentPath + " trước khi dùng API.",
            }, Json, "application/problem+json", ct);
            return;
        }
        context.Response.Redirect(EnrolmentPath);
    }

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments(EnrolmentPath)
        || path.StartsWithSegments("/dang-nhap")
        || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/loi")
        || path.StartsWithSegments("/ngon-ngu")
        // The stylesheet and scripts the sign-in pages need, served from wwwroot's folders: not any address that ends like a file.
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.Equals("/favicon.ico", StringComparison.OrdinalIgnoreCase);
}
