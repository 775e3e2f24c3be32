namespace RoViec.Web.Tests;

/// <summary>The repository's sources, for the tests that read them (house rules, localisation, accessibility).</summary>
internal static class SourceTree
{
    /// <summary>The folder holding RoViec.slnx, above the test's build folder.</summary>
    public static readonly string Root = FindRoot();

    public static readonly string Src = Path.Combine(Root, "src");

    public static readonly string Web = Path.Combine(Src, "RoViec.Web");

    /// <summary>The files under <paramref name="folder"/> matching <paramref name="pattern"/>, build output left out.</summary>
    public static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RoViec.slnx"))) return dir.FullName;
        throw new InvalidOperationException("RoViec.slnx not found above " + AppContext.BaseDirectory);
    }
}
