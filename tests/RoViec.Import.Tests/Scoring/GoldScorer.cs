using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RoViec.Import.Tests.Scoring;

/// <summary>
/// The evaluation's metrics (../shared/eval/score.py) in C#, so the test suite holds the accuracy
/// bars without Python: tasks paired one to one by name similarity, then the share of pairs whose
/// lead / deadline / output match, and the same for indicators and their targets.
/// </summary>
public sealed record GoldScore(double TasksF1, double StrictRecall, double Lead, double Deadline, double Output, double IndicatorsF1, double Target, IReadOnlyList<string> MissedTasks)
{
    private const double MatchThreshold = 0.55;

    public static GoldScore Of(JsonElement gold, JsonElement pred)
    {
        var gt = Items(gold, "tasks");
        var pt = Items(pred, "tasks");
        var pairs = Pair(gt, pt, t => Str(t, "name"));
        var (tf1, _) = F1(pairs.Count, gt.Count, pt.Count);
        var strict = gt.Where(t => Str(t, "source") is "table" or "numbered").ToList();
        var strictHit = pairs.Count(p => Str(p.Gold, "source") is "table" or "numbered");
        var n = Math.Max(pairs.Count, 1);
        var lead = pairs.Sum(p => UnitsMatch(Strs(p.Gold, "lead"), Strs(p.Pred, "lead"))) / n;
        var deadline = pairs.Sum(p => DeadlineMatch(p.Gold, p.Pred)) / n;
        var output = pairs.Sum(p => TextMatch(Str(p.Gold, "output"), Str(p.Pred, "output"))) / n;
        var gi = Items(gold, "indicators");
        var pi = Items(pred, "indicators");
        var ipairs = Pair(gi, pi, t => Str(t, "name") + " " + Str(t, "target_raw"));
        var (if1, _) = F1(ipairs.Count, gi.Count, pi.Count);
        var target = ipairs.Sum(p => TargetMatch(p.Gold, p.Pred)) / Math.Max(ipairs.Count, 1);
        var missed = gt.Where(g => !pairs.Any(p => p.Gold.Equals(g))).Select(g => Str(g, "name")).ToList();
        return new GoldScore(tf1, strict.Count == 0 ? 1 : (double)strictHit / strict.Count, lead, deadline, output, if1, target, missed)
        {
            Counts = new GoldCounts(pairs.Count, gt.Count, pt.Count, strictHit, strict.Count, ipairs.Count, gi.Count, pi.Count),
        };
    }

