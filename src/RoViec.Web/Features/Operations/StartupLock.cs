using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using RoViec.Data;

namespace RoViec.Web.Features.Operations;

/// <summary>
/// Start-up work that must not run twice at once (the demo's migration and seeding when several instances start
/// together on one empty PostgreSQL database): held under a PostgreSQL session advisory lock on the context's own
/// connection, so the second instance waits, then finds the work done. SQLite needs none (one process serves a file).
/// </summary>
public static class StartupLock
{
    /// <summary>The lock's key: any number no other application on the database uses.</summary>
    private const long Key = 0x526F56696563; // "RoViec"

    public static async Task RunAsync(RoViecDbContext db, Func<Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (!db.Database.IsNpgsql())
        {
            await work();
            return;
        }
        // The lock lives in a database: a new one is created first (by whichever instance gets there; the other is told it exists).
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.DuplicateDatabase or Npgsql.PostgresErrorCodes.UniqueViolation)
            {
                // Another instance created it between our look and our create.
            }
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The wait lasts as long as the other instance's work (a first demo seeding on a slow machine takes longer than
            // the 30 s a command may take): no timeout on it; the application stopping cancels it.
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(0);
            try
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Key})", ct);
            }
            finally
            {
                db.Database.SetCommandTimeout(timeout);
            }
            try
            {
                await work();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Key})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
