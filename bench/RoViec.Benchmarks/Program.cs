using BenchmarkDotNet.Running;

namespace RoViec.Benchmarks;

/// <summary>`./roviec bench [--filter=…]`: every benchmark of the assembly (the web app's own type is named Program).</summary>
public static class BenchMain
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmarks).Assembly).Run(args);
}
