using System.Text.Json;
using RoViec.Import.Json;
using RoViec.Import.Tests.Scoring;

namespace RoViec.Import.Tests.Importing;

/// <summary>The issue's accuracy bars, held per sample document, scored on the JSON the CLI prints.</summary>
public sealed class SampleAccuracyTests
{
    public static TheoryData<string> Samples => [.. FixturePaths.Samples];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Text_sample_meets_the_accuracy_bars(string sample)
    {
        var score = ScoreOf(FixturePaths.Dir("seeds", sample + ".txt"), sample);

        Assert.True(score.TasksF1 >= 0.95, $"{sample}: {score}; missed: {string.Join(" | ", score.MissedTasks)}");
        Assert.True(score.StrictRecall >= 1.0, $"{sample}: {score}; missed: {string.Join(" | ", score.MissedTasks)}");
        Assert.True(score.Lead >= 0.90, $"{sample}: {score}");
        Assert.True(score.Deadline >= 0.95, $"{sample}: {score}");
        Assert.True(score.Output >= 0.90, $"{sample}: {score}");
        Assert.True(score.IndicatorsF1 >= 0.85, $"{sample}: {score}");
        Assert.True(score.Target >= 0.90, $"{sample}: {score}");
    }

    internal static GoldScore ScoreOf(string documentPath, string sample)
    {
        var outcome = PlanImporter.ImportFile(documentPath);
        var imported = Assert.IsType<ImportOutcome.Imported>(outcome);
        using var pred = JsonDocument.Parse(PlanJson.Write(imported.Draft));
        using var gold = JsonDocument.Parse(File.ReadAllText(FixturePaths.Dir("seeds", sample + ".gold.json")));
        return GoldScore.Of(gold.RootElement, pred.RootElement);
    }
}
