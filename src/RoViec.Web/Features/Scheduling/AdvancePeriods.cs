using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Plans;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.Scheduling;

/// <summary>
/// Moves an active plan's periods along the calendar on a day: gives the plan its periods when it has none
/// (<see cref="PeriodCalendar.EnsureAsync"/>); opens a scheduled period whose opening day has come and whose
/// compile day has not passed (<see cref="OpenPeriod.OpenAsync"/>: one report per unit with work in it); closes an
/// open period after its compile day; and closes, without reports, a scheduled period whose compile day passed
/// before it ever opened in RoViec (a plan confirmed in the middle of the year does not ask for January's report); and
/// opens again an open period that came from a replaced plan (its reports get the new plan's lines).
/// The months it closes are returned so their scores can be made final (missing reports deducted).
/// </summary>
public static class AdvancePeriods
{
    public sealed record Outcome(int Opened, int Closed, int ReportsCreated, IReadOnlyList<Guid> ClosedMonths);

    public static async Task<Outcome> RunAsync(RoViecDbContext db, Plan plan, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        // A plan reporting with the work programme moves along with the programme's periods.
        if (plan.ReportsWithPlanId is not null) return new Outcome(0, 0, 0, []);
        await PeriodCalendar.EnsureAsync(db, plan, ct);
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);

        var due = await db.Periods
            .Where(p => p.PlanId == plan.Id
                && ((p.State == PeriodStates.Scheduled && p.OpensOn <= today) || (p.State == PeriodStates.Open && p.CompileDueOn < today)
                    // An open period moved to this plan from the plan it replaced, not yet opened for this plan's tasks.
                    || (p.State == PeriodStates.Open && p.OpenedAtUtc == null)))
            .OrderBy(p => p.OpensOn).ToListAsync(ct);
        int opened = 0, closed = 0, reports = 0;
        var closedMonths = new List<Guid>();
        foreach (var period in due)
        {
            if (period.CompileDueOn < today)
            {
                period.State = PeriodStates.Closed;
                period.ClosedAtUtc = nowUtc;
                period.Version = Guid.NewGuid();
                await db.SaveChangesAsync(ct);
                closed++;
                if (period.Kind == PeriodKinds.Monthly) closedMonths.Add(period.Id);
            }
            else
            {
                reports += await OpenPeriod.OpenAsync(db, period, nowUtc, ct);
                opened++;
            }
        }
        return new Outcome(opened, closed, reports, closedMonths);
    }
}
