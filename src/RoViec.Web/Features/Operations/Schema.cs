using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Operations;

/// <summary>
/// The database's schema against the application's migrations. <c>roviec migrate</c> applies them (EF Core takes its
/// own migration lock, so two operators running it together do not collide) and creates the roles; a production
/// instance only checks, and refuses a database that is behind or ahead of it.
/// </summary>
public static class Schema
{
    /// <summary>Applies the pending migrations and makes sure every role exists; returns the migrations applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(RoViecDbContext db, RoleManager<IdentityRole<Guid>> roles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(roles);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() });
        }
        return pending;
    }

    /// <summary>Null when the database has exactly the application's migrations; otherwise why the instance may not start.</summary>
    public static async Task<string?> ProblemAsync(RoViecDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        List<string> applied;
        try
        {
            applied = [.. await db.Database.GetAppliedMigrationsAsync(ct)];
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            return $"Không kết nối được cơ sở dữ liệu: {OneLine(e.Message)} (the database cannot be reached)";
        }
        var known = db.Database.GetMigrations().ToList();
        if (applied.Except(known, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
            return $"Cơ sở dữ liệu đã được nâng cấp bởi một phiên bản RoViec mới hơn (bản nâng cấp \"{unknown}\" không có trong ứng dụng này); hãy cài phiên bản mới. (the database is ahead of this application)";
        var pending = known.Except(applied, StringComparer.Ordinal).ToList();
        if (applied.Count == 0)
            return "Cơ sở dữ liệu còn trống: hãy chạy \"roviec migrate\" để tạo các bảng, rồi \"roviec admin create\" để tạo tài khoản quản trị. (the database is empty: run roviec migrate)";
        if (pending.Count > 0)
            return $"Cơ sở dữ liệu chưa được nâng cấp ({pending.Count} bản nâng cấp chưa áp dụng, bắt đầu từ \"{pending[0]}\"): hãy chạy \"roviec migrate\" trước khi khởi động. (the database is behind: run roviec migrate)";
        return null;
    }

    internal static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
