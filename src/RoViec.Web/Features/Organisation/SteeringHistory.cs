using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.History;

namespace RoViec.Web.Features.Organisation;

/// <summary>The steering committee's recorded changes as rows: members' fields, and units given to or taken from a member.</summary>
public static class SteeringHistory
{
    private static readonly Dictionary<string, string> MemberLabels = new(StringComparer.Ordinal)
    {
        [nameof(SteeringMember.FullName)] = "Họ và tên",
        [nameof(SteeringMember.Title)] = "Chức vụ",
        [nameof(SteeringMember.Position)] = "Vị trí",
        [nameof(SteeringMember.Fields)] = "Lĩnh vực phụ trách",
        [nameof(SteeringMember.UserId)] = "Tài khoản",
        [nameof(SteeringMember.Order)] = "Thứ tự",
    };

    /// <summary>The committee's last 100 recorded changes, newest first.</summary>
    public static async Task<IReadOnlyList<HistoryRow>> LatestAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = await db.Audit.AsNoTracking()
            .Where(a => a.CommuneId == communeId && (a.Entity == nameof(SteeringMember) || a.Entity == nameof(SteeringMemberUnit)))
            .OrderByDescending(a => a.Id).Take(100).ToListAsync(ct);
        return await DescribeAsync(db, communeId, entries, ct);
    }

    /// <summary>One member's recorded changes (its fields, and units given to or taken from it), newest first.</summary>
    public static async Task<IReadOnlyList<HistoryRow>> OfMemberAsync(RoViecDbContext db, Guid communeId, Guid memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = memberId.ToString();
        var entries = (await db.Audit.AsNoTracking()
                .Where(a => a.CommuneId == communeId && (a.Entity == nameof(SteeringMember) && a.EntityId == key || a.Entity == nameof(SteeringMemberUnit)))
                .OrderByDescending(a => a.Id).Take(300).ToListAsync(ct))
            .Where(a => a.Entity == nameof(SteeringMember)
                || string.Equals(ChangeHistory.Values(a.After ?? a.Before).GetValueOrDefault(nameof(SteeringMemberUnit.MemberId)), key, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return await DescribeAsync(db, communeId, entries, ct);
    }

    public static async Task<IReadOnlyList<HistoryRow>> DescribeAsync(RoViecDbContext db, Guid communeId, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var units = await db.Units.Where(u => u.CommuneId == communeId).ToDictionaryAsync(u => u.Id.ToString(), u => u.Name, StringComparer.OrdinalIgnoreCase, ct);
        var users = await db.Users.Where(u => u.CommuneId == communeId).ToDictionaryAsync(u => u.Id.ToString(), u => u.UserName ?? "", StringComparer.OrdinalIgnoreCase, ct);
        // Members' names from their own entries, so a removed member is still named.
        var members = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries.Where(e => e.Entity == nameof(SteeringMember)).OrderBy(e => e.Id))
        {
            var name = ChangeHistory.Values(e.After).GetValueOrDefault(nameof(SteeringMember.FullName))
                ?? ChangeHistory.Values(e.Before).GetValueOrDefault(nameof(SteeringMember.FullName));
            if (name is not null) members[e.EntityId] = name;
        }
        foreach (var m in await db.SteeringMembers.Where(m => m.CommuneId == communeId).Select(m => new { m.Id, m.FullName }).ToListAsync(ct))
            members[m.Id.ToString()] = m.FullName;

        var rows = new List<HistoryRow>();
        foreach (var e in entries)
        {
            if (e.Entity == nameof(SteeringMemberUnit))
            {
                var values = ChangeHistory.Values(e.After ?? e.Before);
                var member = members.GetValueOrDefault(values.GetValueOrDefault(nameof(SteeringMemberUnit.MemberId)) ?? "", "(thành viên đã xóa)");
                var unit = units.GetValueOrDefault(values.GetValueOrDefault(nameof(SteeringMemberUnit.UnitId)) ?? "", "(đơn vị đã xóa)");
                var action = e.Action == "delete" ? "Thôi phụ trách đơn vị" : "Phụ trách đơn vị";
                rows.Add(new HistoryRow(RoViec.Domain.Text.VietnamTime.FromUtc(e.AtUtc), e.Actor ?? "", action, [new FieldChange(member, null, unit)]));
                continue;
            }
            var row = ChangeHistory.Describe(e, MemberLabels, (field, value) => field switch
            {
                nameof(SteeringMember.Position) => value is null ? null : SteeringCommittee.PositionLabel(value),
                nameof(SteeringMember.Fields) => value is null ? null : string.Join("; ", value.Split('|', StringSplitOptions.RemoveEmptyEntries)),
                nameof(SteeringMember.UserId) => value is null ? "—" : users.GetValueOrDefault(value, "(tài khoản khác)"),
                _ => value,
            });
            var who = members.GetValueOrDefault(e.EntityId, "");
            rows.Add(row with { Action = row.Action + (who.Length > 0 ? " thành viên " + who : "") });
        }
        return rows;
    }
}
