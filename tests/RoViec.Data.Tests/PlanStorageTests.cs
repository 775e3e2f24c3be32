using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Data.Tests;

/// <summary>The plan model on SQLite and PostgreSQL alike: migrations, round trips, tenant scoping, conflicts.</summary>
public sealed class PlanStorageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_cover_the_model_with_nothing_pending(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add for both providers");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Plan_with_tasks_and_indicators_round_trips_with_vietnamese_text_dates_and_decimals(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var communeId = await SeedAsync(database);

        await using var db = database.Context();
        var plan = await db.Plans.Include(p => p.Tasks).Include(p => p.Indicators).SingleAsync(TestContext.Current.CancellationToken);
        var task = Assert.Single(plan.Tasks);
        Assert.Equal("Rà soát, chuẩn hóa dữ liệu dân cư \"đúng, đủ, sạch, sống\"", task.Name);
        Assert.Equal(new DateOnly(2026, 6, 30), task.DeadlineDue);
        Assert.Equal(communeId, task.CommuneId);
        var indicator = Assert.Single(plan.Indicators);
        Assert.Equal(12.5m, indicator.TargetValueMax);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_people_editing_the_same_task_get_a_conflict_not_a_silent_overwrite(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var first = database.Context();
        await using var second = database.Context();
        var mine = await first.Tasks.SingleAsync(TestContext.Current.CancellationToken);
        var theirs = await second.Tasks.SingleAsync(TestContext.Current.CancellationToken);

        mine.Output = "Kế hoạch được ban hành";
        mine.Version = Guid.NewGuid();
        await first.SaveChangesAsync(TestContext.Current.CancellationToken);
        theirs.Output = "Báo cáo kết quả";
        theirs.Version = Guid.NewGuid();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_change_is_recorded_with_who_when_before_and_after(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using (var db = database.Context())
        {
            var task = await db.Tasks.SingleAsync(TestContext.Current.CancellationToken);
            database.Clock.Advance(TimeSpan.FromHours(5));
            task.Output = "Kế hoạch được ban hành";
            task.Version = Guid.NewGuid();
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = database.Context();
        var history = await read.Audit.Where(a => a.Entity == nameof(PlanTaskRow)).OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["create", "update"], history.Select(h => h.Action));
        var update = history[1];
        Assert.Equal("nguyen.van.a", update.Actor);
        // "When" is the injected clock's time, not the machine's.
        Assert.Equal(new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc), DateTime.SpecifyKind(update.AtUtc, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc), DateTime.SpecifyKind(history[0].AtUtc, DateTimeKind.Utc));
        Assert.Contains("\"Output\":null", update.Before, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch được ban hành", System.Text.RegularExpressions.Regex.Unescape(update.After!), StringComparison.Ordinal);
        Assert.DoesNotContain("Name", update.After, StringComparison.Ordinal);
        var planCreated = await read.Audit.Where(a => a.Entity == nameof(Plan)).Select(a => a.After).FirstAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("SourceText", planCreated, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Work_in_progress_saves_its_updates_without_recording_them_but_records_rows_it_adds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var communeId = await SeedAsync(database);
        await using var db = database.Context();
        var before = await db.Audit.CountAsync(TestContext.Current.CancellationToken);
        var task = await db.Tasks.SingleAsync(TestContext.Current.CancellationToken);

        task.Output = "Bản nháp";
        task.Version = Guid.NewGuid();
        await db.SaveWorkInProgressAsync(TestContext.Current.CancellationToken);

        Assert.Equal(before, await db.Audit.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Bản nháp", await db.Tasks.AsNoTracking().Select(t => t.Output).SingleAsync(TestContext.Current.CancellationToken));

        db.Units.Add(new OrgUnit { Id = Guid.NewGuid(), CommuneId = communeId, Key = "cong-an", Name = "Công an xã", Kind = "Police", Version = Guid.NewGuid() });
        await db.SaveWorkInProgressAsync(TestContext.Current.CancellationToken);
        task.Output = "Kế hoạch được ban hành";
        task.Version = Guid.NewGuid();
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var recorded = await db.Audit.OrderBy(a => a.Id).Skip(before).Select(a => new { a.Entity, a.Action }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([(nameof(OrgUnit), "create"), (nameof(PlanTaskRow), "update")], recorded.Select(r => (r.Entity, r.Action)));
    }

    private static async Task<Guid> SeedAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var commune = new Commune { Id = Guid.NewGuid(), Name = "Xuân Giang" };
        var plan = new Plan { Id = Guid.NewGuid(), CommuneId = commune.Id, Kind = "CTr", Title = "Chương trình công tác năm 2026", Year = 2026, SourceFileName = "a.txt", Source = new PlanSource { Text = "…" }, ImportedAtUtc = database.Clock.GetUtcNow().UtcDateTime };
        plan.Tasks.Add(new PlanTaskRow
        {
            Id = Guid.NewGuid(),
            CommuneId = commune.Id,
            PlanId = plan.Id,
            Source = "Bullet",
            Section = "III",
            Name = "Rà soát, chuẩn hóa dữ liệu dân cư \"đúng, đủ, sạch, sống\"",
            DeadlineKind = "Quarter",
            DeadlineDue = new DateOnly(2026, 6, 30),
            Version = Guid.NewGuid(),
        });
        plan.Indicators.Add(new IndicatorRow
        {
            Id = Guid.NewGuid(),
            CommuneId = commune.Id,
            PlanId = plan.Id,
            Section = "I",
            Name = "Tỷ trọng đóng góp trong GRDP",
            TargetRaw = "11-12,5%",
            TargetOp = "range",
            TargetValue = 11m,
            TargetValueMax = 12.5m,
            TargetUnit = "%",
            Version = Guid.NewGuid(),
        });
        db.Communes.Add(commune);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return commune.Id;
    }
}