    /// <summary>How many items each figure was computed over, so that documents can be pooled as score.py pools them.</summary>
    public GoldCounts Counts { get; init; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The summary line of score.py --pairs: counts pooled, field figures weighted by the pairs they were computed on.</summary>
    public static GoldScore Pool(IReadOnlyList<GoldScore> scores)
    {
        var tp = scores.Sum(s => s.Counts.TasksTp);
        var itp = scores.Sum(s => s.Counts.IndicatorsTp);
        double Weighted(Func<GoldScore, double> f) => scores.Sum(s => f(s) * s.Counts.TasksTp) / Math.Max(tp, 1);
        var (tf1, _) = F1(tp, scores.Sum(s => s.Counts.TasksGold), scores.Sum(s => s.Counts.TasksPred));
        var (if1, _) = F1(itp, scores.Sum(s => s.Counts.IndicatorsGold), scores.Sum(s => s.Counts.IndicatorsPred));
        var strictGold = scores.Sum(s => s.Counts.StrictGold);
        return new GoldScore(tf1, strictGold == 0 ? 1 : (double)scores.Sum(s => s.Counts.StrictTp) / strictGold,
            Weighted(s => s.Lead), Weighted(s => s.Deadline), Weighted(s => s.Output), if1,
            scores.Sum(s => s.Target * s.Counts.IndicatorsTp) / Math.Max(itp, 1), [.. scores.SelectMany(s => s.MissedTasks)]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"tasks F1 {TasksF1:0.00} strict {StrictRecall:0.00} lead {Lead:0.00} deadline {Deadline:0.00} output {Output:0.00} indicators F1 {IndicatorsF1:0.00} target {Target:0.00}");

    private sealed record PairOf(JsonElement Gold, JsonElement Pred);

    private static List<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var arr) && arr.ValueKind == JsonValueKind.Array ? [.. arr.EnumerateArray()] : [];

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static List<string> Strs(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(x => x.GetString() ?? "")] : [];

    internal static string Norm(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var t = text.Normalize(NormalizationForm.FormC).ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in t)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or '%' ? c : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static HashSet<string> Grams(string text)
    {
        var words = Norm(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<string>(words);
        for (var i = 0; i + 1 < words.Length; i++) set.Add(words[i] + " " + words[i + 1]);
        return set;
    }

    private static double Sim(string a, string b)
    {
        var ga = Grams(a);
        var gb = Grams(b);
        return ga.Count == 0 || gb.Count == 0 ? 0 : 2.0 * ga.Count(gb.Contains) / (ga.Count + gb.Count);
    }

    private static List<PairOf> Pair(List<JsonElement> gold, List<JsonElement> pred, Func<JsonElement, string> key)
    {
        var gk = gold.Select(g => Grams(key(g))).ToList();
        var pk = pred.Select(p => Grams(key(p))).ToList();
        var candidates = new List<(double S, int I, int J)>();
        for (var i = 0; i < gk.Count; i++)
            for (var j = 0; j < pk.Count; j++)
            {
                if (gk[i].Count == 0 || pk[j].Count == 0) continue;
                var s = 2.0 * gk[i].Count(pk[j].Contains) / (gk[i].Count + pk[j].Count);
                if (s >= MatchThreshold) candidates.Add((s, i, j));
            }
        var usedG = new HashSet<int>();
        var usedP = new HashSet<int>();
        var pairs = new List<PairOf>();
        foreach (var (_, i, j) in candidates.OrderByDescending(c => c.S).ThenByDescending(c => c.I).ThenByDescending(c => c.J))
        {
            if (!usedG.Add(i)) continue;
            if (!usedP.Add(j))
            {
                usedG.Remove(i);
                continue;
            }
            pairs.Add(new PairOf(gold[i], pred[j]));
        }
        return pairs;
    }

    private static (double F1, double P) F1(int tp, int gold, int pred)
    {
        var p = pred > 0 ? (double)tp / pred : gold == 0 ? 1 : 0;
        var r = gold > 0 ? (double)tp / gold : 1;
        return (p + r > 0 ? 2 * p * r / (p + r) : 0, p);
    }

    private static double UnitsMatch(List<string> gold, List<string> pred)
    {
        var g = gold.Select(Norm).Where(x => x.Length > 0).ToList();
        var p = pred.Select(Norm).Where(x => x.Length > 0).ToList();
        if (g.Count == 0 && p.Count == 0) return 1;
        if (g.Count == 0 || p.Count == 0) return 0;
        var hitG = g.Count(u => p.Any(v => Sim(u, v) >= 0.6));
        var hitP = p.Count(v => g.Any(u => Sim(u, v) >= 0.6));
        return ((double)hitG / g.Count + (double)hitP / p.Count) / 2;
    }

    private static double DeadlineMatch(JsonElement gold, JsonElement pred)
    {
        var gd = gold.GetProperty("deadline");
        var pd = pred.TryGetProperty("deadline", out var x) ? x : default;
        var gk = Str(gd, "kind") is { Length: > 0 } a ? a : "none";
        var pk = pd.ValueKind == JsonValueKind.Object && Str(pd, "kind") is { Length: > 0 } b ? b : "none";
        if (gk != pk) return 0;
        if (gk == "milestones")
        {
            var gm = Items(gd, "milestones").Select(m => Str(m, "due")).Order(StringComparer.Ordinal).ToList();
            var pm = Items(pd, "milestones").Select(m => Str(m, "due")).Order(StringComparer.Ordinal).ToList();
            return gm.SequenceEqual(pm) ? 1 : 0.5;
        }
        return Str(gd, "due") == Str(pd, "due") ? 1 : 0;
    }

    private static double TextMatch(string gold, string pred)
    {
        if (Norm(gold).Length == 0 && Norm(pred).Length == 0) return 1;
        return Sim(gold, pred) >= 0.7 ? 1 : 0;
    }

    private static double TargetMatch(JsonElement gold, JsonElement pred)
    {
        var g = gold.GetProperty("target");
        var p = pred.GetProperty("target");
        var ok = 0;
        foreach (var key in new[] { "op", "value", "value_max", "unit" })
        {
            var a = g.TryGetProperty(key, out var av) ? av : default;
            var b = p.TryGetProperty(key, out var bv) ? bv : default;
            if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number) ok += Math.Abs(a.GetDouble() - b.GetDouble()) < 1e-6 ? 1 : 0;
            else ok += Normalise(a) == Normalise(b) ? 1 : 0;
        }
        return ok / 4.0;
    }

    private static string? Normalise(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() is { Length: > 0 } s ? s : null,
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };
}

public sealed record GoldCounts(int TasksTp, int TasksGold, int TasksPred, int StrictTp, int StrictGold, int IndicatorsTp, int IndicatorsGold, int IndicatorsPred);
