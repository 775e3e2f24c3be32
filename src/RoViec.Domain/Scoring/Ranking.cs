using System.Globalization;

namespace RoViec.Domain.Scoring;

/// <summary>
/// Ranks units by total, highest first; equal totals are ordered by the scheme's tie rules in turn
/// (<see cref="TieBreakers"/>). Units still equal after every rule share a rank when the scheme says
/// <see cref="TieBreakers.Shared"/> (1, 2, 2, 4); otherwise they are ordered by name, as the rule states.
/// </summary>
public static class Ranking
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly StringComparer ByName = StringComparer.Create(Vietnamese, false);

    public static IReadOnlyList<RankedUnit> Rank(SchemeDefinition scheme, IEnumerable<RankEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(entries);
        var ties = scheme.TieBreakers ?? [];
        var rules = ties.TakeWhile(t => t != TieBreakers.Shared).ToList();
        var shared = ties.Contains(TieBreakers.Shared);
        var ordered = entries.ToList();
        ordered.Sort((a, b) =>
        {
            var byTotal = b.Total.CompareTo(a.Total);
            if (byTotal != 0) return byTotal;
            foreach (var rule in rules)
            {
                var c = Compare(rule, a, b);
                if (c != 0) return c;
            }
            return ByName.Compare(a.UnitName, b.UnitName);
        });

        var result = new List<RankedUnit>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i];
            var rank = i + 1;
            // The ranking page recognises these three sentences to write them in English (Web: Features/Scores/TieNotes).
            string? note = null;
            if (i > 0 && ordered[i - 1].Total == entry.Total)
            {
                var above = ordered[i - 1];
                var decided = rules.FirstOrDefault(r => Compare(r, above, entry) != 0);
                if (decided is not null)
                    note = $"Bằng điểm với {above.UnitName}; xếp sau vì {Why(decided)}.";
                else if (shared)
                {
                    rank = result[i - 1].Rank;
                    note = $"Đồng hạng với {above.UnitName}.";
                }
                else note = $"Bằng điểm với {above.UnitName} theo mọi tiêu chí phụ; xếp theo tên đơn vị.";
            }
            result.Add(new RankedUnit(entry.UnitId, entry.UnitName, entry.Total, ScoreCalculator.ClassOf(scheme, entry.Total), rank, note));
        }
        return result;
    }

    /// <summary>The tie rule in words, for the ranking page and the report.</summary>
    public static string Describe(SchemeDefinition scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var parts = scheme.TieBreakers.TakeWhile(t => t != TieBreakers.Shared).Select(Rule).ToList();
        var end = scheme.TieBreakers.Contains(TieBreakers.Shared) ? "nếu vẫn bằng nhau thì đồng hạng" : "nếu vẫn bằng nhau thì xếp theo tên đơn vị";
        return parts.Count == 0
            ? $"Bằng điểm: {end}."
            : $"Bằng điểm: xếp trên là đơn vị {string.Join(", rồi ", parts)}; {end}.";
    }

    private static int Compare(string rule, RankEntry a, RankEntry b) => rule switch
    {
        TieBreakers.Results => b.Results.CompareTo(a.Results),
        TieBreakers.FirstSubmitted => (a.FirstSubmittedAtUtc ?? DateTime.MaxValue).CompareTo(b.FirstSubmittedAtUtc ?? DateTime.MaxValue),
        TieBreakers.FewerDeductions => a.Deducted.CompareTo(b.Deducted),
        _ => 0,
    };

    private static string Rule(string rule) => rule switch
    {
        TieBreakers.Results => "có điểm phần kết quả thực hiện nhiệm vụ cao hơn",
        TieBreakers.FirstSubmitted => "gửi báo cáo sớm hơn",
        TieBreakers.FewerDeductions => "bị trừ ít điểm hơn",
        _ => rule,
    };

    private static string Why(string rule) => rule switch
    {
        TieBreakers.Results => "điểm phần kết quả thực hiện nhiệm vụ thấp hơn",
        TieBreakers.FirstSubmitted => "gửi báo cáo muộn hơn",
        TieBreakers.FewerDeductions => "bị trừ nhiều điểm hơn",
        _ => rule,
    };
}
