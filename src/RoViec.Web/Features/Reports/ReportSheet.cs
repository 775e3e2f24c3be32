using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.History;

namespace RoViec.Web.Features.Reports;

/// <summary>An attached proof as listed (its content stays in the database until someone downloads it).</summary>
public sealed record EvidenceRow(Guid Id, Guid ItemId, string Kind, string Title, DateOnly? DocumentDate, string? Url, long Size, string? AddedBy, DateTime AddedAtUtc);

/// <summary>A recorded correction of a verified line, as shown.</summary>
public sealed record CorrectionRow(string Field, string? Before, string? After, string Reason, string? By, DateTime AtUtc);

/// <summary>One line of the form with what the unit needs to know to fill it: the task or the indicator it is about.</summary>
public sealed record SheetLine(
    ReportItem Item,
    int Number,
    string Name,
    string? Code,
    string? Deadline,
    string? Output,
    IndicatorRow? Indicator,
    bool Ratio,
    IReadOnlyList<EvidenceRow> Evidence,
    IReadOnlyList<CorrectionRow> Corrections,
    DateOnly? DeadlineDue = null,
    string? CarriedFrom = null,
    string? PlanTitle = null)
{
    public IReadOnlyList<string> Fields => LineFields.Of(Item.Kind, Ratio);
}

