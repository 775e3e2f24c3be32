using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Figures;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// `?ke-hoach=` on the period's downloads (the Word report, the workbook, the upward export): one plan of the period alone,
/// or every plan when absent. A plan the period does not cover, or not an id, is a 404 — nothing else is written instead.
/// </summary>
public static class OnePlan
{
    public const string Parameter = "ke-hoach";

    /// <summary>The plan asked for, if any; <paramref name="valid"/> false when the query names one the period does not cover.</summary>
    public static async Task<(Guid? Plan, bool Valid)> ChosenAsync(RoViecDbContext db, ReportingPeriod period, IQueryCollection query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(query);
        var asked = query[Parameter].ToString();
        if (string.IsNullOrEmpty(asked)) return (null, true);
        if (!Guid.TryParse(asked, out var planId)) return (null, false);
        var plans = await Plans.PlansTogether.OfPeriodAsync(db, period, ct);
        return plans.Contains(planId) ? (planId, true) : (null, false);
    }

    /// <summary>The figures the download writes: the period's snapshot, or one plan's figures computed on request.</summary>
    public static Task<PeriodFigures> FiguresAsync(RoViecDbContext db, ReportingPeriod period, Guid? plan, TimeProvider clock, CancellationToken ct) =>
        plan is { } one ? PeriodSnapshots.OfPlanAsync(db, period, one, clock, ct) : PeriodSnapshots.ReadAsync(db, period, clock, ct);

    /// <summary>"bao-cao-thang-12-2026.docx" → "bao-cao-thang-12-2026-ke-hoach-1a2b3c4d.docx" for one plan.</summary>
    public static string FileName(string name, Guid? plan) =>
        plan is { } one ? Path.GetFileNameWithoutExtension(name) + "-ke-hoach-" + one.ToString("N")[..8] + Path.GetExtension(name) : name;
}
