using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Tests;

/// <summary>
/// Reports for the cross-check tests, put straight into the database: a period of the demo plan opened by
/// <see cref="OpenPeriod"/>, then lines filled in and reports verified (or only submitted) as the reporting cycle would.
/// </summary>
public static class CrossCheckArrange
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens month <paramref name="month"/> of the demo plan; returns the period and its unit reports (report id → unit id).</summary>
    public static Task<(Guid PeriodId, string Label, Dictionary<Guid, Guid> Reports)> OpenMonthAsync(this RoViecApp app, int month) =>
        app.WithDbAsync(async db =>
        {
            var period = await db.Periods.Join(db.Plans.Where(p => p.Status == PlanStatuses.Active), p => p.PlanId, p => p.Id, (period, _) => period)
                .SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Number == month, Ct);
            await OpenPeriod.OpenAsync(db, period, new DateTime(period.Year, month, 2, 3, 0, 0, DateTimeKind.Utc), Ct);
            var reports = await db.Reports.Where(r => r.PeriodId == period.Id).ToDictionaryAsync(r => r.Id, r => r.UnitId, Ct);
            return (period.Id, period.Label, reports);
        });

    /// <summary>
    /// Fills every task and indicator line of the report (contributions stay blank, as a unit may leave them), gives each
    /// line a piece of evidence, and moves the report to <paramref name="state"/>.
    /// </summary>
    public static Task FillAsync(this RoViecApp app, Guid reportId, string state) =>
        app.WithDbAsync(async db =>
        {
            var report = await db.Reports.Include(r => r.Items).SingleAsync(r => r.Id == reportId, Ct);
            var at = app.UtcNow;
            foreach (var item in report.Items)
            {
                switch (item.Kind)
                {
                    case ReportItemKinds.Task:
                        item.TaskStatus = ReportedTaskStatuses.InProgress;
                        item.Percent = 40;
                        item.WorkDone = "Đã triển khai tới các thôn";
                        break;
                    case ReportItemKinds.Indicator:
                        item.Value = 12.5m;
                        item.DataSource = "Sổ theo dõi của đơn vị";
                        break;
                    default:
                        continue;
                }
                item.Version = Guid.NewGuid();
                db.Evidence.Add(new Evidence
                {
                    Id = Guid.NewGuid(),
                    CommuneId = item.CommuneId,
                    ItemId = item.Id,
                    Kind = EvidenceKinds.Document,
                    Title = "Công văn số 12/UBND",
                    DocumentDate = new DateOnly(2026, 3, 5),
                    AddedAtUtc = at,
                    AddedBy = "congan",
                });
            }
            report.State = state;
            report.FirstSubmittedAtUtc = report.SubmittedAtUtc = at;
            report.SubmittedBy = "congan";
            if (state == ReportStates.Verified)
            {
                report.VerifiedAtUtc = at;
                report.VerifiedBy = "thuongtruc";
            }
            report.Version = Guid.NewGuid();
            await db.SaveChangesAsync(Ct);
            return 0;
        });

    /// <summary>The lines of the report a draw may take: its task and indicator lines (its contributions are blank).</summary>
    public static Task<List<Guid>> FilledLinesAsync(this RoViecApp app, Guid reportId) =>
        app.WithDbAsync(db => db.ReportItems.Where(i => i.ReportId == reportId && i.Kind != ReportItemKinds.Contribution).Select(i => i.Id).ToListAsync(Ct));

    public static Task<List<CrossCheck>> SampleAsync(this RoViecApp app, Guid periodId) =>
        app.WithDbAsync(db => db.CrossChecks.AsNoTracking().Where(c => c.PeriodId == periodId).ToListAsync(Ct));

    /// <summary>Verifies the report of unit <paramref name="unitKey"/> and submits (without verifying) every other report of the period.</summary>
    public static async Task<(Guid PeriodId, string Label, Guid VerifiedReport, Guid UnitId)> PeriodWithOneVerifiedReportAsync(this RoViecApp app, string unitKey, int month = 3)
    {
        var (periodId, label, reports) = await app.OpenMonthAsync(month);
        var unitId = await app.UnitIdAsync(unitKey);
        var verified = reports.Single(r => r.Value == unitId).Key;
        foreach (var reportId in reports.Keys)
            await app.FillAsync(reportId, reportId == verified ? ReportStates.Verified : ReportStates.Submitted);
        return (periodId, label, verified, unitId);
    }
}
