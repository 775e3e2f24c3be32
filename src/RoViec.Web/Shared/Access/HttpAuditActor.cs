using RoViec.Data.Interceptors;

namespace RoViec.Web.Shared.Access;

/// <summary>The signed-in user of the current request, or "hệ thống" for work done without one (first-run seeding).</summary>
internal sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public string? Name => http.HttpContext?.User.Identity?.Name ?? "hệ thống";
}
