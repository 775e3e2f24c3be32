using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Public;

/// <summary>Citizens' feedback as the commune reads and answers it, and as the public page shows the published answers.</summary>
public static class PublicFeedback
{
    /// <summary>A published answer on the public page.</summary>
    public sealed record Answer(string Item, int Rating, string Message, string Reply, DateTime AnsweredAtUtc);

    /// <summary>What changes the public page: the number of feedback items and the time of the last answer (for its ETag).</summary>
    public sealed record Stamp(Guid? SnapshotVersion, bool SnapshotStale, int Count, DateTime LastAnsweredUtc);

    public abstract record Outcome
    {
        private Outcome() { }

        /// <summary>Saved: answered, or marked as spam.</summary>
        public sealed record Done(bool Rejected) : Outcome;

        /// <summary>No such feedback for the commune.</summary>
        public sealed record NotFound : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.NotFound;
            public string Message => "Không có góp ý này.";
        }

        /// <summary>Someone handled it after the reader opened it; nothing saved.</summary>
        public sealed record Conflict(string Message) : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.Conflict;
        }

        /// <summary>The answer is refused (empty, too long, code); nothing saved.</summary>
        public sealed record Invalid(string Message) : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.Invalid;
        }
    }

    /// <summary>The commune's latest 200 feedback items, newest first; only those in <paramref name="state"/> when given.</summary>
    /// <summary>A feedback item as the inbox shows it: what the citizen wrote about, by name, and its state in words.</summary>
    public sealed record InboxRow(Feedback Item, string About, string State);

    public static async Task<IReadOnlyList<InboxRow>> InboxAsync(RoViecDbContext db, Guid communeId, string? state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var items = await db.Feedback.AsNoTracking().Where(f => f.CommuneId == communeId && (state == null || f.State == state))
            .OrderByDescending(f => f.CreatedAtUtc).Take(200).ToListAsync(ct);
        var indicatorIds = items.Select(f => IndicatorOf(f.Item)).OfType<Guid>().Distinct().ToList();
        var names = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        return [.. items.Select(f => new InboxRow(f, About(f.Item, names), StateLabel(f.State)))];
    }

    /// <summary>What a feedback item is about, in words: "Chỉ tiêu: …", "Lĩnh vực: …", the ranking or the page as a whole.</summary>
    public static string About(string item, IReadOnlyDictionary<Guid, string> indicatorNames)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(indicatorNames);
        if (item == "page") return "Trang công khai nói chung";
        if (item == "ranking") return "Xếp hạng các cơ quan, đơn vị";
        if (item.StartsWith("field:", StringComparison.Ordinal)) return "Lĩnh vực: " + item["field:".Length..];
        if (IndicatorOf(item) is { } id)
            return indicatorNames.TryGetValue(id, out var name) ? "Chỉ tiêu: " + name : "Một chỉ tiêu không còn trong kế hoạch";
        return "Mục khác";
    }

    public static string StateLabel(string state) => state switch
    {
        FeedbackStates.New => "Mới",
        FeedbackStates.Answered => "Đã trả lời",
        FeedbackStates.Rejected => "Thư rác",
        _ => state,
    };

    private static Guid? IndicatorOf(string item) =>
        item.StartsWith("indicator:", StringComparison.Ordinal) && Guid.TryParse(item["indicator:".Length..], out var id) ? id : null;

    /// <summary>
    /// Answers a feedback item (published on the public page or not) or marks it as spam. The version read with the item
    /// travels back: if someone handled it in between, nothing is overwritten.
    /// </summary>
    public static async Task<Outcome> AnswerAsync(RoViecDbContext db, Guid communeId, Guid id, Guid version, string? answer, bool publish, bool reject,
        string? answeredBy, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var item = await db.Feedback.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (item is null) return new Outcome.NotFound();
        if (item.Version != version) return new Outcome.Conflict("Góp ý này vừa được người khác xử lý; hãy tải lại trang.");
        if (reject)
        {
            item.State = FeedbackStates.Rejected;
            item.AnswerPublished = false;
        }
        else
        {
            var text = answer?.Trim() ?? "";
            if (text.Length == 0) return new Outcome.Invalid("Hãy viết nội dung trả lời.");
            if (text.Length > 4000) return new Outcome.Invalid("Nội dung trả lời dài quá 4 000 ký tự.");
            if (FeedbackRules.LooksLikeCode(text)) return new Outcome.Invalid(FeedbackRules.ScriptRefused);
            item.State = FeedbackStates.Answered;
            item.Answer = text;
            item.AnswerPublished = publish;
            item.AnsweredBy = answeredBy;
            item.AnsweredAtUtc = nowUtc;
        }
        item.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(reject);
    }

    /// <summary>The commune's 20 latest answers it chose to publish.</summary>
    public static async Task<IReadOnlyList<Answer>> PublishedAnswersAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Feedback.AsNoTracking()
            .Where(f => f.CommuneId == communeId && f.State == FeedbackStates.Answered && f.AnswerPublished && f.AnsweredAtUtc != null)
            .OrderByDescending(f => f.AnsweredAtUtc).Take(20)
            .Select(f => new Answer(f.Item, f.Rating, f.Message, f.Answer!, f.AnsweredAtUtc!.Value)).ToListAsync(ct);
    }

    /// <summary>What the public page's ETag is made of, for the month shown (if any).</summary>
    public static async Task<Stamp> StampAsync(RoViecDbContext db, Guid communeId, Guid? monthId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var snapshot = monthId is null ? null : await db.PeriodSnapshots.AsNoTracking().Where(s => s.PeriodId == monthId).Select(s => new { s.Version, s.Stale }).FirstOrDefaultAsync(ct);
        var answered = await db.Feedback.AsNoTracking().Where(f => f.CommuneId == communeId).MaxAsync(f => f.AnsweredAtUtc, ct) ?? DateTime.MinValue;
        var count = await db.Feedback.CountAsync(f => f.CommuneId == communeId, ct);
        return new Stamp(snapshot?.Version, snapshot?.Stale ?? false, count, answered);
    }
}
