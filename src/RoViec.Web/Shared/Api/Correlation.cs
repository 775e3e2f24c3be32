using System.Diagnostics;

namespace RoViec.Web.Shared.Api;

/// <summary>
/// The id that ties what a person saw ("mã tra cứu" on the error page, "traceId" in the API's problem) to the server's
/// log line of the same request: the W3C trace id of the request's activity, or the request's own identifier.
/// </summary>
public static class Correlation
{
    public static string Id(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
    }
}
