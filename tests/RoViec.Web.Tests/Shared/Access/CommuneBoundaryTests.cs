using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// The commune boundary lives in the DbContext: every row that belongs to a commune is filtered by the caller's
/// communes, and the few places that see every commune are named and listed here.
/// </summary>
public sealed partial class CommuneBoundaryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Rows with a commune that stay outside the filter, and why.</summary>
    private static readonly Dictionary<Type, string> Unfiltered = new()
    {
        // Identity reads accounts before anyone is known (sign-in); the accounts pages ask for the commune by hand.
        [typeof(AppUser)] = "identity",
        // Written by the audit interceptor; read only by the history pages through the rows they belong to.
        [typeof(AuditEntry)] = "audit",
        // Belongs to its recipient (UserId), who may have no commune.
        [typeof(Notification)] = "recipient",
    };

    /// <summary>Every place in src/ that asks to see every commune, as "file: reason". A new one fails this list.</summary>
    private static readonly string[] Crossings =
    [
        "RoViec.Data/RoViecDbContext.cs: ServerCommand",
        "RoViec.Web/Features/Operations/Health.cs: HealthCheck",
        "RoViec.Web/Features/Provinces/Nation.cshtml.cs: NationalFigures",
        "RoViec.Web/Features/Public/PublicFigures.cs: PublicPage",
        "RoViec.Web/Features/Scheduling/ScheduledWork.cs: Scheduler",
        "RoViec.Web/Features/Scheduling/ScheduledWork.cs: Scheduler",
        "RoViec.Web/Program.cs: DemoSeeding",
    ];

    [Fact]
    public async Task Every_row_of_a_commune_is_held_by_the_named_filter()
    {
        await using var app = new RoViecApp();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();

        var withCommune = db.Model.GetEntityTypes().Where(e => e.FindProperty("CommuneId") is not null).ToList();
        var filtered = withCommune.Where(e => e.GetDeclaredQueryFilters().Any(f => f.Key == CommuneBoundary.FilterName)).Select(e => e.ClrType).ToHashSet();
        var missing = withCommune.Select(e => e.ClrType).Where(t => !filtered.Contains(t) && !Unfiltered.ContainsKey(t)).Select(t => t.Name).ToList();

        Assert.True(missing.Count == 0, "Bảng có CommuneId mà không có bộ lọc xã: " + string.Join(", ", missing));
        Assert.Equal(42, filtered.Count);
        Assert.All(Unfiltered.Keys, t => Assert.DoesNotContain(t, filtered));
    }

    [Fact]
    public async Task Only_the_listed_places_see_every_commune()
    {
        var src = SourceTree.Src;
        var found = new List<string>();
        var ignored = new List<string>();
        var constructed = new List<string>();
        foreach (var file in SourceTree.Files(src, "*.cs"))
        {
            var text = await File.ReadAllTextAsync(file, Ct);
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            found.AddRange(CrossAllRegex().Matches(text).Select(m => $"{relative}: {m.Groups[1].Value}"));
            if (text.Contains("IgnoreQueryFilters", StringComparison.Ordinal)) ignored.Add(relative);
            // A context made by hand sees every commune: only the migrations' design-time factories may.
            if (text.Contains("new RoViecDbContext(", StringComparison.Ordinal)) constructed.Add(relative);
        }

        Assert.Equal(Crossings.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Empty(ignored);
        Assert.Equal(["RoViec.Data.Migrations.Postgres/DesignTimeFactory.cs", "RoViec.Data.Migrations.Sqlite/DesignTimeFactory.cs"], constructed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_unit_of_work_sees_the_rows_of_its_communes_only()
    {
        await using var app = new RoViecApp();
        _ = app.CreateClient();
        Guid demo, other;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            demo = await db.Communes.Select(c => c.Id).SingleAsync(Ct);
            other = Guid.NewGuid();
            db.Communes.Add(new Commune { Id = other, Name = "Xuân Giang" });
            db.Units.Add(new OrgUnit { Id = Guid.NewGuid(), CommuneId = other, Key = "cong-an", Name = "Công an xã Xuân Giang", Kind = "Police" });
            await db.SaveChangesAsync(Ct);
        }

        async Task<(int Demo, int Other)> CountAsync(Action<CommuneBoundary> set)
        {
            using var scope = app.Services.CreateScope();
            set(scope.ServiceProvider.GetRequiredService<CommuneBoundary>());
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            var units = await db.Units.Select(u => u.CommuneId).ToListAsync(Ct);
            // A row found by its id is filtered as well as a list.
            var police = await db.Units.Where(u => u.CommuneId == other && u.Key == "cong-an").CountAsync(Ct);
            Assert.Equal(units.Contains(other) ? 1 : 0, police);
            return (units.Count(c => c == demo), units.Count(c => c == other));
        }

        var demoOnly = await CountAsync(b => b.Enclose([demo]));
        var otherOnly = await CountAsync(b => b.Enclose([other]));
        var none = await CountAsync(b => b.Enclose([]));
        var both = await CountAsync(b => b.Enclose([demo, other]));
        var all = await CountAsync(b => b.CrossAll(Crossing.Scheduler));

        Assert.True(demoOnly.Demo > 5);
        Assert.Equal(0, demoOnly.Other);
        Assert.Equal((0, 1), otherOnly);
        Assert.Equal((0, 0), none);
        Assert.Equal((demoOnly.Demo, 1), both);
        Assert.Equal(both, all);
    }

    [GeneratedRegex(@"CrossAll\(\s*Crossing\.(\w+)\s*\)")]
    private static partial Regex CrossAllRegex();
}
