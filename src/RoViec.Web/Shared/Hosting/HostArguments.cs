namespace RoViec.Web.Shared.Hosting;

/// <summary>
/// Splits a command line into the command's own words and the host's settings ("--Section:Key value", "--DataDirectory …",
/// "--environment …"): the operator's commands and <c>roviec report</c> pass the latter on to the web host.
/// </summary>
public static class HostArguments
{
    private static readonly string[] HostNames = ["--DataDirectory", "--environment", "--contentRoot", "--urls"];

    public static (string[] Own, string[] Host) Split(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var host = new List<string>();
        var own = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            var name = a.Split('=', 2)[0];
            var isHost = a.StartsWith("--", StringComparison.Ordinal) && (name.Contains(':', StringComparison.Ordinal) || HostNames.Contains(name, StringComparer.OrdinalIgnoreCase));
            if (!isHost)
            {
                own.Add(a);
                continue;
            }
            host.Add(a);
            if (!a.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length) host.Add(args[++i]);
        }
        return ([.. own], [.. host]);
    }
}
