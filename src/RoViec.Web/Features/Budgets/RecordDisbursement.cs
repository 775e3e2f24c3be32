using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Budgets;

/// <summary>
/// Money paid out of a task's allocation from one source in a month of the plan's year, with its basis. The month must
/// have come; the source must be allocated; all that was disbursed from it may not pass what it was allocated. The
/// source's line changes version with every disbursement, so two recorded at once cannot both pass that check.
/// </summary>
public static class RecordDisbursement
{
    public const int MaxBasis = 500;

    public static async Task<BudgetOutcome> RunAsync(RoViecDbContext db, UserScope? caller, Guid taskId, string? source, string? month, string? amount, string? basis,
        DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await TaskBudgetAccess.ReadTaskAsync(db, taskId, ct) is not { } found) return new BudgetOutcome.NotFound();
        var (task, year, status) = found;
        if (TaskBudgetAccess.Refusal(caller, task, status, disbursement: true) is { } refused) return refused;

        var errors = new Dictionary<string, Sentence>(StringComparer.Ordinal);
        var key = BudgetText.ParseSource(source);
        if (key is null) errors["Source"] = AllocateTaskBudget.UnknownSource;
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc));
        if (!int.TryParse((month ?? "").Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
            errors["Month"] = "Tháng phải là một số từ 1 đến 12.";
        else if (year * 12 + m > today.Year * 12 + today.Month)
            errors["Month"] = new Sentence("Tháng {0}/{1} chưa đến: chưa ghi được giải ngân cho tháng này.", m, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var paid = BudgetText.ParseMoney(amount, out var moneyError);
        if (moneyError is not null) errors["Amount"] = moneyError;
        else if (paid == 0) errors["Amount"] = "Số tiền giải ngân phải lớn hơn 0.";
        var why = (basis ?? "").Trim();
        if (why.Length == 0) errors["Basis"] = "Hãy ghi căn cứ giải ngân (số, ngày của chứng từ hoặc quyết định).";
        else if (why.Length > MaxBasis) errors["Basis"] = new Sentence("Căn cứ dài quá {0} ký tự.", MaxBasis);
        if (errors.Count > 0) return new BudgetOutcome.Invalid(errors);

        var line = await db.TaskBudgetLines.FirstOrDefaultAsync(l => l.TaskId == taskId && l.Source == key, ct);
        var label = new Sentence(BudgetText.SourceLabel(key!));
        if (line is null || line.Allocated <= 0)
            return new BudgetOutcome.Invalid(new Dictionary<string, Sentence>(StringComparer.Ordinal)
            {
                ["Source"] = new Sentence("Nhiệm vụ chưa được giao kinh phí từ nguồn {0}, nên chưa ghi được giải ngân từ nguồn này.", label),
            });
        var before = (await db.TaskDisbursements.AsNoTracking().Where(d => d.TaskId == taskId && d.Source == key).Select(d => d.Amount).ToListAsync(ct)).Sum();
        if (before + paid!.Value > line.Allocated)
            return new BudgetOutcome.Invalid(new Dictionary<string, Sentence>(StringComparer.Ordinal)
            {
                ["Amount"] = new Sentence("Tổng giải ngân từ nguồn {0} sẽ là {1:#,0} đồng, vượt kinh phí được giao {2:#,0} đồng (đã giải ngân {3:#,0} đồng).",
                    label, before + paid.Value, line.Allocated, before),
            });

        db.TaskDisbursements.Add(new TaskDisbursement
        {
            Id = Guid.NewGuid(),
            CommuneId = task.CommuneId,
            TaskId = taskId,
            Source = key!,
            Year = year,
            Month = m,
            Amount = paid.Value,
            Basis = why,
            RecordedBy = caller!.UserName,
            RecordedAtUtc = nowUtc,
        });
        line.Version = Guid.NewGuid();
        return await AllocateTaskBudget.SaveAsync(db, ct);
    }
}
