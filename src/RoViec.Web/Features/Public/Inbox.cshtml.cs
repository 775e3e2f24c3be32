using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Public;

/// <summary>`/cong-khai/phan-hoi`: the standing office reads the feedback, answers it (publishing the answer or not) or rejects spam.</summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class InboxModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Feedback> Items { get; private set; } = [];
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
            case PublicFeedback.Outcome.NotFound: return NotFound();
            case PublicFeedback.Outcome.Conflict conflict: return Answer(StatusCodes.Status409Conflict, conflict.Message);
            case PublicFeedback.Outcome.Invalid invalid: return Answer(StatusCodes.Status422UnprocessableEntity, invalid.Message);
        }
        Notice = reject ? "Đã đánh dấu là thư rác." : "Đã lưu trả lời.";
        return RedirectToPage();
    }

    private static ContentResult Answer(int status, string message) =>
        new() { StatusCode = status, ContentType = "text/plain; charset=utf-8", Content = message };

    private async Task<Guid?> CommuneAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        return scope is { RunsReporting: true, CommuneId: { } id } ? id : null;
    }
}
