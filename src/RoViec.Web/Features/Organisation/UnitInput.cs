using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Organisation;

/// <summary>What an administrator writes about a unit: its name, kind, the unit above it and the other names plans use for it.</summary>
public sealed record UnitInput(string Name, string Kind, Guid? ParentId, IReadOnlyList<string> Aliases)
{
    /// <summary>Aliases typed one per line (or separated by ";"), cleaned and without duplicates; "|" is the stored separator.</summary>
    public static IReadOnlyList<string> ParseAliases(string? text) =>
        [.. (text ?? "").Split(['\n', '\r', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(VietnameseText.Squash).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    public string StoredAliases => string.Join('|', Aliases);

    /// <summary>The refusals that do not depend on the unit's own history: kind, parent in the commune and no cycle, unique name.</summary>
    internal async Task<AdminError?> CheckAsync(RoViecDbContext db, Guid communeId, Guid? unitId, CancellationToken ct)
    {
        if (!UnitKindLabels.IsKnown(Kind)) return new UnknownKind();
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId)
            .Select(u => new { u.Id, u.ParentId, u.Name }).ToListAsync(ct);
        if (ParentId is { } parentId)
        {
            if (units.All(u => u.Id != parentId)) return new UnknownParent();
            // Walk up from the new parent: meeting the unit itself means it would sit under its own descendant.
            var parents = units.ToDictionary(u => u.Id, u => u.ParentId);
            var seen = new HashSet<Guid>();
            for (Guid? at = parentId; at is { } current && seen.Add(current); at = parents.GetValueOrDefault(current))
            {
                if (current == unitId) return new ParentCycle();
            }
        }
        var folded = VietnameseText.Fold(Name);
        if (units.Any(u => u.Id != unitId && VietnameseText.Fold(u.Name) == folded)) return new DuplicateUnitName(Name);
        return null;
    }
}

/// <summary>The result of a change to a unit.</summary>
public abstract record UnitOutcome
{
    public sealed record Saved(OrgUnit Unit) : UnitOutcome;

    public sealed record Refused(AdminError Error) : UnitOutcome, IRefused
    {
        public Refusal Refusal => Error.Refusal;
        public string Message => Error.Message;
    }

    /// <summary>Someone else saved the unit since the form was read; nothing was overwritten.</summary>
    public sealed record Conflict(OrgUnit Theirs) : UnitOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
        public string Message => "Đơn vị vừa được người khác sửa; chưa có gì bị ghi đè.";
    }
}
