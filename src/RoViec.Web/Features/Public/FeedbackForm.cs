using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Figures;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Public;

/// <summary>
/// `POST /cong-khai/{slug}/gop-y`: a citizen's or business's feedback and satisfaction rating on a published item.
/// Spam and flood are met in layers: ASP.NET Core's rate limiter per address (429 with Retry-After), a daily cap
/// per salted address hash kept in the database (so it holds across restarts), a honeypot field (filled: thanked
/// and dropped), a time trap (a data-protected timestamp: posted in under 3 seconds or after 2 hours is refused) that
/// is also a one-time form (its nonce is kept with the feedback, unique: the same form posted again is refused),
/// a 16 KB body limit (413), and plain text only (markup or script: 422). The page is public and cached, so the
/// form carries no antiforgery cookie token: there is no signed-in session for another site to abuse.
/// </summary>
public static class FeedbackForm
{
    public const string Policy = "feedback";
    private const string Purpose = "RoViec.Feedback.Time";

    public const string Reused = "Biểu mẫu này đã được gửi rồi. Hãy tải lại trang nếu muốn gửi một góp ý khác.";

    /// <summary>The form's token: when it was served and a one-time number, protected so that neither can be forged.</summary>
    public static string Token(IDataProtectionProvider protection, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(protection);
        var nonce = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        return protection.CreateProtector(Purpose).Protect(nowUtc.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + nonce);
    }

