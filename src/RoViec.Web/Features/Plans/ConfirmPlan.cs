using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Indicators;
using RoViec.Domain.Plans;
using RoViec.Domain.Tasks;

namespace RoViec.Web.Features.Plans;

/// <summary>Turns a reviewed PlanDraft into the commune's plan: units, tasks and indicators in one save.</summary>
internal static class ConfirmPlan
{
    public static async Task<Plan> SaveAsync(RoViecDbContext db, Guid communeId, PlanDraft draft, string fileName, CancellationToken ct)
    {
        var units = db.Units.Where(u => u.CommuneId == communeId).ToDictionary(u => u.Key, StringComparer.Ordinal);
        foreach (var unit in draft.Units)
        {
            if (units.ContainsKey(unit.Id)) continue;
            var row = new OrgUnit
            {
                Id = Guid.NewGuid(),
                CommuneId = communeId,
                Key = unit.Id,
                Name = unit.Name,
                Kind = unit.Kind.ToString(),
                Aliases = string.Join('|', unit.Aliases),
            };
            units[unit.Id] = row;
            db.Units.Add(row);
        }
        var d = draft.Document;
        var plan = new Plan
        {
            Id = Guid.NewGuid(),
            CommuneId = communeId,
            Kind = d.KindCode,
            Title = d.Title ?? fileName,
            Year = d.Year ?? DateTime.UtcNow.Year,
            Number = d.Number,
            Issuer = d.Issuer,
            SourceFileName = fileName,
            SourceText = draft.SourceText,
            ImportedAtUtc = DateTime.UtcNow,
        };
        var order = 0;
        foreach (var t in draft.Tasks)
        {
            var span = t.Spans.GetValueOrDefault(TaskField.Name);
            plan.Tasks.Add(new PlanTaskRow
            {
                Id = Guid.NewGuid(),
                CommuneId = communeId,
                PlanId = plan.Id,
                Order = order++,
                Source = t.Source.ToString(),
                Section = t.Section,
                Code = t.Code,
                Name = t.Name,
                LeadUnitId = t.Lead.Count > 0 ? units[t.Lead[0].Unit.Id].Id : null,
                LeadAsWritten = string.Join("; ", t.Lead.Select(l => l.AsWritten)),
                SupportAsWritten = string.Join("; ", t.Support.Select(s => s.AsWritten)),
                Directing = t.Directing,
                Output = t.Output,
                DeadlineRaw = t.DeadlineRaw,
                DeadlineKind = t.Deadline.Kind.ToString(),
                DeadlineDue = t.Deadline.FinalDue,
                UpstreamSource = t.UpstreamSource,
                NameSpanStart = span.Start,
                NameSpanLength = span.Length,
                Version = Guid.NewGuid(),
            });
        }
        order = 0;
        foreach (var i in draft.Indicators)
        {
            plan.Indicators.Add(new IndicatorRow
            {
                Id = Guid.NewGuid(),
                CommuneId = communeId,
                PlanId = plan.Id,
                Order = order++,
                Section = i.Section,
                Name = i.Name,
                TargetRaw = i.TargetRaw,
                TargetOp = i.Target.OpSymbol,
                TargetValue = i.Target.Value,
                TargetValueMax = i.Target.ValueMax,
                TargetUnit = i.Target.Unit switch { TargetUnit.Percent => "%", TargetUnit.Count => "count", _ => i.Target.UnitText ?? "other" },
                BaselineYear = i.Target.BaselineYear,
                Owner = i.Owner,
                Version = Guid.NewGuid(),
            });
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }
}
