using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Web.Features.Plans;
using RoViec.Documents.Sheets;
using RoViec.Data.Entities;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// The period's results for upward systems such as theodoinq.dcs.vn, which takes the result of each indicator (and
/// task) as text keyed by its code: one row per indicator ("CT01" — the plan's indicators have no codes of their
/// own, so their order in the plan is used) and per task (the plan's code, else "NV" and its order), with the text
/// to paste and whether the standing office has entered it upward (<see cref="UpwardEntry"/>), by whom and when,
/// and whether the text changed since. Written from the period's snapshot, as the report is.
/// </summary>
public static class UpwardExport
{
    public const string IndicatorKind = "chi-tieu";
    public const string TaskKind = "nhiem-vu";

    /// <param name="Key">"chi-tieu:{id}" or "nhiem-vu:{id}": what the marking form posts.</param>
    public sealed record Row(string Key, string Kind, Guid Id, string Code, string Name, string Detail, string Result,
        string? EnteredBy, DateTime? EnteredAtUtc, bool ChangedSince);

    /// <param name="onlyPlan">One plan's indicators and tasks alone (their codes stay those of the whole period); null: every plan.</param>
    public static async Task<IReadOnlyList<Row>> RowsAsync(RoViecDbContext db, ReportingPeriod period, TimeProvider clock, CancellationToken ct, Guid? onlyPlan = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var figures = await PeriodSnapshots.ReadAsync(db, period, clock, ct);
        // Numbered 1, 2, 3 … in the plan's order (the stored order is a sort key, not a number).
        // Every plan of the period, the work programme first, numbered on.
        var plans = await Plans.PlansTogether.OfPeriodAsync(db, period, ct);
        var orders = (await db.Indicators.AsNoTracking().Where(i => plans.Contains(i.PlanId)).Select(i => new { i.Id, i.PlanId, i.Order }).ToListAsync(ct))
            .OrderBy(i => plans.Position(i.PlanId)).ThenBy(i => i.Order).Select((i, n) => (i.Id, n)).ToDictionary(x => x.Id, x => x.n);
        var taskOrders = (await db.Tasks.AsNoTracking().Where(t => plans.Contains(t.PlanId)).Select(t => new { t.Id, t.PlanId, t.Order }).ToListAsync(ct))
            .OrderBy(t => plans.Position(t.PlanId)).ThenBy(t => t.Order).Select((t, n) => (t.Id, n)).ToDictionary(x => x.Id, x => x.n);
        var entries = (await db.UpwardEntries.AsNoTracking().Where(e => e.PeriodId == period.Id).OrderByDescending(e => e.EnteredAtUtc).ToListAsync(ct))
            .GroupBy(e => (e.IndicatorId, e.TaskId)).ToDictionary(g => g.Key, g => g.First());
        var results = figures.Report.Indicators.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.First());
        var lines = figures.Report.Sections.SelectMany(s => s.Tasks).GroupBy(t => (t.Code, t.Name)).ToDictionary(g => g.Key, g => g.First());

