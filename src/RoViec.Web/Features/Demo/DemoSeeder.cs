using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Import;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Demo;

/// <summary>
/// On first run with an empty database: an administrator (password from ROVIEC_ADMIN_PASSWORD or a
/// random one printed once) and a demo commune whose plan is imported from a sample document, so a
/// new user sees a living system at once.
/// </summary>
internal sealed class DemoSeeder(RoViecDbContext db, UserManager<AppUser> users, IConfiguration configuration, ILogger<DemoSeeder> log)
{
    public const string AdminUserName = "admin";

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Communes.AnyAsync(ct)) return;

        var province = new Province { Id = Guid.NewGuid(), Name = "Nghệ An" };
        var commune = new Commune { Id = Guid.NewGuid(), Name = "Diễn Châu", ProvinceId = province.Id };
        db.Provinces.Add(province);
        db.Communes.Add(commune);
        await db.SaveChangesAsync(ct);

        await using (var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("demo-plan.txt")!)
        using (var memory = new MemoryStream())
        {
            await stream.CopyToAsync(memory, ct);
            if (PlanImporter.Import(memory.ToArray(), "dien-chau-ctr-2026.txt") is ImportOutcome.Imported imported)
                await ConfirmPlan.SaveAsync(db, commune.Id, imported.Draft, "dien-chau-ctr-2026.txt", ct);
        }

        var password = configuration["ROVIEC_ADMIN_PASSWORD"];
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = RandomPassword();
        var admin = new AppUser { Id = Guid.NewGuid(), UserName = AdminUserName, Email = "admin@roviec.local", FullName = "Quản trị hệ thống", CommuneId = commune.Id };
        var created = await users.CreateAsync(admin, password!);
        if (!created.Succeeded)
            throw new InvalidOperationException("Không tạo được tài khoản quản trị (admin not created): " + string.Join("; ", created.Errors.Select(e => e.Description)));
        if (generated)
        {
            // Printed once on the console; it is not stored anywhere else in clear.
            Console.WriteLine($"Tài khoản quản trị (administrator): {AdminUserName} / mật khẩu (password): {password}");
        }
        if (log.IsEnabled(LogLevel.Information)) log.LogInformation("Demo commune {Commune} created with its plan", commune.Name);
    }

    private static string RandomPassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(chars) + "!9a";
    }
}
