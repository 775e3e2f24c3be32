using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Units;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// The officer's decisions for every unknown unit name of a draft, sent together from the mapping screen and saved in
/// one go or not at all: each name goes to an existing unit of the commune, a catalogue unit the commune will get, a
/// new unit of the commune (with its kind), an upper-level or outside body kept as text, or is ignored; a name left
/// undecided stays open. The organisation is not touched: the decisions are kept on the draft (its tasks led by a name
/// mapped to an existing unit point at that unit at once) and applied when the draft is confirmed (<see cref="DraftUnits.Apply"/>).
/// </summary>
public static class MapUnknownNames
{
    /// <summary>One row of the form: the name as the screen showed it, the choice ("unit:{id}", "catalog:{key}", "new", "outside", "ignore" or empty), the kind of a new unit.</summary>
    public sealed record Row(string? Name, string? Choice, string? Kind);

    public abstract record Outcome
    {
        private Outcome() { }

        /// <summary>Saved; how many names now have a decision, and how many are still open.</summary>
        public sealed record Saved(int Decided, int Open) : Outcome;

        public sealed record NotFound : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.NotFound;
            public string Message => "Không có bản nháp kế hoạch này.";
        }

        /// <summary>Every reason the form is refused, one sentence each; nothing was saved.</summary>
        public sealed record Invalid(IReadOnlyList<string> Reasons) : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.Invalid;
            public string Message => string.Join(" ", Reasons);
        }

        /// <summary>Someone saved decisions for this draft after the officer opened the screen; nothing was saved.</summary>
        public sealed record Conflict : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.Conflict;
            public string Message => "Các lựa chọn đơn vị của bản nháp vừa được người khác lưu trong lúc bạn xem; chưa có gì thay đổi. Trang dưới đây là bản mới nhất, hãy xem lại rồi lưu lại.";
        }
    }

    /// <summary>The kinds a new unit may have: not a group, not "unknown".</summary>
    public static readonly IReadOnlyList<string> NewKinds = [.. Enum.GetNames<UnitKind>().Where(k => k is not (nameof(UnitKind.Group) or nameof(UnitKind.Unrecognised)))];

    /// <summary>A short fingerprint of the decisions as the screen read them, so that a save over someone else's is a conflict.</summary>
    public static string Fingerprint(string? unitChoices) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(unitChoices ?? "")))[..16];

    public static async Task<Outcome> RunAsync(RoViecDbContext db, Guid communeId, Guid planId, IReadOnlyList<Row> rows, string? seen, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId && p.CommuneId == communeId && p.Status == PlanStatuses.Draft, ct);
        if (plan is null) return new Outcome.NotFound();
        if (seen is not null && seen != Fingerprint(plan.UnitChoices)) return new Outcome.Conflict();
        var tasks = await db.Tasks.Where(t => t.PlanId == planId).ToListAsync(ct);
        var indicators = await db.Indicators.Where(i => i.PlanId == planId).ToListAsync(ct);
        var units = await CommuneUnits.LoadAsync(db, communeId, ct);
        var current = DraftUnits.Read(plan.UnitChoices);
        var unknown = DraftUnits.Unknown(tasks, indicators, units.Rows, current).ToDictionary(u => u.Key, StringComparer.Ordinal);
        var catalogue = UnitCatalog.CreateDefault().Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var choices = new Dictionary<string, UnitChoice>(DraftUnits.ByKey(current), StringComparer.Ordinal);

        var reasons = new List<string>();
        var posted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, index) in rows.Select((r, i) => (r, i + 1)))
        {
            var key = DraftUnits.Key(row.Name ?? "");
            if (key.Length == 0 || !unknown.TryGetValue(key, out var name))
            {
                reasons.Add(string.IsNullOrWhiteSpace(row.Name)
                    ? string.Format(CultureInfo.InvariantCulture, "Dòng {0} không ghi tên đơn vị.", index)
                    : $"“{row.Name}” không còn là tên đơn vị chưa có trong danh mục của bản nháp này (có thể nhiệm vụ dùng tên đó vừa được sửa); hãy tải lại trang.");
                continue;
            }
            if (!posted.Add(key))
            {
                reasons.Add($"“{name.Name}” có mặt hai lần trong biểu mẫu.");
                continue;
            }
            var choice = (row.Choice ?? "").Trim();
            if (choice.Length == 0)
            {
                choices.Remove(key);
                continue;
            }
            if (choice.StartsWith("unit:", StringComparison.Ordinal))
            {
                if (Guid.TryParse(choice[5..], out var id) && units.ById.TryGetValue(id, out var unit) && CommuneCatalog.IsAssignable(unit))
                    choices[key] = new UnitChoice(name.Name, UnitChoiceKinds.Unit, UnitId: id);
                else reasons.Add($"Đơn vị chọn cho “{name.Name}” không có (hoặc không còn hoạt động) trong danh mục của xã.");
            }
            else if (choice.StartsWith("catalog:", StringComparison.Ordinal))
            {
                var catalogKey = choice[8..];
                if (!catalogue.TryGetValue(catalogKey, out var template)) reasons.Add($"Đơn vị mẫu chọn cho “{name.Name}” không có trong danh mục mẫu.");
                else if (units.Rows.Any(u => u.Key == catalogKey)) reasons.Add($"Xã đã có đơn vị “{template.Name}”; hãy chọn đơn vị đó trong danh mục của xã cho “{name.Name}”.");
                else choices[key] = new UnitChoice(name.Name, UnitChoiceKinds.Catalog, CatalogKey: catalogKey);
            }
            else if (choice == UnitChoiceKinds.New)
            {
                if (row.Kind is null || !NewKinds.Contains(row.Kind)) reasons.Add($"Hãy chọn loại đơn vị cho đơn vị mới “{name.Name}”.");
                else if (name.Name.Length > 300) reasons.Add($"Tên “{name.Name[..60]}…” quá dài để làm tên đơn vị (tối đa 300 ký tự); hãy chọn đơn vị có sẵn, cơ quan bên ngoài hoặc bỏ qua.");
                else choices[key] = new UnitChoice(name.Name, UnitChoiceKinds.New, UnitKind: row.Kind);
            }
            else if (choice is UnitChoiceKinds.Outside or UnitChoiceKinds.Ignore) choices[key] = new UnitChoice(name.Name, choice);
            else reasons.Add($"Lựa chọn cho “{name.Name}” không hợp lệ.");
        }
        if (reasons.Count > 0) return new Outcome.Invalid(reasons);

        // Decisions for names no longer in the draft are dropped with the save.
        var kept = choices.Where(c => unknown.ContainsKey(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        plan.UnitChoices = DraftUnits.Write(kept.Values);
        foreach (var task in tasks)
        {
            if (CommuneCatalog.Names(task.LeadAsWritten) is not { Count: > 0 } names || !unknown.ContainsKey(DraftUnits.Key(names[0]))) continue;
            var lead = DraftUnits.DraftUnit(names[0], units, kept);
            if (task.LeadUnitId == lead) continue;
            task.LeadUnitId = lead;
            task.Version = Guid.NewGuid();
        }
        foreach (var indicator in indicators.Where(i => i.Owner is not null && unknown.ContainsKey(DraftUnits.Key(i.Owner))))
        {
            var owner = DraftUnits.DraftUnit(indicator.Owner, units, kept);
            if (indicator.OwnerUnitId == owner) continue;
            indicator.OwnerUnitId = owner;
            indicator.Version = Guid.NewGuid();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Outcome.Conflict();
        }
        return new Outcome.Saved(kept.Count, unknown.Count - kept.Count);
    }
}
