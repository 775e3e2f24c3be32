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
        Items = await db.Feedback.AsNoTracking().Where(f => f.CommuneId == communeId && (State == null || f.State == State))
            .OrderByDescending(f => f.CreatedAtUtc).Take(200).ToListAsync(ct);
        Satisfaction = await PublicFigures.SatisfactionAsync(db, communeId, clock.GetUtcNow().UtcDateTime, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid version, string? answer, bool publish, bool reject, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return Forbid();
        var item = await db.Feedback.FirstOrDefaultAsync(f => f.Id == id && f.CommuneId == communeId, ct);
        if (item is null) return NotFound();
        if (item.Version != version) return Answer(StatusCodes.Status409Conflict, "Góp ý này vừa được người khác xử lý; hãy tải lại trang.");
        if (reject)
        {
            item.State = FeedbackStates.Rejected;
            item.AnswerPublished = false;
        }
        else
        {
            var text = answer?.Trim() ?? "";
            if (text.Length == 0) return Answer(StatusCodes.Status422UnprocessableEntity, "Hãy viết nội dung trả lời.");
            if (text.Length > 4000) return Answer(StatusCodes.Status422UnprocessableEntity, "Nội dung trả lời dài quá 4 000 ký tự.");
            if (FeedbackRules.LooksLikeCode(text)) return Answer(StatusCodes.Status422UnprocessableEntity, FeedbackRules.ScriptRefused);
            item.State = FeedbackStates.Answered;
            item.Answer = text;
            item.AnswerPublished = publish;
            item.AnsweredBy = User.Identity?.Name;
            item.AnsweredAtUtc = clock.GetUtcNow().UtcDateTime;
        }
        item.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
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
