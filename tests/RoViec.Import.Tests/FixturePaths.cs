namespace RoViec.Import.Tests;

internal static class FixturePaths
{
    public static string Dir(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    public static readonly string[] Samples = ["dien-chau-ctr-2026", "tan-ky-kh-2026", "thien-tan-kh-2026", "xuan-giang-ctr-2026"];
}