/// <summary>
/// A report as its page shows it: every line with its task or indicator, evidence and corrections, and the
/// history of its round trip (submissions, returns with their comments, approval, verification) from the
/// audit entries the changes wrote.
/// </summary>
public sealed record ReportSheet(ReportHandle Handle, string CommuneName, IReadOnlyList<SheetLine> Lines, IReadOnlyList<HistoryRow> History)
{
    public static async Task<ReportSheet> LoadAsync(RoViecDbContext db, ReportHandle handle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(handle);
        var report = handle.Report;
        var itemIds = report.Items.Select(i => i.Id).ToList();
        var taskIds = report.Items.Where(i => i.TaskId is not null).Select(i => i.TaskId!.Value).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id))
            .Select(t => new { t.Id, t.PlanId, t.Name, t.Code, t.DeadlineRaw, t.DeadlineDue, t.Output }).ToDictionaryAsync(t => t.Id, ct);
        var evidence = (await db.Evidence.AsNoTracking().Where(e => itemIds.Contains(e.ItemId))
            .Select(e => new EvidenceRow(e.Id, e.ItemId, e.Kind, e.Title, e.DocumentDate, e.Url, e.Size, e.AddedBy, e.AddedAtUtc)).ToListAsync(ct))
            .OrderBy(e => e.AddedAtUtc).ToLookup(e => e.ItemId);
        var corrections = (await db.ReportCorrections.AsNoTracking().Where(c => itemIds.Contains(c.ItemId)).ToListAsync(ct))
            .OrderBy(c => c.CorrectedAtUtc).ToLookup(c => c.ItemId, c => new CorrectionRow(c.Field, c.Before, c.After, c.Reason, c.CorrectedBy, c.CorrectedAtUtc));

        // While the unit is still writing it, a line holding exactly what was carried from its last verified report says so.
        var carried = handle.Editable ? await Periods.CarriedValues.LatestVerifiedAsync(db, handle.Period, report.UnitId, ct) : [];
        string? CarriedFrom(ReportItem item) =>
            Periods.CarriedValues.SubjectOf(report.UnitId, item) is { } subject && carried.TryGetValue(subject, out var source)
                && Periods.CarriedValues.StillCarried(source.Item, item) ? source.PeriodLabel : null;

        // A report covering several plans (the work programme and the plans reporting with it) shows its lines plan by
        // plan, the programme first, each group under its plan's title.
        Guid? PlanOf(ReportItem item) => item.TaskId is { } t && tasks.TryGetValue(t, out var row) ? row.PlanId
            : item.IndicatorId is { } x && handle.Indicators.TryGetValue(x, out var indicator) ? indicator.PlanId : null;
        var plans = report.Items.OrderBy(i => i.Order).Select(PlanOf).OfType<Guid>().Distinct().OrderBy(p => p == handle.Period.PlanId ? 0 : 1).ToList();
        var titles = plans.Count > 1
            ? await db.Plans.AsNoTracking().Where(p => plans.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct)
            : [];
        var lines = new List<SheetLine>();
        Guid? group = null;
        foreach (var item in report.Items.OrderBy(i => PlanOf(i) is { } p && plans.IndexOf(p) is var at and >= 0 ? at : plans.Count).ThenBy(i => i.Order))
        {
            var number = lines.Count + 1;
            var plan = PlanOf(item);
            var heading = titles.Count > 0 && plan is { } p && p != group && titles.TryGetValue(p, out var title) ? title : null;
            if (heading is not null) group = plan;
            if (item.TaskId is { } taskId && tasks.TryGetValue(taskId, out var task))
            {
                // The final due day is written by the page, in the reader's language ("(hạn cuối …)").
                var deadline = string.IsNullOrEmpty(task.DeadlineRaw) ? null : task.DeadlineRaw;
                lines.Add(new SheetLine(item, number, task.Name, task.Code, deadline, task.Output, null, false, [.. evidence[item.Id]], [.. corrections[item.Id]], task.DeadlineDue, CarriedFrom(item), heading));
            }
            else if (item.IndicatorId is { } indicatorId && handle.Indicators.TryGetValue(indicatorId, out var indicator))
            {
                lines.Add(new SheetLine(item, number, indicator.Name, null, null, null, indicator, handle.IsRatio(item), [.. evidence[item.Id]], [.. corrections[item.Id]], CarriedFrom: CarriedFrom(item), PlanTitle: heading));
            }
        }
        var commune = await db.Communes.Where(c => c.Id == report.CommuneId).Select(c => c.Name).FirstAsync(ct);
        return new ReportSheet(handle, commune, lines, await HistoryAsync(db, report, lines, ct));
    }

    /// <summary>The round trip: state changes and return comments, newest first; a return's comments on lines join its row.</summary>
    private static async Task<IReadOnlyList<HistoryRow>> HistoryAsync(RoViecDbContext db, UnitReport report, List<SheetLine> lines, CancellationToken ct)
    {
        var id = report.Id.ToString();
        var itemKeys = lines.ToDictionary(l => l.Item.Id.ToString(), l => l.Number, StringComparer.OrdinalIgnoreCase);
        var keys = itemKeys.Keys.ToList();
        var entries = await db.Audit.AsNoTracking()
            .Where(a => (a.Entity == nameof(UnitReport) && a.EntityId == id && (a.Action == "create" || a.After!.Contains("\"State\"") || a.After!.Contains("\"ReturnComment\"")))
                || (a.Entity == nameof(ReportItem) && a.Action == "update" && keys.Contains(a.EntityId) && a.After!.Contains("\"ReturnComment\"")))
            .OrderByDescending(a => a.Id).Take(400).ToListAsync(ct);
        string? Format(string field, string? value) => field == nameof(UnitReport.State) && value is not null ? ReportLabels.State(value) : value;
        var reportLabels = new Dictionary<string, string>(StringComparer.Ordinal) { [nameof(UnitReport.State)] = "Trạng thái", [nameof(UnitReport.ReturnComment)] = "Ý kiến chung" };
        var stateOnly = new Dictionary<string, string>(StringComparer.Ordinal) { [nameof(UnitReport.State)] = "Trạng thái" };
        var rows = new List<HistoryRow>();
        foreach (var group in entries.GroupBy(e => (e.AtUtc, e.Actor)))
        {
            var changes = new List<FieldChange>();
            foreach (var entry in group.OrderBy(e => e.Entity == nameof(UnitReport) ? 0 : itemKeys.GetValueOrDefault(e.EntityId)))
            {
                var labels = entry.Entity == nameof(UnitReport)
                    ? (entry.Action == "create" ? stateOnly : reportLabels)
                    : new Dictionary<string, string>(StringComparer.Ordinal) { [nameof(ReportItem.ReturnComment)] = $"Ý kiến dòng {itemKeys.GetValueOrDefault(entry.EntityId)}" };
                // A comment cleared by the resubmission is shown as answered, not as if it had been written then.
                changes.AddRange(ChangeHistory.Describe(entry, labels, Format).Changes
                    .Select(c => c.After is null && c.Before is not null ? c with { Label = c.Label + " (đã sửa theo ý kiến)" } : c));
            }
            if (changes.Count == 0) continue;
            var first = group.First();
            rows.Add(new HistoryRow(ChangeHistory.Describe(first, stateOnly, Format).At, first.Actor ?? "hệ thống", Step(group), changes));
        }
        return rows;
    }

    /// <summary>The step a recorded change of the report's state was.</summary>
    private static string Step(IEnumerable<AuditEntry> entries)
    {
        var entry = entries.FirstOrDefault(e => e.Entity == nameof(UnitReport));
        if (entry is null) return "Sửa";
        if (entry.Action == "create") return "Mở báo cáo";
        var before = ChangeHistory.Values(entry.Before).GetValueOrDefault(nameof(UnitReport.State));
        return ChangeHistory.Values(entry.After).GetValueOrDefault(nameof(UnitReport.State)) switch
        {
            ReportStates.AwaitingApproval => "Gửi báo cáo",
            ReportStates.Submitted => before == ReportStates.AwaitingApproval ? "Trưởng đơn vị duyệt" : "Gửi báo cáo",
            ReportStates.Returned => before == ReportStates.AwaitingApproval ? "Trưởng đơn vị trả lại" : "Trả lại",
            ReportStates.Verified => "Xác minh",
            _ => "Sửa",
        };
    }
}
