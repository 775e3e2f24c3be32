using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Demo;

/// <summary>
/// On first run with an empty database: an administrator (password from ROVIEC_ADMIN_PASSWORD or a
/// random one printed once) and a demo commune whose plan is imported from a sample document, so a
/// new user sees a living system at once.
/// </summary>
internal sealed class DemoSeeder(RoViecDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IConfiguration configuration, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public const string AdminUserName = "admin";

    /// <summary>Demo accounts, one per kind of work, all with the administrator's password: (user name, full name, role, unit key).</summary>
    public static readonly IReadOnlyList<(string UserName, string FullName, string Role, string? UnitKey)> DemoUsers =
    [
        ("thuongtruc", "Nguyễn Thị Thường Trực", Roles.StandingOffice, "phong-van-hoa-xa-hoi"),
        ("congan", "Trần Văn Công", Roles.UnitReporter, "cong-an"),
        ("truongcongan", "Lê Văn Trưởng", Roles.UnitHead, "cong-an"),
        ("vhxh", "Phạm Thị Hoa", Roles.UnitReporter, "phong-van-hoa-xa-hoi"),
        ("thanhvien", "Hồ Văn Chỉ Đạo", Roles.SteeringMember, null),
        ("truongban", "Nguyễn Văn Bí Thư", Roles.Chair, null),
        ("ubkt", "Đặng Thị Kiểm Tra", Roles.Inspector, null),
    ];

    /// <summary>The province office account of the demo province.</summary>
    public const string ProvinceUserName = "tinh";

    /// <summary>The national office's account: the national view over provinces.</summary>
    public const string NationalUserName = "trunguong";

    /// <summary>Creates the demo commune when the database has none; returns its id when it did.</summary>
    public async Task<Guid?> SeedIfEmptyAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() });
        }
        if (await db.Communes.AnyAsync(ct)) return null;

        var province = new Province { Id = Guid.NewGuid(), Name = "Nghệ An" };
        var commune = new Commune { Id = Guid.NewGuid(), Name = "Diễn Châu", ProvinceId = province.Id };
        db.Provinces.Add(province);
        db.Communes.Add(commune);
        await db.SaveChangesAsync(ct);

        // The demo lives in the current year: the sample plan's dates moved to this year, its text as written.
        await PlanDrafts.CreateConfirmedAsync(db, commune.Id, DemoPlan.For(clock.VietnamToday().Year), DemoPlan.FileName, "hệ thống", clock.GetUtcNow().UtcDateTime, ct);

        var password = configuration["ROVIEC_ADMIN_PASSWORD"];
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = RandomPassword();
        await CreateUserAsync(new AppUser { UserName = AdminUserName, Email = "admin@roviec.local", FullName = "Quản trị hệ thống", CommuneId = commune.Id, ProvinceId = province.Id }, password!, Roles.Administrator);
        foreach (var (userName, fullName, role, unitKey) in DemoUsers)
        {
            var unitId = unitKey is null ? null : (Guid?)await UnitAsync(commune.Id, unitKey, ct);
            await CreateUserAsync(new AppUser { UserName = userName, Email = $"{userName}@roviec.local", FullName = fullName, CommuneId = commune.Id, ProvinceId = province.Id, UnitId = unitId }, password!, role);
        }
        await CreateUserAsync(new AppUser { UserName = ProvinceUserName, Email = $"{ProvinceUserName}@roviec.local", FullName = "Văn phòng Ban Chỉ đạo tỉnh", ProvinceId = province.Id }, password!, Roles.ProvinceOffice);
        await CreateUserAsync(new AppUser { UserName = NationalUserName, Email = $"{NationalUserName}@roviec.local", FullName = "Văn phòng Ban Chỉ đạo Trung ương" }, password!, Roles.NationalOffice);
        await SeedSteeringCommitteeAsync(commune.Id, ct);
        await DemoProposals.SeedAsync(db, commune.Id, clock.VietnamToday(), clock.GetUtcNow().UtcDateTime, ct);
        if (generated)
        {
            // Printed once on the console; it is not stored anywhere else in clear.
            Console.WriteLine($"Tài khoản quản trị (administrator): {AdminUserName} / mật khẩu (password): {password}");
        }
        Console.WriteLine($"Tài khoản mẫu (demo accounts, same password as {AdminUserName}): {string.Join(", ", DemoUsers.Select(u => u.UserName).Append(ProvinceUserName).Append(NationalUserName))}");
        if (log.IsEnabled(LogLevel.Information)) log.LogInformation("Demo commune {Commune} created with its plan", commune.Name);
        return commune.Id;
    }

    /// <summary>
    /// The committee's head (the chair's account) over every unit, and one member over the police and the
    /// people's committee, so late reports and slipping tasks of those units reach a person.
    /// </summary>
    private async Task SeedSteeringCommitteeAsync(Guid communeId, CancellationToken ct)
    {
        var accounts = await db.Users.Where(u => u.CommuneId == communeId && (u.UserName == "truongban" || u.UserName == "thanhvien"))
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var units = await db.Units.Where(u => u.CommuneId == communeId && u.Active).ToListAsync(ct);
        var head = new SteeringMember { Id = Guid.NewGuid(), CommuneId = communeId, UserId = accounts.GetValueOrDefault("truongban"), FullName = "Nguyễn Văn Bí Thư", Title = "Bí thư Đảng ủy xã", Position = SteeringPositions.Head, Fields = "Khoa học, công nghệ|Chuyển đổi số|Cải cách hành chính|Đề án 06", Order = 0, Version = Guid.NewGuid() };
        var member = new SteeringMember { Id = Guid.NewGuid(), CommuneId = communeId, UserId = accounts.GetValueOrDefault("thanhvien"), FullName = "Hồ Văn Chỉ Đạo", Title = "Phó Chủ tịch UBND xã", Position = SteeringPositions.Member, Fields = "Đề án 06|Cải cách hành chính", Order = 1, Version = Guid.NewGuid() };
        db.SteeringMembers.AddRange(head, member);
        foreach (var unit in units.Where(CommuneCatalog.IsAssignable))
        {
            db.SteeringMemberUnits.Add(new SteeringMemberUnit { Id = Guid.NewGuid(), CommuneId = communeId, MemberId = head.Id, UnitId = unit.Id });
            if (unit.Key is "cong-an" or "ubnd")
                db.SteeringMemberUnits.Add(new SteeringMemberUnit { Id = Guid.NewGuid(), CommuneId = communeId, MemberId = member.Id, UnitId = unit.Id });
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task CreateUserAsync(AppUser user, string password, string role)
    {
        user.Id = Guid.NewGuid();
        user.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, role);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Không tạo được tài khoản {user.UserName} (account not created): " + string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>The commune's unit with this catalogue key, added from the catalogue if the plan did not name it.</summary>
    private async Task<Guid> UnitAsync(Guid communeId, string key, CancellationToken ct)
    {
        var existing = await db.Units.Where(u => u.CommuneId == communeId && u.Key == key).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id) return id;
        var unit = RoViec.Domain.Units.UnitCatalog.CreateDefault().Units.First(u => u.Id == key);
        var row = new OrgUnit { Id = Guid.NewGuid(), CommuneId = communeId, Key = key, Name = unit.Name, Kind = unit.Kind.ToString(), Aliases = string.Join('|', unit.Aliases), Version = Guid.NewGuid() };
        db.Units.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    /// <summary>
    /// Letters and digits taking turns, then "!9Aa": no two random letters side by side, so the password can never hold a
    /// demo account's name, user name or commune (Accounts/PasswordStrength refuses those, and the same password serves
    /// every demo account); the digits are none that stand for a letter ("0" for "o"). About 60 bits.
    /// </summary>
    private static string RandomPassword()
    {
        const string letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        const string digits = "2689";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i % 2 == 0 ? letters[RandomNumberGenerator.GetInt32(letters.Length)] : digits[RandomNumberGenerator.GetInt32(digits.Length)];
        return new string(chars) + "!9Aa";
    }
}
