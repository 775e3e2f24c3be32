using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Notifications;

/// <summary>
/// Who in a commune is told about a unit's work: its reporters (role UnitReporter in the unit), its heads
/// (UnitHead in the unit), the steering members over it (<see cref="SteeringMemberUnit"/>) and the member
/// who directs a task ("trực tiếp chỉ đạo"), and the commune's standing office. Read once per commune and tick.
/// </summary>
public sealed class Recipients
{
    public sealed record Member(Guid UserId, string FoldedName, string FoldedTitle);

    private readonly ILookup<Guid, Guid> _reporters;
    private readonly ILookup<Guid, Guid> _heads;
    private readonly ILookup<Guid, Guid> _steering;
    private readonly IReadOnlyList<Member> _members;

    /// <summary>The commune's standing office (role StandingOffice), told when a report reaches it.</summary>
    public IReadOnlyList<Guid> StandingOffice { get; }

    private Recipients(ILookup<Guid, Guid> reporters, ILookup<Guid, Guid> heads, ILookup<Guid, Guid> steering, IReadOnlyList<Member> members, IReadOnlyList<Guid> office)
    {
        StandingOffice = office;
        _reporters = reporters;
        _heads = heads;
        _steering = steering;
        _members = members;
    }

    public static Task<Recipients> LoadAsync(RoViecDbContext db, Guid communeId, CancellationToken ct) => LoadAsync(db, communeId, steering: true, ct);

    /// <summary>
    /// The commune's reporters, heads and standing office only, in one statement: enough for a report's round trip, which
    /// tells no steering member (<see cref="SteeringOver"/> and the directing member are then empty).
    /// </summary>
    public static Task<Recipients> LoadUnitPeopleAsync(RoViecDbContext db, Guid communeId, CancellationToken ct) => LoadAsync(db, communeId, steering: false, ct);

    private static async Task<Recipients> LoadAsync(RoViecDbContext db, Guid communeId, bool steering, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where u.CommuneId == communeId
                                && ((u.UnitId != null && (r.Name == Roles.UnitReporter || r.Name == Roles.UnitHead)) || r.Name == Roles.StandingOffice)
                            select new { u.Id, u.UnitId, r.Name }).ToListAsync(ct);
        var over = !steering ? [] : await (from m in db.SteeringMembers
                                           join mu in db.SteeringMemberUnits on m.Id equals mu.MemberId
                                           where m.CommuneId == communeId && m.UserId != null
                                           select new { mu.UnitId, UserId = m.UserId!.Value }).ToListAsync(ct);
        var members = !steering ? [] : await db.SteeringMembers.AsNoTracking().Where(m => m.CommuneId == communeId && m.UserId != null)
            .Select(m => new { UserId = m.UserId!.Value, m.FullName, m.Title }).ToListAsync(ct);
        return new Recipients(
            people.Where(p => p.Name == Roles.UnitReporter && p.UnitId is not null).ToLookup(p => p.UnitId!.Value, p => p.Id),
            people.Where(p => p.Name == Roles.UnitHead && p.UnitId is not null).ToLookup(p => p.UnitId!.Value, p => p.Id),
            over.ToLookup(o => o.UnitId, o => o.UserId),
            [.. members.Select(m => new Member(m.UserId, VietnameseText.Fold(m.FullName), VietnameseText.Fold(m.Title)))],
            [.. people.Where(p => p.Name == Roles.StandingOffice).Select(p => p.Id).Distinct()]);
    }

    public IEnumerable<Guid> Reporters(Guid unitId) => _reporters[unitId];

    public IEnumerable<Guid> Heads(Guid unitId) => _heads[unitId];

    public IEnumerable<Guid> SteeringOver(Guid unitId) => _steering[unitId].Distinct();

    /// <summary>
    /// The steering members a task's "trực tiếp chỉ đạo" names, matched without diacritics against their title
    /// or full name: an exact match first, else the longest title or name the text contains ("Phó Chủ tịch UBND
    /// xã" names the vice-chair, not the chair). Nobody when the text names no member.
    /// </summary>
    public IReadOnlyList<Guid> Directing(string? directing)
    {
        var text = VietnameseText.Fold(directing);
        if (text.Length == 0) return [];
        var exact = _members.Where(m => m.FoldedTitle == text || m.FoldedName == text).Select(m => m.UserId).Distinct().ToList();
        if (exact.Count > 0) return exact;
        var padded = " " + text + " ";
        var contained = _members
            .Select(m => (m.UserId, Length: Math.Max(Within(padded, m.FoldedTitle), Within(padded, m.FoldedName))))
            .Where(m => m.Length > 0).ToList();
        if (contained.Count == 0) return [];
        var longest = contained.Max(m => m.Length);
        return [.. contained.Where(m => m.Length == longest).Select(m => m.UserId).Distinct()];
    }

    /// <summary>The length of <paramref name="words"/> when the text holds them as whole words, else 0.</summary>
    private static int Within(string paddedText, string words) =>
        words.Length > 0 && paddedText.Contains(" " + words + " ", StringComparison.Ordinal) ? words.Length : 0;
}
