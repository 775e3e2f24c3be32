using RoViec.Domain.Text;

namespace RoViec.Domain.Plans;

/// <summary>
/// Which task of a new plan continues which task of the plan it replaces: the same work, renumbered or reworded. Pairs
/// are proposed by the folded-text similarity of the names (<see cref="VietnameseText.Similarity"/>), helped by the same
/// code and the same lead unit, best pair first, each task in at most one pair. Names too unlike stay unpaired: an old
/// task nothing continues has been superseded, a new task nothing continues is new work.
/// </summary>
public static class TaskPairing
{
    /// <summary>A task as the pairing reads it; <see cref="Lead"/> is the lead unit's id or name, as long as both plans use the same.</summary>
    public sealed record Item(Guid Id, string? Code, string Name, string? Lead);

    public sealed record Pair(Guid OldId, Guid NewId, double Score);

    /// <summary>Below this score two tasks are not the same work, whatever their codes say.</summary>
    public const double Threshold = 0.5;

    public static IReadOnlyList<Pair> Pairs(IReadOnlyList<Item> old, IReadOnlyList<Item> @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var candidates = new List<Pair>();
        foreach (var o in old)
        {
            foreach (var n in @new)
            {
                var score = Score(o, n);
                if (score >= Threshold) candidates.Add(new Pair(o.Id, n.Id, score));
            }
        }
        var pairedOld = new HashSet<Guid>();
        var pairedNew = new HashSet<Guid>();
        var pairs = new List<Pair>();
        // Best first; equal scores in the plans' own order, so the outcome never depends on how the list was sorted.
        var order = old.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var orderNew = @new.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => order[c.OldId]).ThenBy(c => orderNew[c.NewId]))
        {
            if (pairedOld.Contains(c.OldId) || pairedNew.Contains(c.NewId)) continue;
            pairedOld.Add(c.OldId);
            pairedNew.Add(c.NewId);
            pairs.Add(c);
        }
        return [.. pairs.OrderBy(p => orderNew[p.NewId])];
    }

    /// <summary>
    /// The names' similarity, raised a little by the same code and the same lead (a renumbered or reworded task keeps
    /// one of them), never above 1; two names with nothing in common score 0 whatever their codes.
    /// </summary>
    public static double Score(Item a, Item b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var names = VietnameseText.Similarity(a.Name, b.Name);
        if (names <= 0) return 0;
        var bonus = 0.0;
        if (!string.IsNullOrWhiteSpace(a.Code) && string.Equals(a.Code.Trim(), b.Code?.Trim(), StringComparison.Ordinal)) bonus += 0.1;
        if (!string.IsNullOrWhiteSpace(a.Lead) && string.Equals(a.Lead, b.Lead, StringComparison.Ordinal)) bonus += 0.1;
        return Math.Min(1, names + bonus);
    }
}
