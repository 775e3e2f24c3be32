using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.CrossChecks;

/// <summary>
/// The inspection committee's cross-check (<c>/kiem-tra-cheo</c>): pick a period, draw a random sample of its
/// verified report lines, and record for each line whether the evidence confirms what was reported. The standing
/// office reads the same page without the forms. Another commune's period or line answers 404; anyone but an
/// inspector posting answers 403.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class IndexModel(RoViecDbContext db, CurrentUser current, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>A period the page can show, with how many of its reports are verified.</summary>
    public sealed record PeriodChoice(Guid Id, PeriodName Name, int VerifiedReports);

    public IReadOnlyList<PeriodChoice> Periods { get; private set; } = [];
    public ReportingPeriod? Period { get; private set; }
    public int Eligible { get; private set; }
    public int DefaultSize { get; private set; }
    public IReadOnlyList<SampleLine> Lines { get; private set; } = [];

    /// <summary>The inspection committee may draw and record; the standing office only reads.</summary>
    public bool CanRecord { get; private set; }

    /// <summary>How many lines the last draw added, shown once after it.</summary>
    public int? Added { get; private set; }

    public string? DrawError { get; private set; }
    public string? PostedSize { get; private set; }

    /// <summary>The line whose posted result was refused, with what was posted and why.</summary>
    public Guid? ErrorLine { get; private set; }
    public string? ErrorMessage { get; private set; }
    public string? PostedResult { get; private set; }
    public string? PostedNote { get; private set; }

    /// <summary>The stored result when a save came from a stale form.</summary>
    public CrossCheck? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? ky, int? them, CancellationToken ct)
    {
        var communeId = await ReaderCommuneAsync(ct);
        if (communeId is null) return Forbidden();
        if (!await LoadAsync(communeId.Value, ky, ct)) return NotFound();
        Added = them;
        return Page();
    }

    public async Task<IActionResult> OnPostDrawAsync(Guid period, string? size, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(User, ct);
        if (scope is not { IsInspector: true, CommuneId: { } communeId }) return Forbidden();
        var chosen = await SampleLines.PeriodAsync(db, communeId, period, ct);
        if (chosen is null) return NotFound();

        int? wanted = null;
        if (!string.IsNullOrWhiteSpace(size))
        {
            if (!int.TryParse(size.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > DrawSample.Maximum)
                return await RefuseDrawAsync(communeId, chosen.Id, size, $"Số dòng cần chọn phải là số nguyên từ 1 đến {DrawSample.Maximum}.", ct);
            wanted = n;
        }
        if (!await DrawSample.Eligible(db, chosen.Id).AnyAsync(ct))
            return await RefuseDrawAsync(communeId, chosen.Id, size, "Kỳ này chưa có báo cáo nào được Cơ quan thường trực xác minh, nên chưa có dòng nào để chọn mẫu.", ct);

        var result = await DrawSample.DrawAsync(db, chosen, wanted, scope.UserName, clock.GetUtcNow().UtcDateTime, ct);
        return Redirect($"/kiem-tra-cheo?ky={chosen.Id}&them={result.Drawn}");
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id, string? result, string? note, Guid version, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(User, ct);
        if (scope is not { IsInspector: true, CommuneId: { } communeId }) return Forbidden();
        var check = await RecordResult.FindAsync(db, communeId, id, ct);
        if (check is null) return NotFound();

        var outcome = await RecordResult.SaveAsync(db, check, result, note, version, scope.UserName, clock.GetUtcNow().UtcDateTime, ct);
        if (outcome is RecordOutcome.Saved) return Redirect($"/kiem-tra-cheo?ky={check.PeriodId}#dong-{check.Id}");

        var periodId = check.PeriodId;
        RecordResult.Forget(db);
        await LoadAsync(communeId, periodId, ct);
        ErrorLine = id;
        PostedResult = result;
        PostedNote = note;
        switch (outcome)
        {
            case RecordOutcome.Invalid invalid:
                ErrorMessage = invalid.Text.In(L);
                break;
            case RecordOutcome.Conflict conflict:
                Theirs = conflict.Theirs;
                ErrorMessage = L[conflict.Message];
                break;
        }
        return this.Refuse(((IRefused)outcome).Refusal);
    }

    private async Task<IActionResult> RefuseDrawAsync(Guid communeId, Guid periodId, string? size, string message, CancellationToken ct)
    {
        await LoadAsync(communeId, periodId, ct);
        DrawError = message;
        PostedSize = size;
        return this.Refuse(Refusal.Invalid);
    }

    /// <summary>The commune of a reader of this page: an inspector, or the standing office read-only; null for anyone else.</summary>
    private async Task<Guid?> ReaderCommuneAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(User, ct);
        if (scope is null || !(scope.IsInspector || scope.RunsReporting)) return null;
        CanRecord = scope.IsInspector;
        return scope.CommuneId;
    }

    /// <summary>The periods, the chosen one (the latest with verified reports by default) and its sample; false when the chosen period is not the commune's.</summary>
    private async Task<bool> LoadAsync(Guid communeId, Guid? periodId, CancellationToken ct)
    {
        CanRecord = (await current.ScopeAsync(User, ct))?.IsInspector == true;
        var periods = await SampleLines.PeriodsAsync(db, communeId, ct);
        var ordered = periods.OrderByDescending(p => p.EndsOn).ThenByDescending(p => p.UnitDueOn).ToList();
        if (periodId is { } wanted && ordered.All(p => p.Id != wanted)) return false;
        var chosenId = periodId ?? ordered.FirstOrDefault(p => p.Verified > 0)?.Id;
        Periods = [.. ordered.Where(p => p.Verified > 0 || p.Id == chosenId).Select(p => new PeriodChoice(p.Id, p.Name, p.Verified))];
        if (chosenId is not { } id) return true;

        Period = (await SampleLines.PeriodAsync(db, communeId, id, ct))!;
        Eligible = await DrawSample.Eligible(db, id).CountAsync(ct);
        DefaultSize = DrawSample.DefaultSize(Eligible);
        Lines = await SampleLines.ForPeriodAsync(db, id, ct);
        return true;
    }

    private IActionResult Forbidden() => this.Refuse(Refusal.Forbidden);
}
