using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Notifications;

/// <summary>
/// The signed-in user's notices, newest first, the unread ones marked; mark one or all as read. Any signed-in
/// account has this page, with or without a role; nobody sees another's notices (another's id answers 404).
/// </summary>
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    /// <summary>Notices shown at most; older ones stay in the database.</summary>
    public const int Shown = 200;

    public sealed record Line(Guid Id, string Kind, string Title, string Body, string? Link, string Created, bool Unread, string? Email);

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public int Unread { get; private set; }

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return Forbid();
        var visible = Notices.VisibleTo(db, owner);
        Total = await visible.CountAsync(ct);
        Unread = await visible.CountAsync(n => n.ReadAtUtc == null, ct);
        var rows = await visible.AsNoTracking().OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(Shown)
            .Select(n => new { n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc, n.EmailState })
            .ToListAsync(ct);
        Lines = [.. rows.Select(n => new Line(n.Id, NoticeKindLabels.For(n.Kind).Name, n.Title, n.Body, SafeLink(n.Link), Show(n.CreatedAtUtc), n.ReadAtUtc is null, EmailLabel(n.EmailState)))];
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return Forbid();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await Notices.MarkReadAsync(db, owner, id, now, ct)) return NotFound();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return Forbid();
        var now = clock.GetUtcNow().UtcDateTime;
        await Notices.MarkAllReadAsync(db, owner, now, ct);
        return RedirectToPage();
    }

    private async Task<Guid?> OwnerAsync(CancellationToken ct) => (await currentUser.ScopeAsync(User, ct))?.UserId;

    private static string Show(DateTime utc) =>
        VietnamTime.FromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Only a path inside the application becomes a link.</summary>
    private static string? SafeLink(string? link) =>
        link is not null && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) ? link : null;

    private static string? EmailLabel(string? state) => state switch
    {
        EmailStates.Pending or EmailStates.Sending => "đang chờ gửi thư",
        EmailStates.Sent => "đã gửi thư",
        EmailStates.Failed => "gửi thư chưa được",
        _ => null,
    };
}
