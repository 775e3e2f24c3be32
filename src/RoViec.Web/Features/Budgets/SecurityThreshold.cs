using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Budgets;

/// <summary>
/// The commune's minimum share of an information system's money for its security ("ngưỡng tối thiểu cho an toàn thông
/// tin"), 15 % unless the standing office sets another.
/// </summary>
public static class SecurityThreshold
{
    /// <summary>The commune's threshold in percent and the version of its setting (empty: the default, never saved).</summary>
    public static async Task<(decimal Percent, Guid Version)> ReadAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.BudgetSettings.AsNoTracking().Where(s => s.CommuneId == communeId)
            .Select(s => new { s.SecurityThresholdPercent, s.Version }).FirstOrDefaultAsync(ct);
        return row is null ? (BudgetSettings.DefaultSecurityThreshold, Guid.Empty) : (row.SecurityThresholdPercent, row.Version);
    }

    /// <summary>Sets the threshold: a percent from 0 to 100 ("15", "12,5"); the version the form showed guards against a change meanwhile.</summary>
    public static async Task<BudgetOutcome> SaveAsync(RoViecDbContext db, UserScope? caller, Guid communeId, string? percent, Guid seenVersion, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (caller is not { ManagesPlans: true } || caller.CommuneId != communeId)
            return new BudgetOutcome.Forbidden("Chỉ cơ quan thường trực (hoặc quản trị) mới đặt ngưỡng kinh phí an toàn thông tin.");
        var text = (percent ?? "").Trim().TrimEnd('%').Trim().Replace(',', '.');
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 100)
            return new BudgetOutcome.Invalid(new Dictionary<string, Sentence>(StringComparer.Ordinal)
            {
                ["Threshold"] = "Ngưỡng phải là một tỷ lệ phần trăm từ 0 đến 100, ví dụ 15.",
            });
        var row = await db.BudgetSettings.FirstOrDefaultAsync(s => s.CommuneId == communeId, ct);
        if ((row?.Version ?? Guid.Empty) != seenVersion) return new BudgetOutcome.Conflict(Changed);
        if (row is null)
        {
            row = new BudgetSettings { Id = Guid.NewGuid(), CommuneId = communeId };
            db.BudgetSettings.Add(row);
        }
        row.SecurityThresholdPercent = Math.Round(value, 2);
        row.EnteredBy = caller.UserName;
        row.EnteredAtUtc = nowUtc;
        row.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            return new BudgetOutcome.Done();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new BudgetOutcome.Conflict(Changed);
        }
    }

    private static readonly Sentence Changed = "Ngưỡng vừa được người khác thay đổi; hãy xem lại rồi ghi lại.";
}
