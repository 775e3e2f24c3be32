using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// Merges draft tasks the importer read as several (a task broken over rows or bullets) into the
/// first of them, in one save: names joined in plan order; lead, support, outputs and upstream
/// sources combined without repeats; the latest deadline (the merged task is done when all its parts
/// are); key task if any part was. The first task keeps its spans; the others are removed.
/// </summary>
public static class MergeTasks
{
    public static async Task<ReviewResult> RunAsync(RoViecDbContext db, Guid communeId, Guid planId, IReadOnlyList<(Guid Id, Guid Version)> selected, CancellationToken ct)
    {
        var ids = selected.Select(s => s.Id).Distinct().ToList();
        if (ids.Count < 2) return ReviewResult.Invalid.Of("Selected", "Hãy chọn ít nhất hai nhiệm vụ để gộp.");
        var tasks = await DraftRows.Tasks(db, planId).Where(t => ids.Contains(t.Id)).OrderBy(t => t.Order).ToListAsync(ct);
        if (tasks.Count != ids.Count) return new ReviewResult.NotFound();
        var versions = selected.ToDictionary(s => s.Id, s => s.Version);
        if (tasks.Any(t => t.Version != versions[t.Id])) return new ReviewResult.Conflict();

        var first = tasks[0];
        first.Name = JoinSentences(tasks.Select(t => t.Name));
        var lead = Distinct(tasks.SelectMany(t => CommuneCatalog.Names(t.LeadAsWritten)));
        first.LeadAsWritten = string.Join("; ", lead);
        first.LeadUnitId ??= tasks.Select(t => t.LeadUnitId).FirstOrDefault(u => u is not null);
        first.SupportAsWritten = string.Join("; ", Distinct(tasks.SelectMany(t => CommuneCatalog.Names(t.SupportAsWritten))).Except(lead, StringComparer.OrdinalIgnoreCase));
        first.Directing = Join(tasks.Select(t => t.Directing));
        first.Output = Join(tasks.Select(t => t.Output));
        first.UpstreamSource = Join(tasks.Select(t => t.UpstreamSource));
        first.DecisionAuthority = tasks.Select(t => t.DecisionAuthority).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a));
        first.Priority = tasks.Any(t => t.Priority);
        var latest = tasks.Where(t => t.DeadlineDue is not null).MaxBy(t => t.DeadlineDue)
            ?? tasks.FirstOrDefault(t => t.DeadlineKind != nameof(DeadlineKind.None))
            ?? first;
        first.DeadlineRaw = latest.DeadlineRaw;
        first.DeadlineKind = latest.DeadlineKind;
        first.DeadlineDue = latest.DeadlineDue;
        first.Version = Guid.NewGuid();
        foreach (var other in tasks.Skip(1))
            db.Tasks.Remove(other);
        return await DraftRows.SaveAsync(db, new ReviewResult.Done(first.Id), ct);
    }

    /// <summary>Sentences one after another; a part that does not end a sentence is closed with ";".</summary>
    private static string JoinSentences(IEnumerable<string> parts)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in parts.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (text.Length > 0)
            {
                if (!".;:!?".Contains(text[^1], StringComparison.Ordinal)) text.Append(';');
                text.Append(' ');
            }
            text.Append(part);
        }
        return text.ToString();
    }

    private static List<string> Distinct(IEnumerable<string> names) => names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string? Join(IEnumerable<string?> values)
    {
        var distinct = Distinct(values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
        return distinct.Count == 0 ? null : string.Join("; ", distinct);
    }
}
