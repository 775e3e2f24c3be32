namespace RoViec.Web.Features.Demo;

/// <summary>`serve --pg "Host=…"` is the same as `--ConnectionStrings:RoViec "Host=…"`; other arguments pass through.</summary>
internal static class ServeArguments
{
    public static string[] Normalise(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--pg" or "--postgres" && i + 1 < args.Length)
            {
                result.Add("--ConnectionStrings:RoViec");
                result.Add(args[++i]);
            }
            else result.Add(args[i]);
        }
        return [.. result];
    }
}
