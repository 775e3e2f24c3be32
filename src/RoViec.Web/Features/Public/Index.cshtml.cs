using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Public;

/// <summary>
/// `/cong-khai/{slug}`: a commune's public page, no sign-in — only what it chose to publish (indicators against
/// targets, task completion by field, the unit ranking), from the month's snapshot; the satisfaction rate and the
/// answers it published. Cacheable (public, 5 minutes, ETag); no person's name or contact anywhere.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(RoViecDbContext db, IDataProtectionProvider protection, TimeProvider clock) : PageModel
{

    public PublicPage Settings { get; private set; } = null!;
    public string Commune { get; private set; } = "";
    public ReportingPeriod? Month { get; private set; }
    public PeriodFigures? Figures { get; private set; }
    public IReadOnlyList<IndicatorFigure> Indicators { get; private set; } = [];
    public IReadOnlyList<FieldCompletion> Fields { get; private set; } = [];
    public Satisfaction Satisfaction { get; private set; } = new(0, 0);
    public IReadOnlyList<PublicFeedback.Answer> Answers { get; private set; } = [];
    public string FormToken { get; private set; } = "";
    public bool Sent { get; private set; }

    /// <param name="nam">A year ("2026"): its last closed month, so last year stays public after the year turns.</param>
    /// <summary>The plans the month's figures cover, when more than one (the reader can show one alone, `?ke-hoach=`).</summary>
    public IReadOnlyList<PlansTogether.PlanName> Plans { get; private set; } = [];
    /// <summary>The month shown, as its query says it ("ky=2026-10"), for links that keep it.</summary>
    public string MonthQuery => Month is { } m ? FormattableString.Invariant($"ky={m.Year}-{m.Number:00}") : "";
    /// <summary>The plan shown alone, or null for every plan of the month.</summary>
    public Guid? OnlyPlan { get; private set; }

    /// <param name="onlyPlan">One plan of the month alone: its indicators and fields; a plan the month does not cover is a 404.</param>
    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] string? ky, [FromQuery] int? nam, [FromQuery(Name = "da-gui")] int? sent,
        [FromQuery(Name = "ke-hoach")] Guid? onlyPlan, CancellationToken ct)
    {
        var page = await PublicFigures.OpenAsync(db, slug, ct);
        if (page is null) return NotFound();
        Settings = page;
        Commune = await PlanQueries.CommuneNameAsync(db, page.CommuneId, ct) ?? "";
        Month = await PublicFigures.MonthAsync(db, page.CommuneId, ky, ct, nam);
        if ((ky is not null || nam is not null) && Month is null) return NotFound();
        var stamp = await PublicFeedback.StampAsync(db, page.CommuneId, Month?.Id, ct);
        // The day is part of it: a snapshot derived for an earlier day is shown as computed for today until the scheduler stores it.
        var etag = $"\"{page.Version:N}-{stamp.SnapshotVersion:N}-{clock.VietnamToday():yyyyMMdd}-{PeriodFigures.CurrentShape}-{stamp.Count}-{stamp.LastAnsweredUtc.Ticks}-{sent}\"";
        Response.Headers.CacheControl = "public, max-age=300";
        Response.Headers.ETag = etag;
        if (stamp.SnapshotVersion is not null && !stamp.SnapshotStale && Request.Headers.IfNoneMatch.ToString() == etag) return StatusCode(StatusCodes.Status304NotModified);

        if (Month is not null) Figures = await PeriodSnapshots.ReadAsync(db, Month, clock, ct);
        if (Figures is not null && Month is not null)
        {
            var covered = Figures.PlansOf(Month.PlanId);
            if (onlyPlan is { } one)
            {
                if (!covered.Contains(one)) return NotFound();
                Figures = Figures with { Tasks = [.. Figures.Tasks.Where(t => t.PlanId == one)], Indicators = [.. Figures.Indicators.Where(i => i.PlanId == one)] };
                OnlyPlan = one;
            }
            if (covered.Count > 1) Plans = await PlansTogether.NamesAsync(db, covered, ct);
        }
        else if (onlyPlan is not null)
        {
            return NotFound();
        }
        if (Figures is not null)
        {
            var published = PublicFigures.PublishedIndicators(page, Figures);
            Indicators = [.. Figures.Indicators.Where(i => published.Contains(i.Id))];
            if (page.ShowFields) Fields = PublicFigures.Fields(Figures);
        }
        Satisfaction = await PublicFigures.SatisfactionAsync(db, page.CommuneId, clock.GetUtcNow().UtcDateTime, ct);
        Answers = await PublicFeedback.PublishedAnswersAsync(db, page.CommuneId, ct);
        FormToken = FeedbackForm.Token(protection, clock.GetUtcNow().UtcDateTime);
        Sent = sent == 1;
        return Page();
    }

    /// <summary>The items one can give feedback on: the page, and each published indicator and field.</summary>
    public IEnumerable<(string Key, string Label)> Items()
    {
        yield return ("page", "Trang công khai nói chung");
        foreach (var i in Indicators) yield return ("indicator:" + i.Id, "Chỉ tiêu: " + i.Name);
        foreach (var f in Fields) yield return ("field:" + f.Field, "Lĩnh vực: " + f.Field);
        if (Settings.ShowRanking) yield return ("ranking", "Xếp hạng các cơ quan, đơn vị");
    }
}
