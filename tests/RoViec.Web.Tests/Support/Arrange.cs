using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>Test data put straight into the application's database, and facts read back from it.</summary>
public static class Arrange
{
    public static async Task<T> WithDbAsync<T>(this RoViecApp app, Func<RoViecDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<RoViecDbContext>());
    }

    public static Task<Guid> UserIdAsync(this RoViecApp app, string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken));

    public static Task<Guid> CommuneIdAsync(this RoViecApp app, string name) =>
        app.WithDbAsync(db => db.Communes.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken));

    /// <summary>A commune (in the demo province unless another is named, created when missing) with one unit.</summary>
    public static async Task<(Guid CommuneId, Guid UnitId)> CommuneAsync(this RoViecApp app, string name, string? province = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var provinceName = province ?? "Nghệ An";
        var p = await db.Provinces.FirstOrDefaultAsync(x => x.Name == provinceName, ct);
        if (p is null)
        {
            p = new Province { Id = Guid.NewGuid(), Name = provinceName };
            db.Provinces.Add(p);
        }
        var commune = new Commune { Id = Guid.NewGuid(), Name = name, ProvinceId = p.Id };
        var unit = new OrgUnit { Id = Guid.NewGuid(), CommuneId = commune.Id, Key = "cong-an", Name = "Công an xã " + name, Kind = "Police", Version = Guid.NewGuid() };
        db.Communes.Add(commune);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return (commune.Id, unit.Id);
    }

    /// <summary>An account with a role: in a commune, or at province level (province only) when <paramref name="communeId"/> is null.</summary>
    public static async Task<Guid> UserAsync(this RoViecApp app, string userName, string role, Guid? communeId, Guid? provinceId = null, Guid? unitId = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (communeId is { } c) provinceId ??= await db.Communes.Where(x => x.Id == c).Select(x => x.ProvinceId).SingleAsync(TestContext.Current.CancellationToken);
        var user = new AppUser { Id = Guid.NewGuid(), UserName = userName, FullName = "Người dùng " + userName, CommuneId = communeId, ProvinceId = provinceId, UnitId = unitId, CreatedAtUtc = app.UtcNow };
        var result = await users.CreateAsync(user, RoViecApp.AdminPassword);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    public static Task<Guid> ProvinceIdAsync(this RoViecApp app, string name) =>
        app.WithDbAsync(db => db.Provinces.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken));

    /// <summary>Removes the demo commune's steering committee, for tests that build one from nothing.</summary>
    public static async Task<int> ClearSteeringCommitteeAsync(RoViecDbContext db)
    {
        db.SteeringMemberUnits.RemoveRange(db.SteeringMemberUnits);
        db.SteeringMembers.RemoveRange(db.SteeringMembers);
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
