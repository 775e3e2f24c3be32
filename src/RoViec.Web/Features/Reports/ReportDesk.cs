using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;

using RoViec.Web.Features.Evaluation;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// One report with what surrounds it (its period, unit and the commune's rules) and what the caller may do
/// with it: the unit's reporter fills and submits it, the unit's head approves it when the commune asks
/// for that, the standing office verifies, returns or corrects it; everyone else who sees the commune reads it.
/// </summary>
public sealed record ReportHandle(
    UnitReport Report,
    ReportingPeriod Period,
    OrgUnit Unit,
    bool RequireHeadApproval,
    DateOnly? ExtendedTo,
    IReadOnlyDictionary<Guid, IndicatorRow> Indicators,
    UserScope Scope)
{
    public bool IsReporter => Scope.ReportsForUnit && Scope.UnitId == Report.UnitId && Scope.CommuneId == Report.CommuneId;

    public bool IsHead => Scope.ApprovesForUnit && Scope.UnitId == Report.UnitId && Scope.CommuneId == Report.CommuneId;

    public bool RunsReporting => Scope.RunsReporting && Scope.CommuneId == Report.CommuneId;

    public bool Editable => Report.State is ReportStates.Draft or ReportStates.Returned;

    /// <summary>The day the unit reports by: its extension's, else the period's.</summary>
    public DateOnly DueOn => ExtendedTo ?? Period.UnitDueOn;

    /// <summary>Whether an indicator line is a ratio ("%" target): numerator and denominator, the value computed.</summary>
    public bool IsRatio(ReportItem item) =>
        item?.IndicatorId is { } id && Indicators.TryGetValue(id, out var indicator) && indicator.TargetUnit == "%";

    /// <summary>Why the period takes no more reports from this unit today, or null while it does.</summary>
    public Sentence? ClosedMessage(DateOnly today)
    {
        var afterCompile = today > Period.CompileDueOn;
        if (Period.State != PeriodStates.Closed && !afterCompile) return null;
        if (ExtendedTo >= today) return null;
        return afterCompile
            ? new Sentence("Kỳ báo cáo \"{0}\" đã đóng (hạn tổng hợp {1}): không còn sửa hay gửi báo cáo được nữa. Nếu đơn vị cần nộp muộn, hãy đề nghị cơ quan thường trực gia hạn.",
                PeriodName.Of(Period), ReportValues.Date(Period.CompileDueOn))
            : new Sentence("Kỳ báo cáo \"{0}\" đã đóng: không còn sửa hay gửi báo cáo được nữa. Nếu đơn vị cần nộp muộn, hãy đề nghị cơ quan thường trực gia hạn.", PeriodName.Of(Period));
    }
}

