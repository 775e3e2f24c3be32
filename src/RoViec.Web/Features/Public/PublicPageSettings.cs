using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Public;

/// <summary>What the commune publishes on its public page and at which address; saved by the standing office.</summary>
public static partial class PublicPageSettings
{
    public sealed record Input(bool Enabled, string? Slug, string? Intro, bool ShowIndicators, bool ShowFields, bool ShowRanking,
        IReadOnlyList<Guid> IndicatorIds, Guid Version);

    public abstract record Outcome
    {
        private Outcome() { }

        public sealed record Saved : Outcome;

        /// <summary>Nothing saved: the messages (the page writes them in its reader's language), and whether the settings changed since they were read (a conflict).</summary>
        public sealed record Refused(IReadOnlyList<Sentence> Errors, bool Conflict) : Outcome, IRefused
        {
            public Refusal Refusal => Conflict ? Refusal.Conflict : Refusal.Invalid;
            public string Message => string.Join(" ", Errors);
        }
    }

    /// <summary>The commune's page settings (created with defaults the first time, not tracked) and the plan's indicators one may publish.</summary>
    public static async Task<(PublicPage Page, IReadOnlyList<IndicatorRow> Indicators)> OpenAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var page = await PublicFigures.EnsureAsync(db, communeId, ct);
        db.Entry(page).State = EntityState.Detached;
        var plan = await PlanQueries.ActivePlanAsync(db, communeId, ct);
        IReadOnlyList<IndicatorRow> indicators = plan is null ? [] : await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Order).ToListAsync(ct);
        return (page, indicators);
    }

    /// <summary>Checks and saves the settings read as <paramref name="current"/>; all of them or none.</summary>
    public static async Task<Outcome> SaveAsync(RoViecDbContext db, PublicPage current, IReadOnlyList<IndicatorRow> indicators, Input input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<Sentence>();
        var slug = input.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!SlugPattern().IsMatch(slug)) errors.Add("Địa chỉ trang chỉ gồm chữ thường không dấu, số và dấu gạch ngang (3–60 ký tự), ví dụ dien-chau.");
        else if (await db.PublicPages.AnyAsync(p => p.Slug == slug && p.Id != current.Id, ct)) errors.Add(new Sentence("Địa chỉ \"{0}\" đã được xã khác dùng.", slug));
        if ((input.Intro?.Length ?? 0) > 4000) errors.Add("Lời giới thiệu dài quá 4 000 ký tự.");
        if (FeedbackRules.LooksLikeCode(input.Intro)) errors.Add(FeedbackRules.ScriptRefused);
        var known = indicators.Select(i => i.Id).ToHashSet();
        if (input.IndicatorIds.Any(id => !known.Contains(id))) errors.Add("Có chỉ tiêu không thuộc kế hoạch của xã; hãy tải lại trang.");
        var conflict = input.Version != current.Version;
        if (conflict) errors.Add("Cài đặt vừa được người khác thay đổi; hãy tải lại trang rồi làm lại.");
        if (errors.Count > 0) return new Outcome.Refused(errors, conflict);

        var page = await db.PublicPages.SingleAsync(p => p.Id == current.Id, ct);
        page.Enabled = input.Enabled;
        page.Slug = slug;
        page.Intro = string.IsNullOrWhiteSpace(input.Intro) ? null : input.Intro.Trim();
        page.ShowIndicators = input.ShowIndicators;
        page.ShowFields = input.ShowFields;
        page.ShowRanking = input.ShowRanking;
        page.IndicatorIds = string.Join('|', input.IndicatorIds.Distinct());
        page.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return new Outcome.Saved();
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,58})[a-z0-9]$")]
    private static partial Regex SlugPattern();
}
