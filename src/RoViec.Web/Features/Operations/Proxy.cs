using Microsoft.AspNetCore.HttpOverrides;

namespace RoViec.Web.Features.Operations;

/// <summary>
/// Behind nginx (deploy/): the client's address (so each citizen has their own rate-limit bucket) and scheme (so
/// cookies are Secure and links https) come from X-Forwarded-For and X-Forwarded-Proto, trusted only when the request
/// comes from the proxy: loopback, plus the addresses in <c>RoViec:Proxy:Addresses</c> (comma-separated) when the proxy
/// runs on another machine. In production the host names the site answers to come from <c>AllowedHosts</c>, or else
/// from <c>RoViec:PublicUrl</c> and loopback (for local health probes), never "*".
/// </summary>
public static class Proxy
{
    public static void Add(IServiceCollection services, IConfiguration configuration, bool production)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var address in Shared.Hosting.SettingValues.Addresses(configuration, "RoViec:Proxy:Addresses")) o.KnownProxies.Add(address);
        });
        if (production && configuration["AllowedHosts"] is null or "*" && Uri.TryCreate(configuration["RoViec:PublicUrl"], UriKind.Absolute, out var site))
            services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = [site.Host, "localhost", "127.0.0.1", "[::1]"]);
    }
}
