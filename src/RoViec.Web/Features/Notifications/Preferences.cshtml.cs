using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Notifications;

/// <summary>
/// The signed-in user's choice, per kind of notice, of the two channels: in the application and by e-mail.
/// No row means both on; saving writes one row per kind. Also how the e-mails reach the user: one per notice at once
/// (the default) or one digest a day at <see cref="NoticeMailer.DigestHour"/> o'clock, Vietnam time.
/// </summary>
public sealed class PreferencesModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed record Choice(string Kind, string Name, string Explanation, bool InApp, bool Email);

    /// <summary>The kinds ticked "in the application".</summary>
    [BindProperty]
    public List<string> InApp { get; set; } = [];

    /// <summary>The kinds ticked "by e-mail".</summary>
    [BindProperty]
    public List<string> Email { get; set; } = [];

    /// <summary>One of <see cref="NoticeDeliveryModes"/>; not posted means the default, one mail per notice.</summary>
    [BindProperty]
    public string? Delivery { get; set; }

    public IReadOnlyList<Choice> Choices { get; private set; } = [];

    /// <summary>The saved way e-mails reach the user, shown ticked.</summary>
    public string SavedDelivery { get; private set; } = NoticeDeliveryModes.Immediate;

    public string? Address { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return Forbid();
        await LoadAsync(owner, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return Forbid();
        var unknown = InApp.Concat(Email).Where(k => !NoticeKinds.All.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            await LoadAsync(owner, ct);
            return this.Refuse(new Refused(Refusal.BadRequest, "Loại thông báo không hợp lệ."));
        }
        var delivery = string.IsNullOrEmpty(Delivery) ? NoticeDeliveryModes.Immediate : Delivery;
        if (!NoticeDeliveryModes.All.Contains(delivery))
        {
            await LoadAsync(owner, ct);
            return this.Refuse(new Refused(Refusal.BadRequest, "Cách gửi thư không hợp lệ: chọn gửi ngay từng thông báo hoặc một thư tổng hợp mỗi ngày."));
        }
        if (await NoticePreferences.SaveAsync(db, owner, InApp, Email, delivery, ct) is NoticePreferences.Outcome.Conflict conflict)
        {
            await LoadAsync(owner, ct);
            return this.Refuse(conflict);
        }
        Saved = "Đã lưu cách nhận thông báo.";
        return RedirectToPage();
    }

    private async Task<Guid?> OwnerAsync(CancellationToken ct) => (await currentUser.ScopeAsync(User, ct))?.UserId;

    private async Task LoadAsync(Guid owner, CancellationToken ct)
    {
        (Address, var rows, var delivery) = await NoticePreferences.ReadAsync(db, owner, ct);
        SavedDelivery = delivery;
        Choices = [.. NoticeKinds.All.Select(kind =>
        {
            var label = NoticeKindLabels.For(kind);
            var row = rows.GetValueOrDefault(kind);
            return new Choice(kind, label.Name, label.Explanation, row?.InApp ?? true, row?.Email ?? true);
        })];
    }
}
