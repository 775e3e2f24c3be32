using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Domain.Text;
using RoViec.Web.Features.Figures;

namespace RoViec.Web.Features.Public;

/// <summary>A field's task completion as published: done of all.</summary>
public sealed record FieldCompletion(string Field, int Done, int Total)
{
    public decimal? Share => Total == 0 ? null : Math.Round(Done * 100m / Total, 1);
}

/// <summary>
/// The satisfaction rate of the feedback of the last 12 months, against the plans' 95%: ratings of 4 or 5 among the
/// counted ones. A rating counts once the commune has reviewed it (answered) or <see cref="ReviewDays"/> days after it
/// came without being marked as spam, so neither a flood nor a commune that leaves bad ratings unread moves the figure
/// at once; one address counts once per item (its latest rating), so one person cannot vote many times.
/// </summary>
public sealed record Satisfaction(int Satisfied, int Rated)
{
    public const decimal Target = 95m;

    /// <summary>Days a rating waits for the commune's review before it counts anyway.</summary>
    public const int ReviewDays = 7;
    public decimal? Rate => Rated == 0 ? null : Math.Round(Satisfied * 100m / Rated, 1);
    public bool? Meets => Rate is { } r ? r >= Target : null;
}

/// <summary>
/// What a commune publishes, read from the month's snapshot (so the public page shows the dashboard's numbers) and
/// filtered by its <see cref="PublicPage"/> choices; no person is named anywhere.
/// </summary>
public static class PublicFigures
{
    public static readonly TaskHealth[] DoneStates = [TaskHealth.DoneOnTime, TaskHealth.DoneLate, TaskHealth.AlreadyDone];

    /// <summary>
    /// The published page at this address (slug), reached by anyone: the address is looked up across communes, then the
    /// request is enclosed in that page's commune, so nothing else of any other commune can be read.
    /// </summary>
    public static async Task<PublicPage?> OpenAsync(RoViecDbContext db, string slug, CancellationToken ct)
    {
        db.Boundary.CrossAll(Crossing.PublicPage);
        var page = await db.PublicPages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.Enabled, ct);
        db.Boundary.Enclose(page is null ? [] : [page.CommuneId]);
        return page;
    }

    /// <summary>The commune's page, created (not yet published) on first use with a slug from its name.</summary>
    public static async Task<PublicPage> EnsureAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var page = await db.PublicPages.FirstOrDefaultAsync(p => p.CommuneId == communeId, ct);
        if (page is not null) return page;
        var name = await db.Communes.Where(c => c.Id == communeId).Select(c => c.Name).FirstAsync(ct);
        var slug = Slug(name);
        if (await db.PublicPages.AnyAsync(p => p.Slug == slug, ct)) slug += "-" + communeId.ToString("N")[..6];
        page = new PublicPage { Id = Guid.NewGuid(), CommuneId = communeId, Slug = slug, Version = Guid.NewGuid() };
        db.PublicPages.Add(page);
        await db.SaveChangesAsync(ct);
        return page;
    }

    /// <summary>"Diễn Châu" → "dien-chau".</summary>
    public static string Slug(string text)
    {
        var folded = VietnameseText.Fold(text);
        var chars = folded.Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "xa" : slug[..Math.Min(slug.Length, 60)];
    }

    public static IReadOnlySet<Guid> PublishedIndicators(PublicPage page, PeriodFigures figures)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(figures);
        if (!page.ShowIndicators) return new HashSet<Guid>();
        var chosen = page.IndicatorIds.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).ToHashSet();
        return chosen.Count == 0 ? figures.Indicators.Select(i => i.Id).ToHashSet() : chosen;
    }

    public static IReadOnlyList<FieldCompletion> Fields(PeriodFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return [.. figures.Tasks.GroupBy(t => t.Field).Select(g => new FieldCompletion(g.Key, g.Count(t => DoneStates.Contains(t.Health)), g.Count()))];
    }

    public static async Task<Satisfaction> SatisfactionAsync(RoViecDbContext db, Guid communeId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = nowUtc.AddMonths(-12);
        var reviewed = nowUtc.AddDays(-Satisfaction.ReviewDays);
        var ratings = await db.Feedback.AsNoTracking()
            .Where(f => f.CommuneId == communeId && f.CreatedAtUtc >= since
                && (f.State == FeedbackStates.Answered || (f.State == FeedbackStates.New && f.CreatedAtUtc <= reviewed)))
            .Select(f => new { f.Id, f.ClientHash, f.Item, f.Rating, f.CreatedAtUtc }).ToListAsync(ct);
        // One address, one item, one vote: its latest. Feedback kept without an address hash counts on its own.
        var counted = ratings.GroupBy(f => f.ClientHash is null ? f.Id.ToString() : f.ClientHash + "|" + f.Item)
            .Select(g => g.MaxBy(f => f.CreatedAtUtc)!.Rating).ToList();
        return new Satisfaction(counted.Count(r => r >= 4), counted.Count);
    }

    /// <summary>The month shown: `?ky=2026-10` if it is closed, else the latest closed month.</summary>
    /// <param name="ky">A month "2026-10"; null: the latest closed month (of <paramref name="year"/>, when given).</param>
    public static async Task<ReportingPeriod?> MonthAsync(RoViecDbContext db, Guid communeId, string? ky, CancellationToken ct, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The plans in force with the versions of the same year they replaced: a month closed before a replacement stays public.
        var line = new List<Guid>();
        foreach (var active in await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatuses.Active && p.CommuneId == communeId).Select(p => p.Id).ToListAsync(ct))
            line.AddRange(await Plans.ReplacePlan.PlanLineAsync(db, active, ct));
        var months = db.Periods.AsNoTracking().Where(p => line.Contains(p.PlanId))
            .Where(p => p.Kind == PeriodKinds.Monthly && p.State == PeriodStates.Closed);
        if (ky is not null)
        {
            if (!DateOnly.TryParseExact(ky + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return null;
            return await months.FirstOrDefaultAsync(p => p.Year == day.Year && p.Number == day.Month, ct);
        }
        if (year is { } y) months = months.Where(p => p.Year == y);
        return await months.OrderByDescending(p => p.StartsOn).FirstOrDefaultAsync(ct);
    }

    /// <summary>A percentage as the reader writes it (<see cref="Shared.Localisation.Numbers.Percent"/>).</summary>
    public static string Percent(decimal? value) => Shared.Localisation.Numbers.Percent(value);
}
