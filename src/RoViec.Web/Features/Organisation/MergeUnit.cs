using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Organisation;

/// <summary>
/// Merges a unit into another of the same commune (a duplicate a plan's spelling created, two offices
/// joined): the tasks it leads, the indicators it owns, its accounts, the steering members over it, its
/// reports (with their cross-checks), its ad-hoc requests and its extensions move to the target; its
/// name and aliases become aliases of the target, so later imports find the target; the unit itself is
/// deactivated and kept, so old history still names it. A report moves only when the target has none in
/// that period (one report per unit and period); otherwise nothing is merged and the period is named.
/// One save: every row changes together or none does, each change audited. The version read with the
/// page must still be the unit's.
/// </summary>
public static class MergeUnit
{
    public static async Task<UnitOutcome> RunAsync(RoViecDbContext db, OrgUnit source, Guid? targetId, Guid version, CancellationToken ct)
    {
        if (targetId is not { } id) return new UnitOutcome.Refused(new MergeTargetMissing());
        if (id == source.Id) return new UnitOutcome.Refused(new MergeIntoItself());
        var target = await db.Units.FirstOrDefaultAsync(u => u.Id == id && u.CommuneId == source.CommuneId, ct);
        if (target is null) return new UnitOutcome.Refused(new MergeAcrossCommunes());
        if (!target.Active) return new UnitOutcome.Refused(new MergeIntoInactive(target.Name));
        if (!CommuneCatalog.IsAssignable(target)) return new UnitOutcome.Refused(new MergeIntoNonUnit(target.Name));
        // Into a unit under it would leave the target under a deactivated unit it absorbed.
        var parents = await db.Units.Where(u => u.CommuneId == source.CommuneId).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        for (var above = target.ParentId; above is { } up; above = parents.GetValueOrDefault(up))
        {
            if (up == source.Id) return new UnitOutcome.Refused(new MergeIntoDescendant(target.Name));
        }

        var reports = await db.Reports.Where(r => r.UnitId == source.Id).ToListAsync(ct);
        var periods = reports.Select(r => r.PeriodId).ToList();
        var clash = await db.Reports.Where(r => r.UnitId == target.Id && periods.Contains(r.PeriodId))
            .Join(db.Periods, r => r.PeriodId, p => p.Id, (r, p) => p).OrderBy(p => p.StartsOn).Select(p => p.Label).FirstOrDefaultAsync(ct);
        if (clash is not null) return new UnitOutcome.Refused(new MergeReportClash(source.Name, target.Name, clash));

        var aliases = target.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var name in source.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(source.Name))
        {
            if (!aliases.Append(target.Name).Any(a => VietnameseText.Fold(a) == VietnameseText.Fold(name))) aliases.Add(name);
        }
        var joined = string.Join('|', aliases);
        if (joined.Length > 2000) return new UnitOutcome.Refused(new MergeTooManyAliases(target.Name));
        target.Aliases = joined;
        target.Version = Guid.NewGuid();

        foreach (var task in await db.Tasks.Where(t => t.LeadUnitId == source.Id).ToListAsync(ct))
        {
            task.LeadUnitId = target.Id;
            task.Version = Guid.NewGuid();
        }
        foreach (var indicator in await db.Indicators.Where(i => i.OwnerUnitId == source.Id).ToListAsync(ct))
        {
            indicator.OwnerUnitId = target.Id;
            indicator.Version = Guid.NewGuid();
        }
        foreach (var user in await db.Users.Where(u => u.UnitId == source.Id).ToListAsync(ct))
            user.UnitId = target.Id;
        var memberships = await db.SteeringMemberUnits.Where(m => m.UnitId == source.Id || m.UnitId == target.Id).ToListAsync(ct);
        foreach (var membership in memberships.Where(m => m.UnitId == source.Id))
        {
            if (memberships.Any(m => m.MemberId == membership.MemberId && m.UnitId == target.Id)) db.SteeringMemberUnits.Remove(membership);
            else membership.UnitId = target.Id;
        }
        foreach (var report in reports)
        {
            report.UnitId = target.Id;
            report.Version = Guid.NewGuid();
        }
        foreach (var check in await db.CrossChecks.Where(c => c.UnitId == source.Id).ToListAsync(ct))
        {
            check.UnitId = target.Id;
            check.Version = Guid.NewGuid();
        }
        // Its requests to move a task's deadline are the target's, as the tasks are.
        foreach (var request in await db.DeadlineChangeRequests.Where(r => r.UnitId == source.Id).ToListAsync(ct))
        {
            request.UnitId = target.Id;
            request.Version = Guid.NewGuid();
        }
        // A later due day granted to the source moves with it, unless the target has its own for that period.
        var extensions = await db.PeriodExtensions.Where(e => e.UnitId == source.Id || e.UnitId == target.Id).ToListAsync(ct);
        foreach (var extension in extensions.Where(e => e.UnitId == source.Id && !extensions.Any(x => x.UnitId == target.Id && x.PeriodId == e.PeriodId)))
            extension.UnitId = target.Id;
        // Ad-hoc requests that asked the source now ask the target.
        var sourceKey = source.Id.ToString();
        foreach (var period in await db.Periods.Where(p => p.CommuneId == source.CommuneId && p.UnitIds.Contains(sourceKey)).ToListAsync(ct))
        {
            var asked = period.UnitIds.Split('|', StringSplitOptions.RemoveEmptyEntries)
                .Select(u => string.Equals(u, sourceKey, StringComparison.OrdinalIgnoreCase) ? target.Id.ToString() : u)
                .Distinct(StringComparer.OrdinalIgnoreCase);
            period.UnitIds = string.Join('|', asked);
            period.Version = Guid.NewGuid();
        }

        db.Entry(source).Property(u => u.Version).OriginalValue = version;
        source.Active = false;
        source.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            return new UnitOutcome.Saved(target);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var theirs = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == source.Id, ct);
            return theirs is null ? new UnitOutcome.Refused(new UnitGone()) : new UnitOutcome.Conflict(theirs);
        }
        catch (DbUpdateException)
        {
            // The target got a report of one of those periods while this merge was being saved (one report per unit and period).
            db.ChangeTracker.Clear();
            return new UnitOutcome.Refused(new MergeRaced());
        }
    }
}
