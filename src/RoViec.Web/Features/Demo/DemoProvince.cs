using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Demo;

/// <summary>
/// The demo province's other communes, so the province office's cockpit (`/tinh`) has communes to compare at once:
/// Tân Kỳ with its own sample plan, three communes and wards working the Diễn Châu programme under their own names, each
/// at its own pace (more or fewer late reports, missing reports and slipping tasks), and one ward not yet started (no
/// plan, so the cockpit shows it missing, never as zero). With `RoViec:Demo:Province=true` (set by `./roviec serve`).
/// </summary>
public sealed class DemoProvince(RoViecDbContext db, DemoHistory history, TimeProvider clock)
{
    public const string Setting = "RoViec:Demo:Province";

    /// <summary>A neighbour: its name, kind, area, the plan it works (null: none yet) and its pace.</summary>
    public sealed record Neighbour(string Name, string Kind, string Area, string? PlanResource, DemoHistory.Pace Pace);

    public static readonly IReadOnlyList<Neighbour> Neighbours =
    [
        new("Tân Kỳ", CommuneKinds.Commune, "Huyện Tân Kỳ cũ", "demo-plan-tan-ky.txt", new(1, 30, 8, 4)),
        new("Đô Lương", CommuneKinds.Commune, "Huyện Đô Lương cũ", "demo-plan.txt", new(2, 5, 19, 9)),
        new("Yên Thành", CommuneKinds.Commune, "Huyện Yên Thành cũ", "demo-plan.txt", new(3, 40, 6, 3)),
        new("Hoàng Mai", CommuneKinds.Ward, "Thị xã Hoàng Mai cũ", "demo-plan.txt", new(4, 10, 15, 7)),
        new("Thái Hòa", CommuneKinds.Ward, "Thị xã Thái Hòa cũ", null, DemoHistory.Pace.Demo),
    ];

    /// <summary>The demo commune's area, so every commune of the demo province has one.</summary>
    public const string DemoArea = "Huyện Diễn Châu cũ";

    /// <summary>Adds the neighbours of the demo commune (once: none is added when the province already has more than one commune).</summary>
    public async Task<int> SeedAsync(Guid demoCommuneId, CancellationToken ct)
    {
        var demo = await db.Communes.SingleAsync(c => c.Id == demoCommuneId, ct);
        if (demo.ProvinceId is not { } provinceId || await db.Communes.CountAsync(c => c.ProvinceId == provinceId, ct) > 1) return 0;
        demo.Area = DemoArea;
        await db.SaveChangesAsync(ct);
        var year = clock.VietnamToday().Year;
        var seeded = 0;
        foreach (var n in Neighbours)
        {
            var commune = new Commune { Id = Guid.NewGuid(), Name = n.Name, ProvinceId = provinceId, Kind = n.Kind, Area = n.Area };
            db.Communes.Add(commune);
            await db.SaveChangesAsync(ct);
            if (n.PlanResource is null) continue;
            // Diễn Châu's programme under the neighbour's own name; Tân Kỳ's plan as written.
            var text = DemoPlan.Text(n.PlanResource);
            if (n.PlanResource == "demo-plan.txt")
                text = text.Replace("Diễn Châu", n.Name, StringComparison.Ordinal).Replace("DIỄN CHÂU", n.Name.ToUpperInvariant(), StringComparison.Ordinal);
            var fileName = "ke-hoach-" + Slug(n.Name) + "-" + year + ".txt";
            await PlanDrafts.CreateConfirmedAsync(db, commune.Id, DemoPlan.Import(text, fileName, year), fileName, "hệ thống", DemoHistory.Utc(new DateOnly(year, 1, 5), 9), ct);
            db.ChangeTracker.Clear();
            seeded += await history.SeedNeighbourAsync(commune.Id, n.Pace, ct);
        }
        await ApprovalsAsync(provinceId, demoCommuneId, ct);
        return seeded;
    }

    /// <summary>
    /// The way up, as a running province has it: every closed month before the latest approved by the commune two days
    /// after its compile day and accepted by the province two days later; the latest closed month approved by the
    /// neighbours and awaiting the province, and not yet approved by the demo commune (its standing office has that to do).
    /// </summary>
    private async Task ApprovalsAsync(Guid provinceId, Guid demoCommuneId, CancellationToken ct)
    {
        var months = await (from p in db.Periods.AsNoTracking()
                            join c in db.Communes.AsNoTracking() on p.CommuneId equals c.Id
                            where c.ProvinceId == provinceId && p.Kind == PeriodKinds.Monthly && p.State == PeriodStates.Closed
                            select p).ToListAsync(ct);
        foreach (var commune in months.GroupBy(p => p.CommuneId))
        {
            var ordered = commune.OrderBy(p => p.StartsOn).ToList();
            foreach (var month in ordered)
            {
                var latest = month == ordered[^1];
                if (latest && commune.Key == demoCommuneId) continue;
                var approvedAt = DemoHistory.Utc(month.CompileDueOn.AddDays(2), 10);
                db.PeriodApprovals.Add(new PeriodApproval
                {
                    Id = Guid.NewGuid(),
                    CommuneId = month.CommuneId,
                    PeriodId = month.Id,
                    State = latest ? ApprovalStates.Approved : ApprovalStates.Accepted,
                    ApprovedAtUtc = approvedAt,
                    ApprovedBy = "thuongtruc",
                    AcceptedAtUtc = latest ? null : approvedAt.AddDays(2),
                    AcceptedBy = latest ? null : DemoSeeder.ProvinceUserName,
                    Version = Guid.NewGuid(),
                });
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var state in new[] { ApprovalStates.Approved, ApprovalStates.Accepted })
        {
            var periods = db.PeriodApprovals.Where(a => a.State == state).Select(a => a.PeriodId);
            await db.CommunePeriodSummaries.Where(s => periods.Contains(s.PeriodId)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Approval, state), ct);
        }
    }

    private static string Slug(string name) => string.Join('-', VietnameseText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
