using Microsoft.Extensions.Diagnostics.HealthChecks;
using RoViec.Data;

namespace RoViec.Web.Shared.Health;

/// <summary>`GET /health`: 200 when the database answers, 503 when it does not.</summary>
internal sealed class DatabaseHealthCheck(RoViecDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu (database unreachable).");
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu (database unreachable).", ex);
        }
    }
}
