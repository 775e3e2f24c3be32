using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Web.Features.Evaluation;
using RoViec.Data.Entities;
using RoViec.Domain.Scoring;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Scores;

/// <summary>A scheme version as the scoring service uses it.</summary>
public sealed record SchemeInForce(Guid Id, string Name, int Number, DateOnly EffectiveFrom, SchemeDefinition Definition);

/// <summary>
/// The commune's scoring schemes: the version in force for a period (the latest that started by the period's first
/// day), the shipped schemes, and new versions — refused when they would start in a month already closed, so a
/// closed month is never rescored by a later version.
/// </summary>
public static class SchemeStore
{
    /// <summary>The shipped default scheme (20 points direction and reporting, 80 results): README.md beside this file.</summary>
    public const string DefaultKey = "mac-dinh";
    /// <summary>An illustrative scheme (20 + results 60 + resources 20); it names no legal document.</summary>
    public const string IllustrativeKey = "minh-hoa";
    /// <summary>Khánh Hòa's monthly scheme, Quy định 11-QĐ/TU Phụ lục 1, cited criterion by criterion.</summary>
    public const string KhanhHoaMonthlyKey = "khanh-hoa-qd11-hang-thang";

    /// <summary>A scheme shipped with the application, as the standing office starts a version from it.</summary>
    /// <param name="Basis">The document it reproduces (its <see cref="SchemeDefinition.Source"/>), or null.</param>
    public sealed record ShippedScheme(string Key, string Name, string? Basis, string Link);

    /// <summary>The shipped schemes, in the order the page offers them.</summary>
    public static IReadOnlyList<ShippedScheme> ShippedSchemes { get; } =
    [
        new(DefaultKey, "Bộ tiêu chí chấm điểm hằng tháng (mặc định)", null, "Mở bộ mặc định"),
        new(IllustrativeKey, "Bộ tiêu chí minh họa", null, "Mở bộ tiêu chí minh họa"),
        new(KhanhHoaMonthlyKey, "Bộ tiêu chí theo dõi, đánh giá hằng tháng theo Phụ lục 1 Quy định số 11-QĐ/TU của Tỉnh ủy Khánh Hòa",
            "Quy định số 11-QĐ/TU của Tỉnh ủy Khánh Hòa, Phụ lục 1 (theo dõi, đánh giá hằng tháng)", "Mở bộ tiêu chí hằng tháng theo Quy định 11-QĐ/TU (Khánh Hòa)"),
    ];

    public static string Shipped(string key)
    {
        using var stream = typeof(SchemeStore).Assembly.GetManifestResourceStream("scheme:" + key)
            ?? throw new InvalidOperationException("No shipped scheme " + key);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The version in force on <paramref name="day"/>; the default scheme is created (from 1 January of that year) for a commune that has none.</summary>
    public static async Task<SchemeInForce> InForceAsync(RoViecDbContext db, Guid communeId, DateOnly day, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.ScoringSchemes.AsNoTracking()
            .Where(s => s.CommuneId == communeId && s.EffectiveFrom <= day)
            .OrderByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.CreatedAtUtc)
            .FirstOrDefaultAsync(ct);
        if (row is null && !await db.ScoringSchemes.AnyAsync(s => s.CommuneId == communeId, ct))
            row = await CreateDefaultAsync(db, communeId, new DateOnly(day.Year, 1, 1), clock, ct);
        row ??= await db.ScoringSchemes.AsNoTracking().Where(s => s.CommuneId == communeId)
            .OrderBy(s => s.EffectiveFrom).FirstAsync(ct);
        return ToInForce(row);
    }

    public static async Task<SchemeInForce?> ByIdAsync(RoViecDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.ScoringSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return row is null ? null : ToInForce(row);
    }

    public static SchemeInForce ToInForce(ScoringScheme row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var definition = SchemeJson.Parse(row.Definition, out var errors)
            ?? throw new InvalidOperationException($"Stored scheme {row.Id} does not parse: {string.Join("; ", errors)}");
        return new SchemeInForce(row.Id, row.Name, row.Number, row.EffectiveFrom, definition);
    }

