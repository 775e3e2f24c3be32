using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Accounts;

namespace RoViec.Web.Features.Operations;

/// <summary>
/// <c>roviec admin create</c>: the accounts a production database starts with, made by the server's operator and
/// nobody else. The commune (and its province) is created when it does not exist yet. The password is typed (twice,
/// not echoed; or one line on standard input when it is piped) and checked by the same rules as the web form, or the
/// command prints a one-time set-password link (<c>--link</c>) for the person to choose their own. The place, the
/// account and its role are saved together or not at all.
/// </summary>
public static class AdminCommand
{
    /// <summary>The roles the command gives, by the word typed: the first administrators and the offices above communes.</summary>
    public static readonly IReadOnlyDictionary<string, string> RoleNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["quan-tri"] = Roles.Administrator,
        ["van-phong-tinh"] = Roles.ProvinceOffice,
        ["trung-uong"] = Roles.NationalOffice,
    };

    public static async Task<int> RunAsync(IServiceProvider services, OperatorCommands.CreateAdmin request, TextReader input, bool interactive, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var db = services.GetRequiredService<RoViecDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (await Schema.ProblemAsync(db, ct) is { } schema)
        {
            error.WriteLine(schema);
            return OperatorCommands.BadInput;
        }
        var role = RoleNames[request.Role];
        if (Shape(request, role) is { } wrong)
        {
            error.WriteLine(wrong);
            return OperatorCommands.BadInput;
        }
        if (await users.FindByNameAsync(request.UserName) is not null)
        {
            error.WriteLine($"Tên đăng nhập \"{request.UserName}\" đã có người dùng; hãy chọn tên khác. (the user name is taken)");
            return OperatorCommands.BadInput;
        }
        var publicUrl = configuration["RoViec:PublicUrl"];
        if (request.Link && string.IsNullOrWhiteSpace(publicUrl))
        {
            error.WriteLine("Đường dẫn đặt mật khẩu cần địa chỉ công khai của trang: hãy đặt RoViec__PublicUrl (ví dụ https://roviec.nghean.gov.vn). (--link needs RoViec:PublicUrl)");
            return OperatorCommands.BadInput;
        }
        string? password = null;
        if (!request.Link)
        {
            password = ReadPassword(input, interactive, output, out var mismatch);
            if (mismatch || string.IsNullOrEmpty(password))
            {
                error.WriteLine(mismatch
                    ? "Hai lần nhập mật khẩu không khớp; không tạo tài khoản. (the passwords differ)"
                    : "Chưa nhập mật khẩu; hãy nhập mật khẩu hoặc dùng --link để in đường dẫn đặt mật khẩu. (no password given)");
                return OperatorCommands.BadInput;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (provinceId, communeId, created) = await PlaceAsync(db, request, ct);
        if (request.Commune is not null && communeId is null)
        {
            error.WriteLine(request.Province is null
                ? $"Chưa có xã \"{request.Commune}\": để tạo xã mới, hãy ghi thêm --province \"Tên tỉnh\". (unknown commune; add --province to create it)"
                : $"Có nhiều xã tên \"{request.Commune}\"; hãy ghi thêm --province để chọn. (ambiguous commune)");
            return OperatorCommands.BadInput;
        }
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = request.UserName,
            FullName = request.FullName ?? request.UserName,
            Email = request.Email,
            ProvinceId = provinceId,
            CommuneId = communeId,
            CreatedAtUtc = now,
            LockoutEnabled = true,
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            error.WriteLine("Không tạo được tài khoản: " + string.Join(" ", result.Errors.Select(e => e.Description)) + " (the account was not created)");
            return OperatorCommands.BadInput;
        }
        await transaction.CommitAsync(ct);
        foreach (var line in created) output.WriteLine(line);
        var place = communeId is not null ? $"xã {request.Commune}" : provinceId is not null ? $"tỉnh {request.Province}" : "cấp trung ương";
        output.WriteLine($"Đã tạo tài khoản \"{user.UserName}\" ({RoleLabels.For(role)}, {place}). (account created)");
        if (request.Link)
        {
            var link = await SetPasswordLink.IssueAsync(users, user, publicUrl!);
            output.WriteLine($"Đường dẫn đặt mật khẩu, dùng một lần trong {SetPasswordLink.Lifespan.Days} ngày: {link}");
        }
        return OperatorCommands.Ok;
    }

    /// <summary>What the role needs: an administrator belongs to a commune or a province, the province office to a province, the national office to neither.</summary>
    private static string? Shape(OperatorCommands.CreateAdmin request, string role) => role switch
    {
        Roles.Administrator when request.Commune is null && request.Province is null =>
            "Quản trị viên thuộc một xã hoặc một tỉnh: hãy ghi --commune \"Tên xã\" --province \"Tên tỉnh\", hoặc chỉ --province cho quản trị viên cấp tỉnh. (name the commune or province)",
        Roles.ProvinceOffice when request.Province is null || request.Commune is not null =>
            "Tài khoản văn phòng tỉnh cần --province \"Tên tỉnh\" và không thuộc xã nào. (the province office needs --province and no --commune)",
        Roles.NationalOffice when request.Province is not null || request.Commune is not null =>
            "Tài khoản trung ương không thuộc tỉnh hay xã nào; hãy bỏ --province và --commune. (the national office belongs to no place)",
        _ => null,
    };

    /// <summary>The account's province and commune, created when missing; lines saying what was created.</summary>
    private static async Task<(Guid? Province, Guid? Commune, List<string> Created)> PlaceAsync(RoViecDbContext db, OperatorCommands.CreateAdmin request, CancellationToken ct)
    {
        var created = new List<string>();
        Province? province = null;
        if (request.Province is { } provinceName)
        {
            var key = VietnameseText.Fold(provinceName);
            province = (await db.Provinces.ToListAsync(ct)).FirstOrDefault(p => VietnameseText.Fold(p.Name) == key);
            if (province is null)
            {
                province = new Province { Id = Guid.NewGuid(), Name = provinceName };
                db.Provinces.Add(province);
                created.Add($"Đã tạo tỉnh \"{provinceName}\". (province created)");
            }
        }
        if (request.Commune is not { } communeName) return (province?.Id, null, created);
        var communeKey = VietnameseText.Fold(communeName);
        var matches = (await db.Communes.ToListAsync(ct))
            .Where(c => VietnameseText.Fold(c.Name) == communeKey && (province is null || c.ProvinceId == province.Id)).ToList();
        if (matches.Count == 1) return (matches[0].ProvinceId, matches[0].Id, created);
        if (matches.Count > 1 || province is null) return (province?.Id, null, created);
        var commune = new Commune { Id = Guid.NewGuid(), Name = communeName, ProvinceId = province.Id };
        db.Communes.Add(commune);
        await db.SaveChangesAsync(ct);
        created.Add($"Đã tạo xã \"{communeName}\" thuộc tỉnh \"{province.Name}\". (commune created)");
        return (province.Id, commune.Id, created);
    }

    /// <summary>Typed twice without echo at a terminal; one line when standard input is piped.</summary>
    private static string? ReadPassword(TextReader input, bool interactive, TextWriter output, out bool mismatch)
    {
        mismatch = false;
        if (!interactive) return input.ReadLine();
        output.Write("Mật khẩu (password): ");
        var first = ReadHidden();
        output.Write("Nhập lại mật khẩu (again): ");
        var second = ReadHidden();
        mismatch = first != second;
        return first;
    }

    private static string ReadHidden()
    {
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
                continue;
            }
            text.Append(key.KeyChar);
        }
        Console.WriteLine();
        return text.ToString();
    }
}
