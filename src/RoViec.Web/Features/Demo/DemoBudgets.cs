using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Demo;

/// <summary>
/// The demo's money (Budgets): a handful of the plan's tasks, one per lead unit, allocated from the commune's and the
/// province's budget and from contributions, with a disbursement in most past months of the plan's year; the first
/// task that builds or buys an information system is marked as one with 8 % of its money for security — below the
/// 15 % threshold, so the flag shows — and a second, when there is one, with 20 %.
/// </summary>
public static partial class DemoBudgets
{
    private static readonly (string Source, decimal Amount)[][] Allocations =
    [
        [(BudgetSources.Commune, 120_000_000m), (BudgetSources.Province, 80_000_000m)],
        [(BudgetSources.Commune, 60_000_000m)],
        [(BudgetSources.Province, 150_000_000m), (BudgetSources.Socialised, 30_000_000m)],
        [(BudgetSources.Commune, 45_000_000m)],
        [(BudgetSources.Socialised, 25_000_000m), (BudgetSources.Other, 10_000_000m)],
    ];

    /// <summary>Seeds the plan's money as of <paramref name="today"/> (Vietnam's date by the application's clock).</summary>
    public static async Task SeedAsync(RoViecDbContext db, Guid communeId, Guid planId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.TaskBudgetLines.AnyAsync(l => db.Tasks.Any(t => t.Id == l.TaskId && t.PlanId == planId), ct)) return;
        var year = await db.Plans.Where(p => p.Id == planId).Select(p => p.Year).SingleAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId && t.LeadUnitId != null)
            .OrderBy(t => t.Order).Select(t => new { t.Id, t.Name, Lead = t.LeadUnitId!.Value }).ToListAsync(ct);
        var systems = tasks.Where(t => SystemWork().IsMatch(t.Name)).Take(2).ToList();
        var chosen = systems.Concat(tasks.Where(t => !systems.Contains(t)).DistinctBy(t => t.Lead)).DistinctBy(t => t.Id).Take(Allocations.Length).ToList();
        var pastMonths = year < today.Year ? 12 : year == today.Year ? today.Month - 1 : 0;
        var at = DemoHistory.Utc(new DateOnly(year, 1, 15), 9);
        for (var i = 0; i < chosen.Count; i++)
        {
            var task = chosen[i];
            foreach (var (source, amount) in Allocations[i])
            {
                db.TaskBudgetLines.Add(new TaskBudgetLine
                {
                    Id = Guid.NewGuid(),
                    CommuneId = communeId,
                    TaskId = task.Id,
                    Source = source,
                    Allocated = amount,
                    EnteredBy = "thuongtruc",
                    EnteredAtUtc = at,
                    Version = Guid.NewGuid(),
                });
                // Paid out a little each month, more in some months than others, never past the allocation: a task
                // started early pays faster than the last ones.
                var paid = 0m;
                for (var month = 1; month <= pastMonths; month++)
                {
                    if ((month + i) % 4 == 0) continue;
                    var share = amount * (i + 3) / 100m * (1 + month % 3);
                    var payment = Math.Min(Math.Round(share / 1_000_000m) * 1_000_000m, amount - paid);
                    if (payment <= 0) break;
                    paid += payment;
                    db.TaskDisbursements.Add(new TaskDisbursement
                    {
                        Id = Guid.NewGuid(),
                        CommuneId = communeId,
                        TaskId = task.Id,
                        Source = source,
                        Year = year,
                        Month = month,
                        Amount = payment,
                        Basis = $"Chứng từ chi số {month:00}-{i + 1}/{year}",
                        RecordedBy = "thuongtruc",
                        RecordedAtUtc = DemoHistory.Utc(new DateOnly(year, month, 25), 15),
                    });
                }
            }
            if (systems.Contains(task))
            {
                var total = Allocations[i].Sum(a => a.Amount);
                db.TaskInformationSystems.Add(new TaskInformationSystem
                {
                    Id = Guid.NewGuid(),
                    CommuneId = communeId,
                    TaskId = task.Id,
                    SecurityAllocated = total * (systems.IndexOf(task) == 0 ? 8m : 20m) / 100m,
                    EnteredBy = "thuongtruc",
                    EnteredAtUtc = at,
                    Version = Guid.NewGuid(),
                });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    [GeneratedRegex(@"phần mềm|hệ thống|cơ sở dữ liệu|nền tảng|hạ tầng|camera|wifi|thiết bị", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SystemWork();
}