    private static async Task<ScoringScheme> CreateDefaultAsync(RoViecDbContext db, Guid communeId, DateOnly from, TimeProvider clock, CancellationToken ct)
    {
        var row = new ScoringScheme
        {
            Id = Guid.NewGuid(),
            CommuneId = communeId,
            Key = DefaultKey,
            Name = "Bộ tiêu chí chấm điểm hằng tháng (mặc định)",
            Basis = "Theo cấu trúc bộ tiêu chí chấm điểm hằng tháng của tỉnh: 20 điểm chỉ đạo, điều hành và báo cáo; 80 điểm kết quả thực hiện nhiệm vụ",
            Number = 1,
            EffectiveFrom = from,
            Definition = Shipped(DefaultKey),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = "hệ thống",
            Version = Guid.NewGuid(),
        };
        db.ScoringSchemes.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Created at the same moment by another request: use theirs.
            db.ChangeTracker.Clear();
            return await db.ScoringSchemes.AsNoTracking().Where(s => s.CommuneId == communeId).OrderBy(s => s.EffectiveFrom).FirstAsync(ct);
        }
        db.Entry(row).State = EntityState.Detached;
        return row;
    }

    /// <summary>Why a new version cannot start on <paramref name="from"/> (a closed or scored month), or null.</summary>
    public static async Task<Sentence?> RefuseStartAsync(RoViecDbContext db, Guid communeId, DateOnly from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var closed = await db.Periods.AsNoTracking()
            .Where(p => p.CommuneId == communeId && p.Kind == PeriodKinds.Monthly && p.StartsOn >= from && p.State == PeriodStates.Closed)
            .OrderBy(p => p.StartsOn).FirstOrDefaultAsync(ct);
        return closed is null ? null : new Sentence(
            "Không áp dụng được bộ tiêu chí mới từ {0}: {1} đã khóa sổ và đã chấm điểm theo bộ tiêu chí cũ. Hãy chọn tháng bắt đầu sau kỳ đã đóng gần nhất; điểm các tháng đã khóa không bị tính lại.",
            from.ToString("MM/yyyy", CultureInfo.InvariantCulture), PeriodName.Of(closed));
    }

    /// <summary>The commune's scheme versions, latest start first.</summary>
    public static async Task<List<ScoringScheme>> VersionsAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ScoringSchemes.AsNoTracking().Where(s => s.CommuneId == communeId)
            .OrderByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Number).ToListAsync(ct);
    }

    /// <summary>
    /// Saves a checked scheme as the commune's next version, in force from the month <paramref name="from"/>; returns it
    /// and the changes to raise for the months already scored from then on, not closed, which must follow it (their
    /// rescoring marked pending in the same transaction as the version).
    /// </summary>
    public static async Task<(ScoringScheme Row, IReadOnlyList<PeriodChange> Rescore)> AddVersionAsync(RoViecDbContext db, Guid communeId, string name, string? basis,
        string? note, DateOnly from, SchemeDefinition definition, string? createdBy, DateTime nowUtc, PeriodChanges changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(definition);
        var number = await db.ScoringSchemes.Where(s => s.CommuneId == communeId).MaxAsync(s => (int?)s.Number, ct) ?? 0;
        var row = new ScoringScheme
        {
            Id = Guid.NewGuid(),
            CommuneId = communeId,
            Key = "xa",
            Name = name,
            Basis = string.IsNullOrWhiteSpace(basis) ? null : basis.Trim()[..Math.Min(basis.Trim().Length, 1000)],
            Number = number + 1,
            EffectiveFrom = from,
            Definition = SchemeJson.Write(definition),
            CreatedAtUtc = nowUtc,
            CreatedBy = createdBy,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 2000)],
            Version = Guid.NewGuid(),
        };
        db.ScoringSchemes.Add(row);
        var months = await db.Periods.AsNoTracking()
            .Where(p => p.CommuneId == communeId && p.Kind == PeriodKinds.Monthly && p.StartsOn >= from && p.State != PeriodStates.Closed
                && db.UnitScores.Any(s => s.PeriodId == p.Id))
            .Select(p => p.Id).ToListAsync(ct);
        var rescore = months.Select(periodId => changes.Record(new PeriodChange(communeId, periodId, null, PeriodChangeKind.ScoringInput,
            $"Áp dụng bộ tiêu chí \"{row.Name}\" (phiên bản {row.Number})", createdBy))).ToList();
        await db.SaveChangesAsync(ct);
        return (row, rescore);
    }
}
