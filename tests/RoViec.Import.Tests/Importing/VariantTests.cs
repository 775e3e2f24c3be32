using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RoViec.Import.Json;
using RoViec.Import.Tests.Scoring;

namespace RoViec.Import.Tests.Importing;

/// <summary>
/// The samples rewritten the way other communes write the same thing — other bullet glyphs,
/// sentence-case section titles, letters instead of Roman numerals, ragged spacing — keep the bars.
/// </summary>
public sealed partial class VariantTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in FixturePaths.Samples)
            foreach (var variant in new[] { "bullets", "sentence-case", "letters", "spacing" })
                data.Add(sample, variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rewritten_sample_keeps_the_accuracy_bars(string sample, string variant)
    {
        var text = File.ReadAllText(FixturePaths.Dir("seeds", sample + ".txt"), Encoding.UTF8);
        var rewritten = variant switch
        {
            "bullets" => BulletRegex().Replace(text, "• "),
            "sentence-case" => RomanHeadingRegex().Replace(text, m => m.Groups[1].Value + SentenceCase(m.Groups[2].Value)),
            "letters" => RomanHeadingRegex().Replace(text, m => Letter(m.Groups[1].Value) + m.Groups[2].Value),
            _ => text.Replace("\n\n", "\n\n\n", StringComparison.Ordinal).Replace(", ", " ,  ", StringComparison.Ordinal),
        };

        var draft = Assert.IsType<ImportOutcome.Imported>(PlanImporter.Import(Encoding.UTF8.GetBytes(rewritten), sample + ".txt")).Draft;
        using var pred = JsonDocument.Parse(PlanJson.Write(draft));
        using var gold = JsonDocument.Parse(File.ReadAllText(FixturePaths.Dir("seeds", sample + ".gold.json")));
        var score = GoldScore.Of(gold.RootElement, pred.RootElement);

        Assert.True(score.TasksF1 >= 0.95 && score.StrictRecall >= 1.0, $"{sample}/{variant}: {score}; missed: {string.Join(" | ", score.MissedTasks)}");
        Assert.True(score.Lead >= 0.90 && score.Deadline >= 0.95, $"{sample}/{variant}: {score}");
        Assert.True(score.IndicatorsF1 >= 0.85, $"{sample}/{variant}: {score}");
    }

    private static string SentenceCase(string title)
    {
        var lower = title.ToLower(CultureInfo.GetCultureInfo("vi-VN"));
        return char.ToUpper(lower[0], CultureInfo.GetCultureInfo("vi-VN")) + lower[1..];
    }

    private static string Letter(string roman) => roman.TrimEnd('.', '-', ' ') switch
    {
        "I" => "A. ",
        "II" => "B. ",
        "III" => "C. ",
        "IV" => "D. ",
        "V" => "E. ",
        _ => roman,
    };

    [GeneratedRegex(@"(?m)^- (?=\S)")]
    private static partial Regex BulletRegex();

    [GeneratedRegex(@"(?m)^((?:I|II|III|IV|V)[.\-]\s*)(\p{Lu}[\p{Lu}\s,]+)$")]
    private static partial Regex RomanHeadingRegex();
}
