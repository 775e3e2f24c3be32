using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RoViec.Data.Entities;

namespace RoViec.Data.Tests;

/// <summary>
/// A scheme version saved from the shipped scheme once offered "theo Quyết định số 4585/QĐ-BKHCN" loses that name on
/// migration (issue 15: a scheme does not carry the name of a document it does not reproduce); a version the commune
/// named itself is left alone.
/// </summary>
public sealed class SchemeNameMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stored_scheme_named_after_a_decision_it_does_not_reproduce_becomes_the_illustrative_scheme(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context();
        var migrations = db.Database.GetMigrations().ToList();
        var mine = migrations.FindIndex(m => m.EndsWith("_IllustrativeSchemeName", StringComparison.Ordinal));
        Assert.True(mine > 0);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[mine - 1], cancellationToken: Ct);

        // The commune written as the table stood then: later migrations add columns the model's Commune has.
        var commune = new Commune { Id = Guid.NewGuid(), Name = "Xuân Giang" };
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"Communes\" (\"Id\", \"Name\") VALUES ({commune.Id}, {commune.Name})", Ct);
        ScoringScheme Row(int number, string name, string? basis) => new()
        {
            Id = Guid.NewGuid(),
            CommuneId = commune.Id,
            Key = "xa",
            Name = name,
            Basis = basis,
            Number = number,
            EffectiveFrom = new DateOnly(2026, 1, 1),
            Definition = "{}",
            CreatedAtUtc = database.Clock.GetUtcNow().UtcDateTime,
            Version = Guid.NewGuid(),
        };
        var shipped = Row(1, "Bộ tiêu chí theo Quyết định số 4585/QĐ-BKHCN", "Quyết định số 4585/QĐ-BKHCN");
        var own = Row(2, "Bộ tiêu chí của xã", "Nghị quyết của Đảng ủy xã");
        db.ScoringSchemes.AddRange(shipped, own);
        await db.SaveChangesAsync(Ct);

        await migrator.MigrateAsync(cancellationToken: Ct);

        await using var after = database.Context();
        var renamed = await after.ScoringSchemes.AsNoTracking().SingleAsync(s => s.Id == shipped.Id, Ct);
        Assert.Equal("Bộ tiêu chí minh họa", renamed.Name);
        Assert.Null(renamed.Basis);
        Assert.DoesNotContain("4585", renamed.Note ?? "", StringComparison.Ordinal);
        var kept = await after.ScoringSchemes.AsNoTracking().SingleAsync(s => s.Id == own.Id, Ct);
        Assert.Equal(("Bộ tiêu chí của xã", "Nghị quyết của Đảng ủy xã"), (kept.Name, kept.Basis));
    }
}
