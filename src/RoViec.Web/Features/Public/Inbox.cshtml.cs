using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;
using Microsoft.Extensions.Localization;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Public;

/// <summary>`/cong-khai/phan-hoi`: the standing office reads the feedback, answers it (publishing the answer or not) or rejects spam.</summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class InboxModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<PublicFeedback.InboxRow> Items { get; private set; } = [];
    public Satisfaction Satisfaction { get; private set; } = new(0, 0);
    public string? State { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang-thai")] string? state, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return Forbid();
        State = state is FeedbackStates.New or FeedbackStates.Answered or FeedbackStates.Rejected ? state : null;
        Items = await PublicFeedback.InboxAsync(db, communeId, State, ct);
        Satisfaction = await PublicFigures.SatisfactionAsync(db, communeId, clock.GetUtcNow().UtcDateTime, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid version, string? answer, bool publish, bool reject, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return Forbid();
        switch (await PublicFeedback.AnswerAsync(db, communeId, id, version, answer, publish, reject, User.Identity?.Name, clock.GetUtcNow().UtcDateTime, ct))
        {
            case PublicFeedback.Outcome.NotFound notFound: return this.Refuse(notFound.Refusal);
            case IRefused refused: return Answer(refused);
        }
        Notice = reject ? L["Đã đánh dấu là thư rác."] : L["Đã lưu trả lời."];
        return RedirectToPage();
    }

    /// <summary>The inbox answers its script with the refusal's message as plain text.</summary>
    private ContentResult Answer(IRefused refused) =>
        new() { StatusCode = Refusals.Status(refused.Refusal), ContentType = "text/plain; charset=utf-8", Content = refused.Text.In(L) };

    private async Task<Guid?> CommuneAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        return scope is { RunsReporting: true, CommuneId: { } id } ? id : null;
    }
}
