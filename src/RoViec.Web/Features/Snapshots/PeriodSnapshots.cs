using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Publishing;

namespace RoViec.Web.Features.Snapshots;

/// <summary>
/// Builds and reads <see cref="PeriodFigures"/> snapshots (one row per period). A snapshot is built when a period's
/// data is verified or corrected, marked stale on other changes, and rebuilt on the next read when it is stale,
/// missing, of an older shape, or derived for another day than the period's reference day — so a dashboard is a
/// read of one prepared row, not a scan of every report.
/// </summary>
public static class PeriodSnapshots
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The day a period's statuses are derived for: today while it runs, its compile day once that passed.</summary>
    public static DateOnly ReferenceDay(ReportingPeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(period);
        return today < period.CompileDueOn ? today : period.CompileDueOn;
    }

    /// <summary>The period's figures for <paramref name="today"/>: the stored snapshot when it is current, else built and stored now.</summary>
    public static async Task<PeriodFigures> ReadAsync(RoViecDbContext db, ReportingPeriod period, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var row = await db.PeriodSnapshots.AsNoTracking().Where(s => s.PeriodId == period.Id)
            .Select(s => new { s.Figures, s.Stale }).FirstOrDefaultAsync(ct);
        if (row is { Stale: false } && Deserialize(row.Figures) is { } figures && figures.Shape == PeriodFigures.CurrentShape
            && figures.AsOf == ReferenceDay(period, today))
            return figures;
        return await BuildAsync(db, period, today, row is null ? "Lập lần đầu" : "Lập lại khi đọc", null, ct);
    }

    /// <summary>Computes the period's figures and stores them (insert or replace), in its own save.</summary>
    public static async Task<PeriodFigures> BuildAsync(RoViecDbContext db, ReportingPeriod period, DateOnly today, string reason, string? by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var asOf = ReferenceDay(period, today);
        var settings = await MonthlyReportSettings.DefaultsAsync(db, period, asOf, ct);
        var report = await MonthlyReportQuery.CompileAsync(db, period, settings, ct);
        var figures = new PeriodFigures
        {
            PeriodId = period.Id,
            Kind = period.Kind,
            Year = period.Year,
            Number = period.Number,
            Label = period.Label,
            AsOf = asOf,
            Report = report,
        };
        var text = JsonSerializer.Serialize(figures, Json);
        var now = DateTime.UtcNow;
        var updated = await db.PeriodSnapshots.Where(s => s.PeriodId == period.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Figures, text)
            .SetProperty(s => s.Stale, false)
            .SetProperty(s => s.BuiltAtUtc, now)
            .SetProperty(s => s.BuiltBy, by)
            .SetProperty(s => s.Reason, reason)
            .SetProperty(s => s.Version, Guid.NewGuid()), ct);
        if (updated == 0)
        {
            db.PeriodSnapshots.Add(new PeriodSnapshot
            {
                Id = Guid.NewGuid(),
                CommuneId = period.CommuneId,
                PeriodId = period.Id,
                Figures = text,
                BuiltAtUtc = now,
                BuiltBy = by,
                Reason = reason,
                Version = Guid.NewGuid(),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request built it at the same moment; theirs is as good as ours.
                db.ChangeTracker.Clear();
            }
        }
        return figures;
    }

    /// <summary>Marks the period's snapshot stale: the next read rebuilds it.</summary>
    public static Task MarkStaleAsync(RoViecDbContext db, Guid periodId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PeriodSnapshots.Where(s => s.PeriodId == periodId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Stale, true), ct);
    }

    public static string Serialize(PeriodFigures figures) => JsonSerializer.Serialize(figures, Json);

    public static PeriodFigures? Deserialize(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<PeriodFigures>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
