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

    public static TheoryData<string> Renderings =>
    [
        .. Directory.EnumerateFiles(FixturePaths.Dir("docx"), "*.docx").Concat(Directory.EnumerateFiles(FixturePaths.Dir("pdf"), "*.pdf"))
            .Where(f => !f.EndsWith("scanned.pdf", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(FixturePaths.Dir(), f))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The same documents as real Word tables (merged cells, split rows, repeated headers) and as PDF.</summary>
    [Theory]
    [MemberData(nameof(Renderings))]
    public void Docx_and_pdf_renderings_meet_the_accuracy_bars(string relativePath)
    {
        var sample = Path.GetFileName(relativePath).Split('.')[0];
        var score = ScoreOf(FixturePaths.Dir(relativePath), sample);

        Assert.True(score.TasksF1 >= 0.95 && score.StrictRecall >= 1.0, $"{relativePath}: {score}; missed: {string.Join(" | ", score.MissedTasks)}");
        Assert.True(score.Lead >= 0.90 && score.Deadline >= 0.95 && score.Output >= 0.90, $"{relativePath}: {score}");
        Assert.True(score.IndicatorsF1 >= 0.85 && score.Target >= 0.90, $"{relativePath}: {score}");
    }

    public static TheoryData<string> Family =>
    [
        .. Directory.EnumerateFiles(FixturePaths.Dir("family"), "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal),
    ];

    /// <summary>Six further documents of the family with hand-made gold, written to probe other layouts.</summary>
    [Theory]
    [MemberData(nameof(Family))]
    public void Family_document_meets_the_accuracy_bars(string name)
    {
        var score = ScoreOf(FixturePaths.Dir("family", name + ".txt"), name, "family");

        Assert.True(score.TasksF1 >= 0.95 && score.StrictRecall >= 0.95, $"{name}: {score}; missed: {string.Join(" | ", score.MissedTasks)}");
        Assert.True(score.Lead >= 0.90 && score.Deadline >= 0.90 && score.Output >= 0.90, $"{name}: {score}");
        Assert.True(score.IndicatorsF1 >= 0.80 && score.Target >= 0.90, $"{name}: {score}");
    }

    internal static GoldScore ScoreOf(string documentPath, string sample, string goldFolder = "seeds")
    {
        var outcome = PlanImporter.ImportFile(documentPath);
        var imported = Assert.IsType<ImportOutcome.Imported>(outcome);
        using var pred = JsonDocument.Parse(PlanJson.Write(imported.Draft));
        using var gold = JsonDocument.Parse(File.ReadAllText(FixturePaths.Dir(goldFolder, sample + ".gold.json")));
        return GoldScore.Of(gold.RootElement, pred.RootElement);
    }
}
