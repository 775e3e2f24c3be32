using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Organisation;

/// <summary>A member of the steering committee as the committee page shows them.</summary>
public sealed record SteeringMemberView(
    Guid Id, string FullName, string? Title, string Position, IReadOnlyList<string> Fields,
    IReadOnlyList<string> Units, string? UserName, int Order);

/// <summary>The commune's steering committee ("Ban Chỉ đạo"): head, deputies, members, standing office and support group.</summary>
public static class SteeringCommittee
{
    /// <summary>A member with its units, as stored (not tracked), or null.</summary>
    public static Task<SteeringMember?> FindAsync(RoViecDbContext db, Guid id, CancellationToken ct) =>
        db.SteeringMembers.AsNoTracking().Include(m => m.Units).FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>A member with its units, tracked, for a change the page has already checked it may make.</summary>
    public static Task<SteeringMember> TrackedAsync(RoViecDbContext db, Guid id, CancellationToken ct) =>
        db.SteeringMembers.Include(m => m.Units).FirstAsync(m => m.Id == id, ct);

    /// <summary>The commune's accounts a member may be tied to, by user name: "Full name (user)" or the user name.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> AccountsAsync(RoViecDbContext db, Guid communeId, CancellationToken ct) =>
        [.. (await db.Users.Where(u => u.CommuneId == communeId).OrderBy(u => u.UserName)
                .Select(u => new { u.Id, u.UserName, u.FullName }).ToListAsync(ct))
            .Select(u => (u.Id, u.FullName is null ? u.UserName ?? "" : $"{u.FullName} ({u.UserName})"))];

    private static readonly Dictionary<string, (string One, string Many)> Labels = new(StringComparer.Ordinal)
    {
        [SteeringPositions.Head] = ("Trưởng ban", "Trưởng ban"),
        [SteeringPositions.Deputy] = ("Phó Trưởng ban", "Phó Trưởng ban"),
        [SteeringPositions.Member] = ("Thành viên", "Thành viên"),
        [SteeringPositions.StandingOffice] = ("Cơ quan thường trực", "Cơ quan thường trực"),
        [SteeringPositions.SupportGroup] = ("Tổ giúp việc", "Tổ giúp việc"),
    };

    public static string PositionLabel(string position) => Labels.TryGetValue(position, out var label) ? label.One : position;

    public static bool IsPosition(string? position) => position is not null && Labels.ContainsKey(position);

    /// <summary>Fields stored as "a|b", typed one per line or separated by ";".</summary>
    public static IReadOnlyList<string> ParseFields(string? text) => UnitInput.ParseAliases(text);

    public static IReadOnlyList<string> SplitStored(string stored) =>
        [.. stored.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static async Task<IReadOnlyList<SteeringMemberView>> MembersAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        var members = await db.SteeringMembers.AsNoTracking().Include(m => m.Units).Where(m => m.CommuneId == communeId).ToListAsync(ct);
        var unitNames = await db.Units.Where(u => u.CommuneId == communeId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var userIds = members.Where(m => m.UserId != null).Select(m => m.UserId!.Value).ToList();
        var userNames = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", ct);
        var positions = SteeringPositions.All.ToList();
        return
        [
            .. members
                .OrderBy(m => positions.IndexOf(m.Position) is var i && i < 0 ? int.MaxValue : i)
                .ThenBy(m => m.Order)
                .ThenBy(m => m.FullName, StringComparer.Ordinal)
                .Select(m => new SteeringMemberView(
                    m.Id, m.FullName, m.Title, m.Position, SplitStored(m.Fields),
                    [.. m.Units.Select(u => unitNames.GetValueOrDefault(u.UnitId)).OfType<string>().Order(StringComparer.Ordinal)],
                    m.UserId is { } uid ? userNames.GetValueOrDefault(uid) : null, m.Order)),
        ];
    }
}
