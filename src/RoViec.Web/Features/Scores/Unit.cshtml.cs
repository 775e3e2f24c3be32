using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Scoring;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Scores;

/// <summary>
/// `/diem/{period}/{unit}`: a unit's score for a month, criterion by criterion with the data behind each line, the
/// normalisation, deductions and bonus, what would raise it, and every change of the score with who, when and why.
/// A unit's own people see their unit's; the committee and the standing office see every unit's.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class UnitModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed record Gain(ScoreLine Line, decimal Lost, string? Guidance);

    public ReportingPeriod Period { get; private set; } = null!;
    public OrgUnit Unit { get; private set; } = null!;
    public UnitScore? Score { get; private set; }
    public ScoreBreakdown? Breakdown { get; private set; }
    public SchemeInForce? Scheme { get; private set; }
    public int UnitCount { get; private set; }
    public IReadOnlyList<Gain> Gains { get; private set; } = [];
    public IReadOnlyList<ScoreChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid periodId, Guid unitId, CancellationToken ct)
    {
        if (await UnitScoreSheet.FindAsync(db, periodId, unitId, ct) is not { } found) return NotFound();
        var (period, unit) = found;
        switch (await currentUser.AccessAsync(HttpContext, period.CommuneId, unitId, ct))
        {
            case ResourceAccess.None: return NotFound();
            case ResourceAccess.Forbidden: return Forbid();
        }
        (Period, Unit) = (period, unit);
        var sheet = await UnitScoreSheet.ReadAsync(db, periodId, unitId, ct);
        if (sheet is null) return Page();
        (Score, Breakdown, Scheme, UnitCount, Changes) = (sheet.Score, sheet.Breakdown, sheet.Scheme, sheet.UnitCount, sheet.Changes);
        if (Breakdown is not null)
        {
            var guidance = Leaves(Scheme?.Definition.Criteria ?? []).ToDictionary(c => c.Code, c => c.Guidance, StringComparer.Ordinal);
            var isLeaf = guidance.Keys.ToHashSet(StringComparer.Ordinal);
            Gains = Breakdown.Result.Lines
                .Where(l => isLeaf.Contains(l.Code) && l.Points is { } p && p < l.Max)
                .Select(l => new Gain(l, l.Max - l.Points!.Value, guidance.GetValueOrDefault(l.Code)))
                .OrderByDescending(g => g.Lost).ToList();
        }
        return Page();
    }

    private static IEnumerable<Criterion> Leaves(IEnumerable<Criterion> criteria) =>
        criteria.SelectMany(c => (c.Children ?? []).Count == 0 ? [c] : Leaves(c.Children!));
}
