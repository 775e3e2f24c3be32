using System.Globalization;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;

namespace RoViec.Web.Features.Provinces;

/// <summary>A commune whose month is not in the province's report, and why (no figures yet, or not accepted by the province).</summary>
public sealed record LeftOut(string Commune, string Why);

/// <summary>A commune of the report that needs the province's attention, with what it is short of.</summary>
public sealed record Attention(string Commune, int Overdue, decimal? KeyTaskShare);

/// <summary>One commune's place in the province's ranking of accepted months (1 is best; equal scores share a place).</summary>
public sealed record Ranked(int Rank, string Commune, string Kind, decimal Score, string? Band, decimal? ReportRate, decimal? KeyTaskShare);

/// <summary>A task the province pushed down: how many communes took it into a plan, declined it or have not answered, and the localised tasks by status.</summary>
public sealed record PushedTaskLine(ProvinceTask Task, PushDownQueries.Counts Counts, int Done, int InProgress, int AtRisk, int Overdue, int Stopped, int NotYetDerived);

/// <summary>
/// The province's monthly report, compiled from accepted commune data only: the communes whose month the province accepted
/// are summed (reports, key tasks, indicators, money), ranked and checked for attention; every other commune is listed with
/// why it is left out, never counted as zero. The common indicators come rolled up over accepted values (<see cref="RollUp"/>).
/// </summary>
public sealed record ProvinceMonthlyReport(string Province, int Year, int Month, int Communes, int WithFigures, int Accepted,
    CockpitTotals Totals, IReadOnlyList<LeftOut> LeftOut, IReadOnlyList<RolledUp> Indicators, IReadOnlyList<PushedTaskLine> Tasks,
    IReadOnlyList<Attention> Attention, IReadOnlyList<Ranked> Ranking, DateOnly? AsOf)
{
    public string MonthLabel => $"tháng {Month.ToString(CultureInfo.InvariantCulture)}/{Year.ToString(CultureInfo.InvariantCulture)}";
}

public static class ProvinceReport
{
    private static readonly StringComparer Names = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    /// <summary>What a commune that is left out of the report lacks.</summary>
    public const string NoFigures = "Chưa có số liệu tháng";

    /// <summary>Compiles the report of the cockpit's month from the communes' summary rows, reading the pushed tasks' localised statuses.</summary>
    public static async Task<ProvinceMonthlyReport> CompileAsync(RoViecDbContext db, CockpitView cockpit, IReadOnlyList<RolledUp> indicators, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cockpit);
        var published = await PushDownQueries.PublishedAsync(db, cockpit.ProvinceId, ct);
        var statuses = await PushDownQueries.LocalisedStatusesAsync(db, [.. published.Tasks.Select(t => t.Task.Id)], ct);
        var tasks = new List<PushedTaskLine>();
        foreach (var (task, counts) in published.Tasks)
        {
            var local = statuses.GetValueOrDefault(task.Id) ?? [];
            tasks.Add(new PushedTaskLine(task, counts,
                local.Count(h => h is TaskHealth.DoneOnTime or TaskHealth.DoneLate or TaskHealth.AlreadyDone),
                local.Count(h => h is TaskHealth.OnTrack or TaskHealth.NotStarted or TaskHealth.Recurring or TaskHealth.External),
                local.Count(h => h is TaskHealth.AtRisk),
                local.Count(h => h is TaskHealth.Overdue),
                local.Count(h => h is TaskHealth.CannotDo or TaskHealth.Closed),
                local.Count(h => h is null)));
        }
        return Compile(cockpit, indicators, tasks);
    }

    /// <summary>The arithmetic of the report: sums, exclusions, attention and ranking over the accepted months only.</summary>
    public static ProvinceMonthlyReport Compile(CockpitView cockpit, IReadOnlyList<RolledUp> indicators, IReadOnlyList<PushedTaskLine> tasks)
    {
        ArgumentNullException.ThrowIfNull(cockpit);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(tasks);
        var rows = cockpit.Rows.OrderBy(r => r.Name, Names).ToList();
        var accepted = rows.Where(r => r.Month is { Approval: ApprovalStates.Accepted }).ToList();
        var leftOut = rows.Where(r => r.Month is not { Approval: ApprovalStates.Accepted })
            .Select(r => new LeftOut(r.Name, r.Month is { } m ? ProvinceLabels.Approval(m.Approval) : NoFigures)).ToList();
        var totals = CockpitTotals.Of(accepted);
        var attention = accepted.Where(r => r.AtRisk).Select(r => new Attention(r.Name, r.Month!.TasksOverdue, r.KeyTaskShare)).ToList();
        var scored = accepted.Where(r => r.Month!.Score is not null).ToList();
        var ranking = scored
            .Select(r => new Ranked(1 + scored.Count(o => o.Month!.Score > r.Month!.Score), r.Name, r.Kind, r.Month!.Score!.Value, r.Month.Band, r.ReportRate, r.KeyTaskShare))
            .OrderBy(r => r.Rank).ThenBy(r => r.Commune, Names).ToList();
        var asOf = accepted.Select(r => (DateOnly?)r.Month!.AsOf).Max();
        return new ProvinceMonthlyReport(cockpit.ProvinceName, cockpit.Year, cockpit.Month, rows.Count, rows.Count(r => r.Month is not null), accepted.Count,
            totals, leftOut, indicators, tasks, attention, ranking, asOf);
    }
}