        var rows = new List<Row>();
        foreach (var indicator in figures.Indicators.Where(i => onlyPlan is null || i.PlanId == onlyPlan))
        {
            var result = results.GetValueOrDefault(indicator.Name);
            var text = result is null || !result.Reported ? "" : result.Result + (result.Verified ? "" : " (chưa xác minh)")
                + (result.Met switch { true => "; đạt mục tiêu", false => "; chưa đạt mục tiêu", null => "" });
            var code = "CT" + (orders.GetValueOrDefault(indicator.Id) + 1).ToString("00", CultureInfo.InvariantCulture);
            var entry = entries.GetValueOrDefault(((Guid?)indicator.Id, (Guid?)null));
            rows.Add(new Row(IndicatorKind + ":" + indicator.Id, IndicatorKind, indicator.Id, code, indicator.Name, indicator.Target, text,
                entry?.EnteredBy, entry?.EnteredAtUtc, entry is not null && entry.Text != text));
        }
        foreach (var task in figures.Tasks.Where(t => onlyPlan is null || t.PlanId == onlyPlan))
        {
            var reported = lines.GetValueOrDefault((task.Code, task.Name));
            var work = reported is null ? "" : string.Join("; ", reported.Lines.Where(l => !string.IsNullOrWhiteSpace(l.WorkDone))
                .Select(l => $"{l.Unit}: {l.WorkDone!.Trim().TrimEnd('.', ';')}" + (l.Verified ? "" : " (chưa xác minh)")));
            var text = PeriodLabels.Health(task.Health) + (work.Length == 0 ? "" : ". " + work);
            var code = task.Code ?? "NV" + (taskOrders.GetValueOrDefault(task.Id) + 1).ToString("000", CultureInfo.InvariantCulture);
            var entry = entries.GetValueOrDefault(((Guid?)null, (Guid?)task.Id));
            rows.Add(new Row(TaskKind + ":" + task.Id, TaskKind, task.Id, code, task.Name, task.Lead, text,
                entry?.EnteredBy, entry?.EnteredAtUtc, entry is not null && entry.Text != text));
        }
        return rows;
    }

    /// <summary>The rows as CSV (UTF-8 with a byte order mark, so Excel reads the diacritics), quoted as RFC 4180 says.</summary>
    public static async Task<byte[]> CsvAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = rows.Select(r => new Dictionary<string, object?>
        {
            ["Loại"] = r.Kind == IndicatorKind ? "Chỉ tiêu" : "Nhiệm vụ",
            ["Mã"] = Cell(r.Code),
            ["Tên"] = Cell(r.Name),
            ["Mục tiêu (chỉ tiêu) hoặc đơn vị chủ trì (nhiệm vụ)"] = Cell(r.Detail),
            ["Kết quả"] = Cell(r.Result),
            ["Đã nhập lên"] = r.EnteredAtUtc is null ? "Chưa" : r.ChangedSince ? "Đã nhập, kết quả đã thay đổi" : "Đã nhập",
            ["Người nhập"] = r.EnteredBy,
            ["Thời điểm nhập"] = r.EnteredAtUtc is { } at ? RoViec.Domain.Text.VietnamTime.FromUtc(at).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : null,
        });
        return await Spreadsheets.CsvAsync(table, ct);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The rows as JSON for scripts: the period, then indicators and tasks keyed by code.</summary>
    public static byte[] ToJson(ReportingPeriod period, string commune, IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(rows);
        object Item(Row r) => new
        {
            code = r.Code,
            name = r.Name,
            detail = r.Detail,
            result = r.Result,
            entered = r.EnteredAtUtc is null ? null : new { by = r.EnteredBy, atUtc = r.EnteredAtUtc, changedSince = r.ChangedSince },
        };
        var document = new
        {
            commune,
            period = period.Label,
            kind = period.Kind,
            year = period.Year,
            number = period.Number,
            indicators = rows.Where(r => r.Kind == IndicatorKind).Select(Item),
            tasks = rows.Where(r => r.Kind == TaskKind).Select(Item),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    /// <summary>
    /// Marks rows as entered upward (or not), with the text as it is now; keys not of the period are refused, all
    /// or nothing. Returns the keys that are unknown (nothing saved then).
    /// </summary>
    public static async Task<IReadOnlyList<string>> MarkAsync(RoViecDbContext db, ReportingPeriod period, IReadOnlyList<Row> rows,
        IReadOnlyCollection<string> keys, bool entered, string? user, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keys);
        var byKey = rows.ToDictionary(r => r.Key);
        var unknown = keys.Where(k => !byKey.ContainsKey(k)).ToList();
        if (unknown.Count > 0) return unknown;
        foreach (var row in keys.Distinct().Select(k => byKey[k]))
        {
            Guid? indicatorId = row.Kind == IndicatorKind ? row.Id : null;
            Guid? taskId = row.Kind == TaskKind ? row.Id : null;
            var existing = await db.UpwardEntries.Where(e => e.PeriodId == period.Id && e.IndicatorId == indicatorId && e.TaskId == taskId).ToListAsync(ct);
            db.UpwardEntries.RemoveRange(existing);
            if (entered)
            {
                db.UpwardEntries.Add(new UpwardEntry
                {
                    Id = Guid.NewGuid(),
                    CommuneId = period.CommuneId,
                    PeriodId = period.Id,
                    IndicatorId = indicatorId,
                    TaskId = taskId,
                    Text = row.Result.Length > 8000 ? row.Result[..8000] : row.Result,
                    EnteredBy = user,
                    EnteredAtUtc = nowUtc,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>A cell as text a spreadsheet will not run (<see cref="Spreadsheets.SafeText"/>).</summary>
    public static string Cell(string? text) => Spreadsheets.SafeText(text);
}
