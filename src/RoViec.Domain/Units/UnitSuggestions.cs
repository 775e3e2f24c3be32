using RoViec.Domain.Text;

namespace RoViec.Domain.Units;

/// <summary>
/// The units an unknown name most likely means, best first: the name is compared with each unit's name and aliases
/// as the catalogue matches them (folded, abbreviations such as "UBND", "VH", "MTTQ" written out, "xã" dropped), by
/// the Dice similarity of their words and word pairs. Shown to the officer as suggestions, never applied by itself.
/// </summary>
public static class UnitSuggestions
{
    public const double Threshold = 0.3;

    public static IReadOnlyList<(Unit Unit, double Score)> For(string name, IEnumerable<Unit> units, int max = 3)
    {
        var key = UnitCatalog.Key(name);
        if (key.Length == 0) return [];
        return units
            .Select(u => (Unit: u, Score: u.Aliases.Append(u.Name).Max(a => VietnameseText.Similarity(key, UnitCatalog.Key(a)))))
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Unit.Name, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }
}
