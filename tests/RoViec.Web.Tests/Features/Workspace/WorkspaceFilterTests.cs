using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Tests;

/// <summary>The workspace filters: "6 rõ" defect, deadline window, section, key tasks; the defect list and the indicator table.</summary>
public sealed partial class WorkspaceFilterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Defect_filter_keeps_only_tasks_with_that_defect_and_clean_filter_only_clean_ones()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var all = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var missingOutput = await client.GetStringAsync(new Uri("/?loi=Output", UriKind.Relative), Ct);
        var clean = await client.GetStringAsync(new Uri("/?loi=du-6-ro", UriKind.Relative), Ct);

        var rowsAll = Rows(all);
        var rowsOutput = Rows(missingOutput);
        var rowsClean = Rows(clean);
        Assert.NotEmpty(rowsOutput);
        Assert.True(rowsOutput.Count < rowsAll.Count, "the filter must narrow the list");
        Assert.All(rowsOutput, r => Assert.Contains("chưa rõ sản phẩm", r, StringComparison.Ordinal));
        Assert.All(rowsClean, r => Assert.DoesNotContain("class=\"pill defect\"", r, StringComparison.Ordinal));
        // Every task is either clean or has some defect: the two lists never overlap.
        Assert.Empty(TaskIds(clean).Intersect(TaskIds(missingOutput)));
    }

    [Fact]
    public async Task Deadline_window_keeps_tasks_due_inside_it()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/?han-tu=01/07/2026&han-den=30/09/2026", UriKind.Relative), Ct);

        var ids = TaskIds(html);
        Assert.NotEmpty(ids);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        var dues = await db.Tasks.Where(t => ids.Contains(t.Id)).Select(t => t.DeadlineDue).ToListAsync(Ct);
        Assert.All(dues, d => Assert.InRange(d!.Value, new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)));
        var expected = await db.Tasks.CountAsync(t => t.DeadlineDue >= new DateOnly(2026, 7, 1) && t.DeadlineDue <= new DateOnly(2026, 9, 30), Ct);
        Assert.Equal(expected, ids.Count);
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_is_named_in_the_message()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/?han-tu=31/02/2026", UriKind.Relative), Ct);

        Assert.Contains("Hạn từ: \"31/02/2026\" không phải ngày hợp lệ", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.NotEmpty(TaskIds(html));
    }

    [Fact]
    public async Task Section_filter_keeps_that_section()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        string section;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            section = await db.Tasks.GroupBy(t => t.Section).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(Ct);
        }

        var html = await client.GetStringAsync(new Uri("/?nhom=" + Uri.EscapeDataString(section), UriKind.Relative), Ct);

        var ids = TaskIds(html);
        using var check = app.Services.CreateScope();
        var sections = await check.ServiceProvider.GetRequiredService<RoViecDbContext>().Tasks.Where(t => ids.Contains(t.Id)).Select(t => t.Section).Distinct().ToListAsync(Ct);
        Assert.Equal([section], sections);
    }

    [Fact]
    public async Task Defect_list_links_every_defect_to_its_task_and_counts_add_up()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/loi-6-ro", UriKind.Relative), Ct);

        var links = DefectLinkRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var counts = CountRegex().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(links);
        Assert.Equal(6, counts.Count);
        Assert.Equal(links.Count, counts.Sum());
        // The output count on this page is the number of tasks the workspace filter finds for it.
        var outputCount = int.Parse(OutputCountRegex().Match(html).Groups[1].Value, CultureInfo.InvariantCulture);
        var filtered = await client.GetStringAsync(new Uri("/?loi=Output", UriKind.Relative), Ct);
        Assert.Equal(outputCount, TaskIds(filtered).Count);
        var first = await client.GetAsync(new Uri(links[0], UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task Indicator_table_searches_without_diacritics_and_writes_numbers_the_vietnamese_way()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var all = await client.GetStringAsync(new Uri("/chi-tieu", UriKind.Relative), Ct);
        var found = await client.GetStringAsync(new Uri("/chi-tieu?q=chu+ky+so", UriKind.Relative), Ct);

        var total = IndicatorRowRegex().Count(all);
        var hits = IndicatorRowRegex().Count(found);
        Assert.True(total > 0);
        Assert.InRange(hits, 1, total - 1);
        Assert.Contains("chữ ký số", found, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"class=""target"">[^<]*\d\.\d", all);
    }

    [Fact]
    public void Target_is_written_with_a_decimal_comma_and_its_operator()
    {
        var indicator = new Data.Entities.IndicatorRow { Section = "", Name = "x", TargetRaw = "≥ 12,5%", TargetOp = "≥", TargetValue = 12.5m, TargetUnit = "%" };
        var range = new Data.Entities.IndicatorRow { Section = "", Name = "x", TargetRaw = "25-35%", TargetOp = "", TargetValue = 25, TargetValueMax = 35, TargetUnit = "%" };

        Assert.Equal("≥ 12,5 %", Features.Plans.IndicatorsModel.Target(indicator));
        Assert.Equal("25 – 35 %", Features.Plans.IndicatorsModel.Target(range));
    }

    [Fact]
    public async Task Unit_reporter_sees_only_its_units_tasks_in_the_defect_list()
    {
        await using var app = new RoViecApp();
        using var reporter = await app.SignedInClientAsync("congan");
        var police = await app.UnitIdAsync("cong-an");

        var html = await reporter.GetStringAsync(new Uri("/loi-6-ro", UriKind.Relative), Ct);

        var ids = DefectLinkRegex().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value.Split('/', '#')[2])).Distinct().ToList();
        using var scope = app.Services.CreateScope();
        var leads = await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Tasks.Where(t => ids.Contains(t.Id)).Select(t => t.LeadUnitId).Distinct().ToListAsync(Ct);
        Assert.All(leads, l => Assert.Equal(police, l));
    }

    [Fact]
    public void Stored_spans_round_trip_and_a_corrected_field_loses_its_span()
    {
        var spans = new Dictionary<Domain.Tasks.TaskField, Domain.Text.SourceSpan>
        {
            [Domain.Tasks.TaskField.Name] = new(10, 20),
            [Domain.Tasks.TaskField.Lead] = new(40, 5),
        };

        var json = TaskSpans.Write(spans);
        var without = TaskSpans.Read(TaskSpans.Without(json, Domain.Tasks.TaskField.Lead));

        Assert.Equal(spans, TaskSpans.Read(json));
        Assert.Equal([Domain.Tasks.TaskField.Name], without.Keys);
        Assert.Empty(TaskSpans.Read("not json"));
    }

    internal static List<string> Rows(string html) => [.. RowRegex().Matches(html).Select(m => m.Value).Where(r => r.Contains("/nhiem-vu/", StringComparison.Ordinal))];

    internal static List<Guid> TaskIds(string html) => [.. TaskLinkRegex().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).Distinct()];

    [GeneratedRegex(@"<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();

    [GeneratedRegex(@"href=""/nhiem-vu/([0-9a-f-]{36})""")]
    private static partial Regex TaskLinkRegex();

    [GeneratedRegex(@"href=""(/nhiem-vu/[0-9a-f-]{36}#\w+)""")]
    private static partial Regex DefectLinkRegex();

    [GeneratedRegex(@"</a>: <strong>(\d+)</strong>")]
    private static partial Regex CountRegex();

    [GeneratedRegex(@"loi=Output"">Chưa rõ sản phẩm</a>: <strong>(\d+)</strong>")]
    private static partial Regex OutputCountRegex();

    [GeneratedRegex(@"<span class=""target"">")]
    private static partial Regex IndicatorRowRegex();
}