    public static void AddRateLimit(IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RoViec:Feedback:PerWindow", 5);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RoViec:Feedback:WindowSeconds", 600));
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.SetStatus(Refusal.TooMany);
                context.HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Write(context.HttpContext.Response, "Gửi quá nhiều góp ý trong thời gian ngắn",
                    $"Mỗi địa chỉ chỉ gửi được {permits} góp ý trong {window.TotalMinutes:0} phút. Xin vui lòng thử lại sau. / Too many submissions; please try again later.", null, ct);
            };
        });
    }

    public static void Map(WebApplication app) => app.MapPost("/cong-khai/{slug}/gop-y", async (
        string slug, HttpContext http, RoViecDbContext db, IDataProtectionProvider protection, IConfiguration configuration,
        TimeProvider clock, CancellationToken ct) =>
    {
        var page = await PublicFigures.OpenAsync(db, slug, ct);
        if (page is null) return Results.NotFound();
        var back = $"/cong-khai/{page.Slug}";
        if (!http.Request.HasFormContentType) return Refuse(back, ["Hãy gửi góp ý bằng biểu mẫu trên trang."]);
        var form = await http.Request.ReadFormAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // A bot fills every field; a person never sees this one.
        if (!string.IsNullOrEmpty(form["website"])) return Results.Redirect(back + "?da-gui=1", permanent: false);
        if (InTime(protection, form["t"], now, configuration.GetValue("RoViec:Feedback:MinSeconds", 3)) is not { } nonce)
            return Refuse(back, ["Biểu mẫu đã quá hạn hoặc được gửi quá nhanh. Hãy tải lại trang, viết góp ý rồi gửi lại."]);
        if (await db.Feedback.AnyAsync(f => f.FormNonce == nonce, ct)) return Refuse(back, [Reused]);

        int? rating = int.TryParse(form["rating"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : null;
        var item = form["item"].ToString();
        var errors = FeedbackRules.Check(rating, form["message"], form["name"], form["contact"]).ToList();
        if (!await PublishedAsync(db, page, item, clock, ct)) errors.Add("Mục được góp ý không có trên trang công khai; hãy chọn trong danh sách.");
        if (errors.Count > 0) return Refuse(back, errors);

        // Production refuses to start without a secret salt (Operations/StartChecks); the default serves the demo and tests only.
        var salt = configuration["RoViec:Feedback:Salt"] ?? "roviec-feedback";
        var hash = FeedbackRules.ClientHash(http.Connection.RemoteIpAddress?.ToString(), salt, DateOnly.FromDateTime(VietnamTime.FromUtc(now)));
        var perDay = configuration.GetValue("RoViec:Feedback:PerDay", 20);
        if (await db.Feedback.CountAsync(f => f.ClientHash == hash && f.CreatedAtUtc >= now.AddDays(-1), ct) >= perDay)
        {
            http.Response.Headers.RetryAfter = "86400";
            return Results.Content(await Html("Đã gửi đủ số góp ý trong ngày", $"Mỗi địa chỉ gửi được tối đa {perDay} góp ý mỗi ngày. Xin cảm ơn, vui lòng gửi tiếp vào ngày mai.", back),
                "text/html; charset=utf-8", statusCode: Refusals.Status(Refusal.TooMany));
        }

        db.Feedback.Add(new Feedback
        {
            Id = Guid.NewGuid(),
            CommuneId = page.CommuneId,
            Item = item,
            Rating = rating!.Value,
            Message = form["message"].ToString().Trim(),
            SenderName = Clean(form["name"]),
            SenderContact = Clean(form["contact"]),
            ClientHash = hash,
            FormNonce = nonce,
            CreatedAtUtc = now,
            Version = Guid.NewGuid(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Notifications.Notices.IsInsertConflict(e))
        {
            // The same form posted twice at once: the other post kept it.
            return Refuse(back, [Reused]);
        }
        return Results.Redirect(back + "?da-gui=1", permanent: false);
    }).AllowAnonymous().RequireRateLimiting(Policy).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(16 * 1024));

    /// <summary>The form's one-time number when the token is genuine and was served between the minimum and 2 hours ago; else null.</summary>
    private static string? InTime(IDataProtectionProvider protection, string? token, DateTime nowUtc, int minSeconds)
    {
        try
        {
            var parts = protection.CreateProtector(Purpose).Unprotect(token ?? "").Split(':');
            if (parts is not [var time, { Length: 32 } nonce]) return null;
            var ticks = long.Parse(time, CultureInfo.InvariantCulture);
            var age = nowUtc - new DateTime(ticks, DateTimeKind.Utc);
            return age >= TimeSpan.FromSeconds(minSeconds) && age <= TimeSpan.FromHours(2) ? nonce : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static async Task<bool> PublishedAsync(RoViecDbContext db, PublicPage page, string item, TimeProvider clock, CancellationToken ct)
    {
        if (item == "page") return true;
        if (item == "ranking") return page.ShowRanking;
        var month = await PublicFigures.MonthAsync(db, page.CommuneId, null, ct);
        if (month is null) return false;
        var figures = await PeriodSnapshots.ReadAsync(db, month, clock, ct);
        if (item.StartsWith("indicator:", StringComparison.Ordinal))
            return Guid.TryParse(item["indicator:".Length..], out var id) && PublicFigures.PublishedIndicators(page, figures).Contains(id);
        if (item.StartsWith("field:", StringComparison.Ordinal))
            return page.ShowFields && figures.Tasks.Any(t => t.Field == item["field:".Length..]);
        return false;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IResult Refuse(string back, IReadOnlyList<string> errors) =>
        Results.Content(HtmlPage("Chưa gửi được góp ý", errors, back), "text/html; charset=utf-8", statusCode: Refusals.Status(Refusal.Invalid));

    private static Task<string> Html(string title, string message, string? back) => Task.FromResult(HtmlPage(title, [message], back));

    private static async Task Write(HttpResponse response, string title, string message, string? back, CancellationToken ct)
    {
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(HtmlPage(title, [message], back), ct);
    }

    private static string HtmlPage(string title, IReadOnlyList<string> lines, string? back) =>
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + WebUtility.HtmlEncode(title) + "</title></head><body style=\"font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem\"><h1>"
        + WebUtility.HtmlEncode(title) + "</h1><ul>" + string.Concat(lines.Select(l => "<li>" + WebUtility.HtmlEncode(l) + "</li>")) + "</ul>"
        + (back is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(back)}\">Quay lại trang công khai</a></p>") + "</body></html>";
}
