using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Domain.Indicators;
using RoViec.Web.Features.Tasks;

namespace RoViec.Web.Features.Plans;

/// <summary>The officer's version of a draft indicator: what is measured, its target as written, the unit that owns it.</summary>
public sealed record IndicatorCorrection(string? Name, string? Target, Guid? OwnerUnitId, Guid Version);

/// <summary>Corrects a draft indicator; the target is read again ("tối thiểu 90%", "11-12,5%", "03 mô hình").</summary>
public static class CorrectIndicator
{
    public static async Task<ReviewResult> RunAsync(RoViecDbContext db, Guid communeId, Guid planId, Guid indicatorId, IndicatorCorrection input, CancellationToken ct)
    {
        var indicator = await DraftRows.Indicators(db, planId).FirstOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null) return new ReviewResult.NotFound();
        if (indicator.Version != input.Version) return new ReviewResult.Conflict();

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = TaskFields.Text(input.Name);
        if (name is null) errors[nameof(IndicatorCorrection.Name)] = "Tên chỉ tiêu không được để trống.";
        else if (name.Length > 2000) errors[nameof(IndicatorCorrection.Name)] = "Tên chỉ tiêu quá dài (tối đa 2.000 ký tự).";
        var raw = TaskFields.Text(input.Target);
        var target = raw is null ? null : TargetParser.Parse(raw);
        if (raw is null) errors[nameof(IndicatorCorrection.Target)] = "Chỉ tiêu cần có mức cần đạt.";
        else if (raw.Length > 200) errors[nameof(IndicatorCorrection.Target)] = "Mức cần đạt quá dài (tối đa 200 ký tự).";
        else if (target is null) errors[nameof(IndicatorCorrection.Target)] = $"Không đọc được mức cần đạt “{raw}”. Hãy ghi như: 100%, tối thiểu 90%, 11-12,5%, 03 mô hình.";
        Data.Entities.OrgUnit? owner = null;
        if (input.OwnerUnitId is { } ownerId)
        {
            owner = await db.Units.FirstOrDefaultAsync(u => u.Id == ownerId, ct);
            if (owner is null || (!CommuneCatalog.IsAssignable(owner) && owner.Id != indicator.OwnerUnitId))
                errors[nameof(IndicatorCorrection.OwnerUnitId)] = "Hãy chọn một đơn vị trong danh mục của xã.";
        }
        if (errors.Count > 0) return new ReviewResult.Invalid(errors);

        var changed = false;
        if (name != indicator.Name.Trim())
        {
            indicator.Name = name!;
            changed = true;
        }
        if (raw != indicator.TargetRaw.Trim())
        {
            indicator.TargetRaw = raw!;
            indicator.TargetOp = target!.OpSymbol;
            indicator.TargetValue = target.Value;
            indicator.TargetValueMax = target.ValueMax;
            indicator.TargetUnit = IndicatorTargets.UnitCode(target);
            indicator.BaselineYear = target.BaselineYear;
            changed = true;
        }
        if (input.OwnerUnitId != indicator.OwnerUnitId)
        {
            indicator.OwnerUnitId = owner?.Id;
            indicator.Owner = owner?.Name;
            changed = true;
        }
        if (!changed) return new ReviewResult.Done(indicator.Id);
        indicator.Version = Guid.NewGuid();
        return await DraftRows.SaveAsync(db, new ReviewResult.Done(indicator.Id), ct);
    }

    /// <summary>Removes a line that is not an indicator.</summary>
    public static async Task<ReviewResult> RemoveAsync(RoViecDbContext db, Guid communeId, Guid planId, Guid indicatorId, Guid version, CancellationToken ct)
    {
        var indicator = await DraftRows.Indicators(db, planId).FirstOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null) return new ReviewResult.NotFound();
        if (indicator.Version != version) return new ReviewResult.Conflict();
        db.Indicators.Remove(indicator);
        return await DraftRows.SaveAsync(db, new ReviewResult.Done(), ct);
    }
}
