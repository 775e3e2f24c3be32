using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RoViec.Data.Entities;

namespace RoViec.Data.Interceptors;

/// <summary>Who is making a change; the web application answers with the signed-in user.</summary>
public interface IAuditActor
{
    string? Name { get; }
}

/// <summary>
/// Records every create, update and delete of plan and organisation data in the same save, so a
/// change and its history are written together or not at all. Secrets (password hashes, security
/// stamps, Identity's stored tokens such as the authenticator key, API token hashes, the data-protection keys) and the
/// document text (<see cref="PlanSource"/>) are never copied into the history; every other value is, an indicator's
/// value included. Updates saved as work
/// in progress (<see cref="RoViecDbContext.SaveWorkInProgressAsync"/>: a report's draft autosaved as it is typed) are
/// not recorded: at 3,300 communes they would be most of the audit table and nobody reads them.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock, IAuditActor? actor = null) : SaveChangesInterceptor
{
    private static readonly HashSet<string> NeverRecorded = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SourceText", "Content", "TokenHash",
        "AuthenticatorKey",
    };

    /// <summary>Identity's stored tokens (the authenticator key, recovery codes) keep their secret in a property named Value.</summary>
    private static bool Secret(PropertyEntry property) =>
        NeverRecorded.Contains(property.Metadata.Name)
        || (property.Metadata.Name == "Value" && property.Metadata.DeclaringType.ClrType == typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>));

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var inProgress = context is RoViecDbContext { WorkInProgress: true };
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is not (AuditEntry or PlanSource or Notification or JobLease or DailyRun or PendingChange or TaskStatusChange or PeriodSnapshot or UnitScore or ScoreChange or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !(inProgress && e.State == EntityState.Modified))
            .ToList();
        foreach (var entry in entries)
        {
            var action = entry.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" };
            var changed = entry.Properties.Where(p => !Secret(p) && (entry.State != EntityState.Modified || p.IsModified)).ToList();
            if (entry.State == EntityState.Modified && changed.Count == 0) continue;
            context.Add(new AuditEntry
            {
                CommuneId = entry.Properties.FirstOrDefault(p => p.Metadata.Name == "CommuneId")?.CurrentValue as Guid?,
                Entity = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Properties.Where(p => p.Metadata.IsPrimaryKey()).Select(p => Convert.ToString(p.CurrentValue, System.Globalization.CultureInfo.InvariantCulture))),
                Action = action,
                Actor = actor?.Name,
                AtUtc = now,
                Before = entry.State == EntityState.Added ? null : Json(changed, p => p.OriginalValue),
                After = entry.State == EntityState.Deleted ? null : Json(changed, p => p.CurrentValue),
            });
        }
    }

    private static string Json(List<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(properties.ToDictionary(p => p.Metadata.Name, value));
}
