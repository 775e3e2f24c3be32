using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// At most <c>RoViec:SignIn:PerMinute</c> sign-in attempts (posts of the sign-in form, default 10) a minute from one
/// address, with ASP.NET Core's rate limiter: the lockout stops guessing one account's password, this stops trying one
/// password on many accounts. Past the limit the answer is 429 with Retry-After, and the status page says in Vietnamese
/// to wait (Shared/Errors/Status). Opening the form and signing out are not counted. The address is the client's as the
/// proxy saw it (forwarded headers, RoViec:Proxy:Addresses).
/// </summary>
public static class SignInThrottle
{
    public const string Policy = "sign-in";
    public const string Setting = "RoViec:SignIn:PerMinute";
    public const int DefaultPerMinute = 10;

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        // At least 1: Operations/SettingsCheck stops the start otherwise.
        var permits = configuration.GetValue(Setting, DefaultPerMinute);
        services.AddRateLimiter(options => options.AddPolicy(Policy, new AttemptsPerAddress(permits)));
    }

    private sealed class AttemptsPerAddress(int permits) : IRateLimiterPolicy<string>
    {
        private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var attempt = HttpMethods.IsPost(httpContext.Request.Method)
                && !string.Equals(httpContext.Request.Query["handler"], "SignOut", StringComparison.OrdinalIgnoreCase);
            if (!attempt) return RateLimitPartition.GetNoLimiter("");
            return RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 });
        }

        /// <summary>429 with Retry-After and no body: the status-code page answers in Vietnamese.</summary>
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : Window;
            context.HttpContext.Response.SetStatus(Refusal.TooMany);
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
    }
}
