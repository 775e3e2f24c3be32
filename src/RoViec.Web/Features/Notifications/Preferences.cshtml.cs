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
/// No row means both on; saving writes one row per kind.
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

    public IReadOnlyList<Choice> Choices { get; private set; } = [];

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
        if (await NoticePreferences.SaveAsync(db, owner, InApp, Email, ct) is NoticePreferences.Outcome.Conflict conflict)
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
        (Address, var rows) = await NoticePreferences.ReadAsync(db, owner, ct);
        Choices = [.. NoticeKinds.All.Select(kind =>
        {
            var label = NoticeKindLabels.For(kind);
            var row = rows.GetValueOrDefault(kind);
            return new Choice(kind, label.Name, label.Explanation, row?.InApp ?? true, row?.Email ?? true);
        })];
    }
}
