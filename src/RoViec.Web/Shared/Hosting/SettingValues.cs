using System.Net;

namespace RoViec.Web.Shared.Hosting;

/// <summary>Setting values of a shape more than one part reads.</summary>
public static class SettingValues
{
    /// <summary>A comma-separated list of IP addresses ("10.0.0.5, 10.0.0.6"); entries that are not addresses are skipped (SettingsCheck refuses them at start).</summary>
    public static IReadOnlyList<IPAddress> Addresses(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. (configuration[key] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => IPAddress.TryParse(a, out var ip) ? ip : null).OfType<IPAddress>()];
    }
}
