using BenchmarkDotNet.Attributes;
using RoViec.Import;

namespace RoViec.Benchmarks;

/// <summary>Warm import of one sample document, text to PlanDraft (the "under 20 ms warm" for 50 KB).</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private byte[] _bytes = [];

    [Params("dien-chau-ctr-2026.txt", "thien-tan-kh-2026.txt", "xuan-giang-ctr-2026.txt")]
    public string Document { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", Document));

    [Benchmark]
    public int Import() => PlanImporter.Import(_bytes, Document) is ImportOutcome.Imported imported ? imported.Draft.Tasks.Count : -1;
}