/// <summary>
/// What every report use case works with, as one value the page builds per request: the unit of work, the
/// caller, the application's clock and the period's change notices. Nothing of it comes from the container
/// behind the use case's back, so a test builds one with a DbContext, a scope and a fake clock (ADR 0006).
/// </summary>
public sealed record ReportDesk(RoViecDbContext Db, UserScope? Caller, TimeProvider Clock, PeriodChanges Changes)
{
    /// <summary>Marks the change's follow-up as pending in the unit of work about to be saved (so it commits with it).</summary>
    public PeriodChange Record(ReportHandle handle, PeriodChangeKind kind, string reason)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return Changes.Record(new PeriodChange(handle.Report.CommuneId, handle.Period.Id, handle.Report.UnitId, kind, reason, handle.Scope.UserName));
    }

    /// <summary>Runs the follow-up of a change once it is saved.</summary>
    public Task ChangedAsync(PeriodChange change, CancellationToken ct) => Changes.RaiseAsync(change, ct);

    public const string StaleMessage =
        "Báo cáo vừa được thay đổi ở nơi khác (người khác, hoặc trang này mở ở một cửa sổ khác) sau khi bạn mở trang. "
        + "Chưa có gì bị ghi đè; hãy tải lại trang để xem bản mới nhất rồi làm lại.";

    public const string MissingVersion = "Thiếu phiên bản (version) của báo cáo; hãy tải lại trang rồi làm lại.";

    /// <summary>
    /// The report with its lines, tracked for a change, or the refusal: not found when there is no such report
    /// or the caller may not know it (the commune boundary already hides another commune's), forbidden when it is
    /// another unit's.
    /// </summary>
    public async Task<(ReportHandle? Handle, ReportOutcome? Refusal)> OpenAsync(Guid reportId, bool track, CancellationToken ct)
    {
        // The report with its lines in one statement (one report's few dozen lines; no cartesian product to split).
        var reports = Db.Reports.Include(r => r.Items.OrderBy(i => i.Order)).AsQueryable();
        if (!track) reports = reports.AsNoTracking();
        var report = await reports.AsSingleQuery().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null) return (null, new ReportOutcome.NotFound());
        switch (CurrentUser.AccessTo(Caller, report.CommuneId, report.UnitId))
        {
            case ResourceAccess.None:
                return (null, new ReportOutcome.NotFound());
            case ResourceAccess.Forbidden:
                return (null, new ReportOutcome.Forbidden("Báo cáo này thuộc đơn vị khác."));
        }
        // Its period, unit, the plan's approval rule and the unit's extension in one statement. The period and unit are
        // tracked with the report (never changed here), so a follow-up of the same request finds the period without reading it again.
        var unitId = report.UnitId;
        var periods = track ? Db.Periods : Db.Periods.AsNoTracking();
        var units = track ? Db.Units : Db.Units.AsNoTracking();
        var surroundings = await (from p in periods
                                  where p.Id == report.PeriodId
                                  from u in units.Where(u => u.Id == unitId)
                                  select new
                                  {
                                      Period = p,
                                      Unit = u,
                                      RequireApproval = Db.ReportingRules.Where(r => r.PlanId == p.PlanId).Select(r => r.RequireHeadApproval).FirstOrDefault(),
                                      ExtendedTo = Db.PeriodExtensions.Where(e => e.PeriodId == p.Id && e.UnitId == unitId).Max(e => (DateOnly?)e.DueOn),
                                  }).FirstAsync(ct);
        var requireApproval = surroundings.RequireApproval && await HasHeadAsync(unitId, ct);
        var indicatorIds = report.Items.Where(i => i.IndicatorId is not null).Select(i => i.IndicatorId!.Value).ToList();
        var indicators = indicatorIds.Count == 0
            ? new Dictionary<Guid, IndicatorRow>()
            : await Db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return (new ReportHandle(report, surroundings.Period, surroundings.Unit, requireApproval, surroundings.ExtendedTo, indicators, Caller!), null);
    }

    /// <summary>
    /// Whether the unit has an active head's account: the commune's "the unit head approves" rule applies to the units
    /// that have one; a unit without a head in RoViec sends straight to the standing office rather than waiting on nobody.
    /// </summary>
    private async Task<bool> HasHeadAsync(Guid unitId, CancellationToken ct)
    {
        // Lockout ends are compared here: SQLite cannot compare DateTimeOffset values in SQL.
        var lockouts = await (from u in Db.Users
                              join ur in Db.UserRoles on u.Id equals ur.UserId
                              join r in Db.Roles on ur.RoleId equals r.Id
                              where u.UnitId == unitId && r.Name == Roles.UnitHead
                              select u.LockoutEnd).ToListAsync(ct);
        var now = Clock.GetUtcNow();
        return lockouts.Any(end => end is null || end <= now);
    }

    /// <summary>
    /// Holds the save to the version the caller read: a stale version is refused at once, and a save racing
    /// another one fails on the version token instead of overwriting it.
    /// </summary>
    /// <summary>Why the report's year no longer takes changes (a later year's programme is in force), or null.</summary>
    public async Task<Sentence?> ClosedYearAsync(UnitReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var planId = await Db.Periods.AsNoTracking().Where(p => p.Id == report.PeriodId).Select(p => p.PlanId).FirstAsync(ct);
        return await Plans.PlanQueries.ClosedYearAsync(Db, planId, ct);
    }

    public ReportOutcome? HoldVersion(UnitReport report, Guid? read)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (read is not { } version || version == Guid.Empty) return new ReportOutcome.BadRequest(MissingVersion);
        if (version != report.Version) return new ReportOutcome.Conflict(StaleMessage);
        Db.Entry(report).Property(r => r.Version).OriginalValue = version;
        return null;
    }

    /// <summary>Saves; a concurrent change of the report or one of its lines is a conflict and nothing is saved.</summary>
    public Task<ReportOutcome?> SaveAsync(CancellationToken ct) => SaveAsync(draft: false, ct);

    /// <summary>
    /// Saves a draft as <see cref="SaveAsync(CancellationToken)"/> does, but writes no audit rows: the report's history
    /// shows its steps (opened, submitted, returned, verified), not every autosave while the reporter types.
    /// </summary>
    public Task<ReportOutcome?> SaveDraftAsync(CancellationToken ct) => SaveAsync(draft: true, ct);

    private async Task<ReportOutcome?> SaveAsync(bool draft, CancellationToken ct)
    {
        // No savepoint inside a use case's own transaction: a failed save is not retried within it (the use case answers
        // and the transaction rolls back), so the two extra round trips would buy nothing.
        Db.Database.AutoSavepointsEnabled = false;
        try
        {
            if (draft) await Db.SaveWorkInProgressAsync(ct);
            else await Db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            return new ReportOutcome.Conflict(StaleMessage);
        }
    }

    /// <summary>Sets what was posted on the lines and the summary; refusals per field (the entities are then dirty and must not be saved).</summary>
    public static (List<FieldError> Errors, ReportOutcome? BadRequest) Apply(ReportHandle handle, ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(input);
        var report = handle.Report;
        var errors = new List<FieldError>();
        var items = report.Items.ToDictionary(i => i.Id);
        foreach (var (id, fields) in input.Lines)
        {
            if (!items.TryGetValue(id, out var item)) return (errors, new ReportOutcome.BadRequest("Biểu mẫu có dòng không thuộc báo cáo này; hãy tải lại trang rồi làm lại."));
            errors.AddRange(LineRules.Apply(item, handle.IsRatio(item), fields));
        }
        if (input.Summary is { } summary)
        {
            var text = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
            if (text?.Length > LineFields.MaxLength(LineFields.Summary))
                errors.Add(new FieldError(null, LineFields.Summary, new Sentence("Phần đánh giá chung dài quá {0:#,0.##} ký tự; hãy rút gọn hoặc đính kèm thành tệp.", LineFields.MaxLength(LineFields.Summary))));
            else report.Summary = text;
        }
        return (errors, null);
    }

    /// <summary>A new version on every line whose values changed, so a line read before is known to be stale.</summary>
    public void StampChangedLines(UnitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Db.ChangeTracker.DetectChanges();
        foreach (var item in report.Items.Where(i => Db.Entry(i).State == EntityState.Modified))
            item.Version = Guid.NewGuid();
    }

    /// <summary>Now, from the application's clock (a test may set it).</summary>
    public DateTime NowUtc => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Today in Vietnam, from the application's clock.</summary>
    public DateOnly Today => ReportValues.Day(NowUtc);
}
