using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RoViec.Benchmarks.ImportBenchmarks).Assembly).Run(args);
