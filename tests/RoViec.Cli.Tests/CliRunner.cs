using System.Diagnostics;
using System.Text;

namespace RoViec.Cli.Tests;

/// <summary>What one run of the CLI did: exit code, both streams and how long it took, start-up included.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>The non-blank lines the CLI wrote to stderr.</summary>
    public IReadOnlyList<string> StderrLines =>
        Stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();

    public override string ToString() =>
        $"exit {ExitCode} after {Elapsed.TotalSeconds:0.00} s\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the real CLI (roviec.dll, copied next to the tests by the project reference) as a separate
/// process, the way an officer or a script would: `dotnet roviec.dll import FILE`.
/// </summary>
public static class CliRunner
{
    /// <summary>Variables of the test's own environment that would change the CLI's behaviour.</summary>
    private static readonly string[] Scrubbed = ["ROVIEC_IMPORT_MAX_MB"];

    public static string RoviecDll { get; } = Path.Combine(AppContext.BaseDirectory, "roviec.dll");

    public static CliResult Run(params string[] args) => Run(args, environment: null);

    public static CliResult Run(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add(RoviecDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in Scrubbed) start.Environment.Remove(name);
        if (environment is not null)
        {
            foreach (var (name, value) in environment) start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"roviec {string.Join(' ', args)} did not finish within {limit.TotalSeconds} s");
        }
        process.WaitForExit();
        clock.Stop();
        return new CliResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), clock.Elapsed);
    }

    /// <summary>The dotnet host running the tests (set by `dotnet test`), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
