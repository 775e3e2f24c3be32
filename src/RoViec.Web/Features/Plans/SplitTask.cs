using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// Splits a draft task the importer read as one (two sentences, "a) … b) …" in one cell) at a point
/// the officer chooses: the text before it stays the task, the text after it becomes a new task
/// right after it with the same units, deadline and output, which the officer then corrects. When
/// the name is the document's text as written, each part's span is narrowed to its own words.
/// </summary>
public static partial class SplitTask
{
    /// <summary>Where a task's text can sensibly be split: after a sentence or a ";", and before an "a)", "(2)" or "- " item.</summary>
    public static IReadOnlyList<int> Points(string name)
    {
        var points = new SortedSet<int>();
        foreach (Match m in AfterRegex().Matches(name)) points.Add(m.Index + m.Length);
        foreach (Match m in BeforeRegex().Matches(name)) points.Add(m.Index + m.Groups[1].Length);
        return points.Where(p => p > 0 && p < name.Length && name[..p].Any(char.IsLetterOrDigit) && name[p..].Any(char.IsLetter)).ToList();
    }

    public static async Task<ReviewResult> RunAsync(RoViecDbContext db, Guid communeId, Guid planId, Guid taskId, Guid version, int at, CancellationToken ct)
    {
        var task = await DraftRows.Tasks(db, planId).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return new ReviewResult.NotFound();
        if (task.Version != version) return new ReviewResult.Conflict();
        var name = task.Name;
        if (at <= 0 || at >= name.Length) return ReviewResult.Invalid.Of("SplitAt", "Hãy chọn điểm tách nằm trong nội dung nhiệm vụ.");
        var head = name[..at].Trim().TrimEnd(';', ',').TrimEnd();
        var tail = name[at..].Trim();
        if (!head.Any(char.IsLetter) || !tail.Any(char.IsLetter))
            return ReviewResult.Invalid.Of("SplitAt", "Hai phần sau khi tách đều phải có nội dung; hãy chọn điểm tách khác.");

        var source = await db.Plans.Where(p => p.Id == planId).Select(p => p.Source!.Text).FirstAsync(ct);
        var whole = new SourceSpan(task.NameSpanStart, task.NameSpanLength);
        var (headSpan, tailSpan) = Narrow(source, whole, tail);
        var spans = TaskSpans.Read(task.Spans);
        var next = await db.Tasks.Where(t => t.PlanId == planId && t.Order > task.Order).OrderBy(t => t.Order).Select(t => (int?)t.Order).FirstOrDefaultAsync(ct);
        if (next is { } n && n - task.Order < 2)
        {
            // No room left between the two: number the plan's tasks with gaps again, in the same save.
            var all = await db.Tasks.Where(t => t.PlanId == planId).OrderBy(t => t.Order).ToListAsync(ct);
            for (var i = 0; i < all.Count; i++) all[i].Order = (i + 1) * PlanDrafts.OrderStep;
            next = task.Order + PlanDrafts.OrderStep;
        }
        var order = next is { } after ? task.Order + ((after - task.Order) / 2) : task.Order + PlanDrafts.OrderStep;

        var copy = new PlanTaskRow
        {
            Id = Guid.NewGuid(),
            CommuneId = communeId,
            PlanId = planId,
            Order = order,
            Source = task.Source,
            Section = task.Section,
            Name = tail,
            LeadUnitId = task.LeadUnitId,
            LeadAsWritten = task.LeadAsWritten,
            SupportAsWritten = task.SupportAsWritten,
            Directing = task.Directing,
            Output = task.Output,
            DeadlineRaw = task.DeadlineRaw,
            DeadlineKind = task.DeadlineKind,
            DeadlineDue = task.DeadlineDue,
            UpstreamSource = task.UpstreamSource,
            DecisionAuthority = task.DecisionAuthority,
            Priority = task.Priority,
            Spans = TaskSpans.Write(WithName(spans, tailSpan)),
            NameSpanStart = tailSpan.Start,
            NameSpanLength = tailSpan.Length,
            Version = Guid.NewGuid(),
        };
        task.Name = head;
        task.Spans = TaskSpans.Write(WithName(spans, headSpan));
        task.NameSpanStart = headSpan.Start;
        task.NameSpanLength = headSpan.Length;
        task.Version = Guid.NewGuid();
        db.Tasks.Add(copy);
        return await DraftRows.SaveAsync(db, new ReviewResult.Done(copy.Id), ct);
    }

    /// <summary>The spans of the two parts, when the second part's words are found in the task's span; otherwise both keep the whole span.</summary>
    private static (SourceSpan Head, SourceSpan Tail) Narrow(string source, SourceSpan whole, string tail)
    {
        if (whole.Length == 0 || whole.End > source.Length) return (whole, whole);
        var probe = tail[..Math.Min(tail.Length, 40)];
        var found = source.IndexOf(probe, whole.Start, whole.Length, StringComparison.Ordinal);
        if (found <= whole.Start) return (whole, whole);
        var headEnd = found;
        while (headEnd > whole.Start && char.IsWhiteSpace(source[headEnd - 1])) headEnd--;
        return (new SourceSpan(whole.Start, headEnd - whole.Start), new SourceSpan(found, whole.End - found));
    }

    private static Dictionary<TaskField, SourceSpan> WithName(IReadOnlyDictionary<TaskField, SourceSpan> spans, SourceSpan name)
    {
        var copy = new Dictionary<TaskField, SourceSpan>(spans);
        // A name the officer corrected has no span; splitting it does not give it one back.
        if (copy.ContainsKey(TaskField.Name)) copy[TaskField.Name] = name;
        return copy;
    }

    [GeneratedRegex(@"[.;](?:\s+)|\n")]
    private static partial Regex AfterRegex();

    [GeneratedRegex(@"(\s)(?:[a-zđ]\)|\(\d{1,2}\)|[-–+•] )")]
    private static partial Regex BeforeRegex();
}
