using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RoViec.Data;
using RoViec.Web.Shared.Api;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.ApiTokens;

/// <summary>
/// How a request proves who it is: a browser by the Identity cookie, an integration by a personal
/// API token ("Authorization: Bearer rv_…"). The default scheme looks at the request and forwards to
/// one of the two, so pages, <see cref="Access.CurrentUser"/> and role policies work the same for both.
/// </summary>
public static class ApiTokenAuthentication
{
    /// <summary>The token handler's scheme.</summary>
    public const string Scheme = "ApiToken";

    /// <summary>The default scheme: the token handler when the request carries a bearer token, else the cookie.</summary>
    public const string CookieOrToken = "CookieOrToken";

    /// <summary>
    /// The policy of API calls that change data: a token is required, the browser's cookie is not
    /// enough, so another site cannot make a signed-in officer's browser send a write (CSRF).
    /// </summary>
    public const string WritePolicy = "ApiWrite";

    /// <summary>Tokens open the API and its description only; pages stay with the signed-in browser.</summary>
    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    public static AuthenticationBuilder AddCookieOrApiToken(this IServiceCollection services) =>
        services.AddAuthentication(CookieOrToken)
            .AddPolicyScheme(CookieOrToken, "Phiên đăng nhập hoặc mã API", o =>
                o.ForwardDefaultSelector = context => BearerToken(context.Request) is null ? IdentityConstants.ApplicationScheme : Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(Scheme, "Mã API", null);

    public static AuthorizationBuilder AddApiWritePolicy(this AuthorizationBuilder builder) =>
        builder.AddPolicy(WritePolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());

    /// <summary>The bearer credential of the request, if it has one.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}

/// <summary>
/// Reads a bearer token, finds its SHA-256 among the stored tokens and signs the request in as the
/// token's owner with the owner's current roles. Revoked or expired tokens, and tokens of a locked-out
/// owner, are refused. The last use is written at most once a minute per token.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, RoViecDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string TokenIdClaim = "roviec:api-token";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ApiTokenAuthentication.BearerToken(Request);
        if (token is null) return AuthenticateResult.NoResult();
        if (!ApiTokenAuthentication.IsApiPath(Request.Path))
            return Refuse("Mã API chỉ dùng cho các địa chỉ /api; trang web cần đăng nhập bằng trình duyệt (API tokens work only under /api).");
        if (!ApiTokenFormat.LooksLikeToken(token)) return Refuse(UnknownToken);

        var hash = ApiTokenFormat.Hash(token);
        var ct = Context.RequestAborted;
        var found = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new
            {
                t.Id,
                t.ExpiresAtUtc,
                t.RevokedAtUtc,
                t.LastUsedAtUtc,
                UserId = u.Id,
                u.UserName,
                u.LockoutEnabled,
                u.LockoutEnd,
            })
            .FirstOrDefaultAsync(ct);
        var now = TimeProvider.GetUtcNow();
        if (found is null) return Refuse(UnknownToken);
        if (found.RevokedAtUtc is not null) return Refuse("Mã API đã bị thu hồi. Hãy tạo mã mới tại /tai-khoan/ma-api.");
        if (found.ExpiresAtUtc is { } expires && expires <= now.UtcDateTime)
            return Refuse("Mã API đã hết hạn. Hãy tạo mã mới tại /tai-khoan/ma-api.");
        if (found.LockoutEnabled && found.LockoutEnd is { } lockoutEnd && lockoutEnd > now)
            return Refuse("Tài khoản chủ mã API đang bị khóa.");

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == found.UserId
                           select r.Name).ToListAsync(ct);
        if (found.LastUsedAtUtc is null || found.LastUsedAtUtc < now.UtcDateTime - LastUsedResolution)
        {
            var threshold = now.UtcDateTime - LastUsedResolution;
            var used = now.UtcDateTime;
            // Conditional, so parallel calls with one token write once, not once each. It is bookkeeping: a write
            // that fails (a busy database) is logged and the call goes on, rather than becoming a 401.
            try
            {
                await db.ApiTokens.Where(t => t.Id == found.Id && (t.LastUsedAtUtc == null || t.LastUsedAtUtc < threshold))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, used), ct);
            }
            catch (System.Data.Common.DbException ex)
            {
                Logger.LogWarning(ex, "Could not record the last use of API token {TokenId}", found.Id);
            }
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, found.UserId.ToString()),
            new(ClaimTypes.Name, found.UserName ?? ""),
            new(TokenIdClaim, found.Id.ToString()),
            .. roles.OfType<string>().Select(r => new Claim(ClaimTypes.Role, r)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    private const string UnknownToken = "Mã API không đúng. Hãy kiểm tra lại mã, hoặc tạo mã mới tại /tai-khoan/ma-api.";

    private AuthenticateResult Refuse(string vietnamese)
    {
        Context.Items[typeof(ApiTokenAuthenticationHandler)] = vietnamese;
        return AuthenticateResult.Fail(vietnamese);
    }

    /// <summary>
    /// 401 with a Vietnamese problem saying why, for API paths; pages keep an empty body so the
    /// status-code page explains it in HTML.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        var reason = Context.Items[typeof(ApiTokenAuthenticationHandler)] as string;
        Response.SetStatus(Refusal.Unauthenticated);
        Response.Headers.WWWAuthenticate = reason is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        if (!Request.Path.StartsWithSegments("/api")) return;
        reason ??= HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)
            ? ApiProblems.UnauthorizedDetail
            : "Thay đổi dữ liệu qua API cần mã API trong tiêu đề \"Authorization: Bearer rv_…\"; phiên đăng nhập của trình duyệt không đủ, để trang web khác không thể gửi thay bạn (writes need an API token, not the browser cookie). Tạo mã tại /tai-khoan/ma-api.";
        await ApiProblems.Refused(Refusal.Unauthenticated, reason).ExecuteAsync(Context);
    }
}
