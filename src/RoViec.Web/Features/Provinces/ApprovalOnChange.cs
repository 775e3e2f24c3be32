using RoViec.Data;
using RoViec.Web.Features.Evaluation;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// A change to a period's data after the commune approved it for the province (a late report received or verified, a
/// correction, a scoring input) withdraws
/// the approval, so the province never accepts figures other than those approved. Runs first (<see cref="Order"/> -10),
/// so the snapshot rebuilt after it carries the withdrawn state.
/// </summary>
public sealed class ApprovalOnChange(RoViecDbContext db) : IPeriodChangeHandler
{
    public int Order => -10;

    public async Task HandleAsync(PeriodChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        await MonthApproval.WithdrawAsync(db, change.PeriodId, ct);
    }
}
