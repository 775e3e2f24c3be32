using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>A month that remembers the last: a new month's form starts from the unit's last verified values, marked as carried.</summary>
public sealed class CarriedValuesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Mark = "Mang sang từ báo cáo Tháng 11/2026 đã xác minh";

    [Fact]
    public async Task A_new_month_starts_from_the_last_verified_values_and_says_so_until_changed()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 5), 9) };
        var (_, _, november) = await app.OpenMonthAsync(11);
        var police = await app.UnitIdAsync("cong-an");
        var other = november.Values.First(u => u != police);
        var policeNovember = november.Single(r => r.Value == police).Key;
        // The police's November report is verified; another unit's was only submitted (never verified).
        await app.FillAsync(november.Single(r => r.Value == police).Key, ReportStates.Verified);
        await app.FillAsync(november.Single(r => r.Value == other).Key, ReportStates.Submitted);
        await app.WithDbAsync(async db =>
        {
            var items = await db.ReportItems.Where(i => i.ReportId == policeNovember).ToListAsync(Ct);
            foreach (var item in items) item.Difficulties = "Khó khăn của tháng 11";
            await db.SaveChangesAsync(Ct);
            return 0;
        });

        var (_, _, december) = await app.OpenMonthAsync(12);
        var policeReport = december.Single(r => r.Value == police).Key;
        var lines = await app.WithDbAsync(db => db.ReportItems.AsNoTracking().Where(i => i.ReportId == policeReport).ToListAsync(Ct));
        var lineIds = lines.Select(l => l.Id).ToList();
        var previous = await app.WithDbAsync(db => db.ReportItems.AsNoTracking().Where(i => i.ReportId == policeNovember).ToListAsync(Ct));
        var carriedTasks = lines.Where(l => l.Kind == ReportItemKinds.Task && previous.Any(p => p.TaskId == l.TaskId)).ToList();
        Assert.NotEmpty(carriedTasks);
        // Status, percent and work text as FillAsync wrote them in November; the month's own difficulties are not carried.
        Assert.All(carriedTasks, l => Assert.Equal((ReportedTaskStatuses.InProgress, 40, "Đã triển khai tới các thôn", (string?)null), (l.TaskStatus, l.Percent, l.WorkDone, l.Difficulties)));
        var indicator = lines.First(l => l.Kind == ReportItemKinds.Indicator && previous.Any(p => p.IndicatorId == l.IndicatorId));
        Assert.Equal((12.5m, "Sổ theo dõi của đơn vị"), (indicator.Value, indicator.DataSource));
        Assert.Empty(await app.WithDbAsync(db => db.Evidence.Where(e => lineIds.Contains(e.ItemId)).ToListAsync(Ct)));

        // A report never verified is not carried: the other unit starts blank.
        var otherReport = december.Single(r => r.Value == other).Key;
        Assert.All(await app.WithDbAsync(db => db.ReportItems.AsNoTracking().Where(i => i.ReportId == otherReport).ToListAsync(Ct)),
            l => Assert.True(l.TaskStatus is null && l.Percent is null && l.WorkDone is null && l.Value is null));

        // The reporter sees each carried line marked; a changed line loses the mark, the others keep it.
        using var reporter = await app.ClientAsync("congan");
        var page = WebUtility.HtmlDecode(await reporter.PageAsync(policeReport));
        Assert.Contains(Mark, page, StringComparison.Ordinal);
        foreach (var line in carriedTasks) Assert.Contains($"data-carried=\"{line.Id}\"", page, StringComparison.Ordinal);
        var changed = carriedTasks[0];
        var saved = await reporter.AutosaveAsync(policeReport, ($"line[{changed.Id}].percent", "70"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        page = await reporter.PageAsync(policeReport);
        Assert.DoesNotContain($"data-carried=\"{changed.Id}\"", page, StringComparison.Ordinal);
        foreach (var line in carriedTasks.Skip(1)) Assert.Contains($"data-carried=\"{line.Id}\"", page, StringComparison.Ordinal);
    }
}
