using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Provinces;

/// <summary>One commune's value of a common indicator in the month, and whether the province accepted the month.</summary>
public sealed record CommuneValue(Guid CommuneId, string Commune, decimal? Value, decimal? Numerator, decimal? Denominator, bool Accepted);

/// <summary>A common indicator rolled up over the province's communes for a month.</summary>
/// <param name="Value">The province's figure from the accepted values (null when none is accepted).</param>
/// <param name="Counted">The communes whose accepted value went into it.</param>
/// <param name="Missing">Communes that took the indicator in but have no accepted value this month, each with why — never counted as zero.</param>
public sealed record RolledUp(ProvinceIndicator Indicator, decimal? Value, IReadOnlyList<CommuneValue> Counted, IReadOnlyList<(string Commune, string Why)> Missing, int Declined);

/// <summary>
/// Up: the province's common indicators aggregated over the communes' accepted values (<see cref="Aggregations"/>): a
/// sum, a mean, a rate weighted by its base (the sum of numerators over the sum of denominators) or the number of
/// communes meeting the target. A commune without an accepted value is listed as missing, never treated as zero.
/// </summary>
public static class RollUp
{
    public const string NoValue = "chưa có số liệu";
    public const string NotAccepted = "số liệu chưa được tỉnh tiếp nhận";

    /// <summary>The province's figure from these values (the accepted ones only); null when there are none to aggregate.</summary>
    public static decimal? Aggregate(ProvinceIndicator indicator, IReadOnlyList<CommuneValue> values)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(values);
        var accepted = values.Where(v => v.Accepted).ToList();
        switch (indicator.Aggregation)
        {
            case Aggregations.Ratio:
                var rated = accepted.Where(v => v.Numerator is not null && v.Denominator is > 0).ToList();
                var denominator = rated.Sum(v => v.Denominator!.Value);
                return denominator == 0 ? null : Math.Round(rated.Sum(v => v.Numerator!.Value) * 100m / denominator, 1);
            case Aggregations.Count:
                var judged = accepted.Where(v => v.Value is not null).ToList();
                return judged.Count == 0 ? null : judged.Count(v => Meets(indicator, v.Value!.Value));
            default:
                var numbers = accepted.Where(v => v.Value is not null).Select(v => v.Value!.Value).ToList();
                if (numbers.Count == 0) return null;
                return indicator.Aggregation == Aggregations.Mean ? Math.Round(numbers.Average(), 2) : numbers.Sum();
        }
    }

    /// <summary>Whether a value meets the indicator's target by its operator.</summary>
    public static bool Meets(ProvinceIndicator indicator, decimal value)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.TargetOp switch
        {
            "<=" => value <= indicator.TargetValue,
            "=" => value == indicator.TargetValue,
            _ => value >= indicator.TargetValue,
        };
    }

    /// <summary>Every common indicator of the province rolled up for a month.</summary>
    public static async Task<IReadOnlyList<RolledUp>> MonthAsync(RoViecDbContext db, Guid provinceId, int year, int month, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var indicators = await db.ProvinceIndicators.AsNoTracking().Where(i => i.ProvinceId == provinceId).OrderBy(i => i.PublishedAtUtc).ToListAsync(ct);
        if (indicators.Count == 0) return [];
        var names = await db.Communes.AsNoTracking().Where(c => c.ProvinceId == provinceId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var ids = indicators.Select(i => i.Id).ToList();
        var takers = await db.PushedIndicators.AsNoTracking().Where(p => ids.Contains(p.ProvinceIndicatorId))
            .Select(p => new { p.ProvinceIndicatorId, p.CommuneId, p.State }).ToListAsync(ct);
        var values = await (from v in db.CommuneIndicatorValues.AsNoTracking()
                            join s in db.CommunePeriodSummaries.AsNoTracking() on v.PeriodId equals s.PeriodId
                            where v.ProvinceId == provinceId && v.Kind == PeriodKinds.Monthly && v.Year == year && v.Number == month
                            select new { v.ProvinceIndicatorId, v.CommuneId, v.Value, v.Numerator, v.Denominator, s.Approval }).ToListAsync(ct);
        var order = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);
        return [.. indicators.Select(indicator =>
        {
            var mine = values.Where(v => v.ProvinceIndicatorId == indicator.Id)
                .Select(v => new CommuneValue(v.CommuneId, names.GetValueOrDefault(v.CommuneId, ""), v.Value, v.Numerator, v.Denominator, v.Approval == ApprovalStates.Accepted))
                .OrderBy(v => v.Commune, order).ToList();
            var taking = takers.Where(t => t.ProvinceIndicatorId == indicator.Id && t.State == PushStates.Accepted).Select(t => t.CommuneId).ToList();
            var missing = taking.Where(c => !mine.Any(v => v.CommuneId == c && v.Accepted))
                .Select(c => (names.GetValueOrDefault(c, ""), mine.Any(v => v.CommuneId == c) ? NotAccepted : NoValue))
                .OrderBy(m => m.Item1, order).ToList();
            var declined = takers.Count(t => t.ProvinceIndicatorId == indicator.Id && t.State == PushStates.Declined);
            return new RolledUp(indicator, Aggregate(indicator, mine), [.. mine.Where(v => v.Accepted)], missing, declined);
        })];
    }
}
