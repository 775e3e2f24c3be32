using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Organisation;

/// <summary>What an administrator writes about a steering member.</summary>
public sealed record SteeringMemberInput(
    string FullName, string? Title, string Position, IReadOnlyList<string> Fields,
    IReadOnlyList<Guid> UnitIds, Guid? UserId, int Order);

public sealed record UnknownPosition() : AdminError("Position", "Hãy chọn vị trí trong Ban Chỉ đạo.");

public sealed record UnitNotInCommune() : AdminError("UnitIds", "Có đơn vị không thuộc xã này.");

public sealed record AccountNotInCommune() : AdminError("UserId", "Tài khoản được chọn không thuộc xã này.");

public sealed record AccountAlreadyLinked(string Member) : AdminError("UserId", $"Tài khoản này đã gắn với thành viên {Member}.");

public sealed record MemberGone() : AdminError("", "Thành viên này vừa bị người khác xóa khỏi Ban Chỉ đạo.")
{
    public override Refusal Refusal => Refusal.NotFound;
}

/// <summary>The result of a change to the steering committee.</summary>
public abstract record MemberOutcome
{
    public sealed record Saved(SteeringMember Member) : MemberOutcome;

    public sealed record Refused(AdminError Error) : MemberOutcome, IRefused
    {
        public Refusal Refusal => Error.Refusal;
        public string Message => Error.Message;
    }

    /// <summary>Someone else saved the member since the form was read; nothing was overwritten.</summary>
    public sealed record Conflict(SteeringMember Theirs) : MemberOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
        public string Message => "Thành viên vừa được người khác sửa; chưa có gì bị ghi đè.";
    }
}

/// <summary>
/// Adds, changes or removes a steering member with the units they are over and the account they
/// sign in with. A change to a member made from a stale form is a conflict, never an overwrite.
/// </summary>
public static class SaveSteeringMember
{
    public static async Task<MemberOutcome> AddAsync(RoViecDbContext db, Guid communeId, SteeringMemberInput input, CancellationToken ct)
    {
        if (await CheckAsync(db, communeId, null, input, ct) is { } error) return new MemberOutcome.Refused(error);
        var member = new SteeringMember
        {
            Id = Guid.NewGuid(),
            CommuneId = communeId,
            FullName = input.FullName,
            Position = input.Position,
            Version = Guid.NewGuid(),
        };
        Apply(member, input);
        db.SteeringMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return new MemberOutcome.Saved(member);
    }

    /// <param name="member">Tracked, with its units loaded.</param>
    public static async Task<MemberOutcome> UpdateAsync(RoViecDbContext db, SteeringMember member, SteeringMemberInput input, Guid version, CancellationToken ct)
    {
        if (await CheckAsync(db, member.CommuneId, member.Id, input, ct) is { } error) return new MemberOutcome.Refused(error);
        db.Entry(member).Property(m => m.Version).OriginalValue = version;
        Apply(member, input);
        member.Version = Guid.NewGuid();
        return await SaveOrConflictAsync(db, member, ct);
    }

    public static async Task<MemberOutcome> RemoveAsync(RoViecDbContext db, SteeringMember member, Guid version, CancellationToken ct)
    {
        db.Entry(member).Property(m => m.Version).OriginalValue = version;
        db.SteeringMemberUnits.RemoveRange(member.Units);
        db.SteeringMembers.Remove(member);
        return await SaveOrConflictAsync(db, member, ct);
    }

    private static void Apply(SteeringMember member, SteeringMemberInput input)
    {
        member.FullName = input.FullName;
        member.Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim();
        member.Position = input.Position;
        member.Fields = string.Join('|', input.Fields);
        member.UserId = input.UserId;
        member.Order = input.Order;
        var wanted = input.UnitIds.ToHashSet();
        member.Units.RemoveAll(u => !wanted.Contains(u.UnitId));
        foreach (var unitId in wanted.Where(id => member.Units.All(u => u.UnitId != id)))
            member.Units.Add(new SteeringMemberUnit { Id = Guid.NewGuid(), CommuneId = member.CommuneId, MemberId = member.Id, UnitId = unitId });
    }

    private static async Task<AdminError?> CheckAsync(RoViecDbContext db, Guid communeId, Guid? memberId, SteeringMemberInput input, CancellationToken ct)
    {
        if (!SteeringCommittee.IsPosition(input.Position)) return new UnknownPosition();
        if (input.UnitIds.Count > 0)
        {
            var known = await db.Units.CountAsync(u => u.CommuneId == communeId && input.UnitIds.Contains(u.Id), ct);
            if (known != input.UnitIds.Distinct().Count()) return new UnitNotInCommune();
        }
        if (input.UserId is { } userId)
        {
            if (!await db.Users.AnyAsync(u => u.Id == userId && u.CommuneId == communeId, ct)) return new AccountNotInCommune();
            var other = await db.SteeringMembers.Where(m => m.CommuneId == communeId && m.UserId == userId && m.Id != memberId)
                .Select(m => m.FullName).FirstOrDefaultAsync(ct);
            if (other is not null) return new AccountAlreadyLinked(other);
        }
        return null;
    }

    private static async Task<MemberOutcome> SaveOrConflictAsync(RoViecDbContext db, SteeringMember member, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new MemberOutcome.Saved(member);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var theirs = await db.SteeringMembers.AsNoTracking().Include(m => m.Units).FirstOrDefaultAsync(m => m.Id == member.Id, ct);
            return theirs is null ? new MemberOutcome.Refused(new MemberGone()) : new MemberOutcome.Conflict(theirs);
        }
    }
}
