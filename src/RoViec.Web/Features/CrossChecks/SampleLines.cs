using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.CrossChecks;

/// <summary>A piece of evidence behind a sampled line, as the inspector sees it.</summary>
public sealed record SampleEvidence(string Kind, string Title, DateOnly? DocumentDate, string? Url);

/// <summary>One sampled line: who reported what, with which evidence, and the inspection committee's finding so far.</summary>
public sealed record SampleLine(
    Guid Id,
    Guid Version,
    Guid ReportId,
    Guid UnitId,
    string UnitName,
    string LineKind,
    string? Code,
    string Line,
    string? TaskStatus,
    int? Percent,
    DateOnly? CompletedOn,
    string? WorkDone,
    string? Reason,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    string? TargetUnit,
    string? DataSource,
    string Result,
    string? Note,
    DateTime? CheckedAtUtc,
    string? CheckedBy,
    IReadOnlyList<SampleEvidence> Evidence);

/// <summary>The sample of a period, one projection (no entity graphs) plus one query for the evidence.</summary>
public static class SampleLines
{
    /// <summary>A period of the commune with how many of its reports are verified (only their lines can be sampled).</summary>
    public sealed record PeriodRow(Guid Id, PeriodName Name, DateOnly EndsOn, DateOnly UnitDueOn, int Verified);

    /// <summary>The commune's periods with their verified reports, in no particular order.</summary>
    public static async Task<IReadOnlyList<PeriodRow>> PeriodsAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Periods.AsNoTracking().Where(p => p.CommuneId == communeId)
            .Select(p => new PeriodRow(p.Id, new PeriodName(p.Kind, p.Number, p.Year, p.Label), p.EndsOn, p.UnitDueOn, db.Reports.Count(r => r.PeriodId == p.Id && r.State == ReportStates.Verified)))
            .ToListAsync(ct);
    }

    /// <summary>The commune's period (tracked, for a draw), or null.</summary>
    public static Task<ReportingPeriod?> PeriodAsync(RoViecDbContext db, Guid communeId, Guid periodId, CancellationToken ct) =>
        db.Periods.FirstOrDefaultAsync(p => p.Id == periodId, ct);

    public static async Task<IReadOnlyList<SampleLine>> ForPeriodAsync(RoViecDbContext db, Guid periodId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from check in db.CrossChecks.AsNoTracking()
            where check.PeriodId == periodId
            join item in db.ReportItems.AsNoTracking() on check.ItemId equals item.Id
            join unit in db.Units.AsNoTracking() on check.UnitId equals unit.Id
            from task in db.Tasks.AsNoTracking().Where(t => t.Id == item.TaskId).DefaultIfEmpty()
            from indicator in db.Indicators.AsNoTracking().Where(i => i.Id == item.IndicatorId).DefaultIfEmpty()
            select new
            {
                check.Id,
                check.Version,
                item.ReportId,
                check.UnitId,
                UnitName = unit.Name,
                item.Kind,
                item.Order,
                TaskCode = task == null ? null : task.Code,
                TaskName = task == null ? null : task.Name,
                IndicatorName = indicator == null ? null : indicator.Name,
                TargetUnit = indicator == null ? null : indicator.TargetUnit,
                item.TaskStatus,
                item.Percent,
                item.CompletedOn,
                item.WorkDone,
                item.Reason,
                item.Value,
                item.Numerator,
                item.Denominator,
                item.DataSource,
                check.Result,
                check.Note,
                check.CheckedAtUtc,
                check.CheckedBy,
                check.ItemId,
            }).ToListAsync(ct);
        var itemIds = rows.Select(r => r.ItemId).ToList();
        var evidence = (await db.Evidence.AsNoTracking().Where(e => itemIds.Contains(e.ItemId))
                .Select(e => new { e.ItemId, e.Kind, e.Title, e.DocumentDate, e.Url, e.AddedAtUtc }).ToListAsync(ct))
            .OrderBy(e => e.AddedAtUtc).ToLookup(e => e.ItemId, e => new SampleEvidence(e.Kind, e.Title, e.DocumentDate, e.Url));
        return [.. rows
            .OrderBy(r => r.UnitName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .ThenBy(r => r.Order)
            .Select(r => new SampleLine(r.Id, r.Version, r.ReportId, r.UnitId, r.UnitName, r.Kind, r.TaskCode, r.TaskName ?? r.IndicatorName ?? "(dòng đã xóa)",
                r.TaskStatus, r.Percent, r.CompletedOn, r.WorkDone, r.Reason, r.Value, r.Numerator, r.Denominator, r.TargetUnit, r.DataSource,
                r.Result, r.Note, r.CheckedAtUtc, r.CheckedBy, [.. evidence[r.ItemId]]))];
    }
}
