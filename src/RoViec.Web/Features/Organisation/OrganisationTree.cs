using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Organisation;

/// <summary>A unit in the commune's tree, with how many accounts sit in it and how many tasks of the current plan it leads.</summary>
public sealed record UnitNode(OrgUnit Unit, int Users, int Tasks, IReadOnlyList<UnitNode> Children);

/// <summary>The units of a commune as a tree (ParentId nesting), read in three queries.</summary>
public static class OrganisationTree
{
    public static async Task<IReadOnlyList<UnitNode>> LoadAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).ToListAsync(ct);
        var users = await db.Users.Where(u => u.CommuneId == communeId && u.UnitId != null)
            .GroupBy(u => u.UnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var activePlans = db.Plans.Where(p => p.CommuneId == communeId && p.Status == PlanStatuses.Active).Select(p => p.Id);
        var tasks = await db.Tasks.Where(t => t.CommuneId == communeId && t.LeadUnitId != null && activePlans.Contains(t.PlanId))
            .GroupBy(t => t.LeadUnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var ids = units.Select(u => u.Id).ToHashSet();
        var children = units.Where(u => u.ParentId is { } p && ids.Contains(p)).ToLookup(u => u.ParentId!.Value);
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), true);
        var placed = new HashSet<Guid>();

        UnitNode Node(OrgUnit unit)
        {
            placed.Add(unit.Id);
            var below = children[unit.Id].Where(c => !placed.Contains(c.Id)).OrderBy(c => c.Name, comparer).ToList();
            return new UnitNode(unit, users.GetValueOrDefault(unit.Id), tasks.GetValueOrDefault(unit.Id), [.. below.Select(Node)]);
        }

        var roots = units.Where(u => u.ParentId is not { } p || !ids.Contains(p)).OrderBy(u => u.Name, comparer).Select(Node).ToList();
        // Rows caught in a cycle written outside the application would have no root: shown at the top, never lost.
        foreach (var unit in units.OrderBy(u => u.Name, comparer).ToList())
        {
            if (!placed.Contains(unit.Id)) roots.Add(Node(unit));
        }
        return roots;
    }

    /// <summary>Flattened depth-first with each unit's depth, for a select of parents.</summary>
    public static IEnumerable<(UnitNode Node, int Depth)> Flatten(IEnumerable<UnitNode> nodes, int depth = 0)
    {
        foreach (var node in nodes)
        {
            yield return (node, depth);
            foreach (var child in Flatten(node.Children, depth + 1)) yield return child;
        }
    }
}
