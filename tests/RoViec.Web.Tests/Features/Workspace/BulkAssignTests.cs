using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>Bulk assignment of a lead unit from the workspace: all chosen tasks or none, never over someone else's edit.</summary>
public sealed partial class BulkAssignTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Standing_office_assigns_a_lead_to_several_tasks_at_once_with_history()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var police = await app.UnitIdAsync("cong-an");
        var page = await client.GetStringAsync(new Uri("/?loi=Lead", UriKind.Relative), Ct);
        var chosen = Choices(page).Take(2).ToList();
        Assert.Equal(2, chosen.Count);

        var response = await PostAsync(client, page, chosen, police.ToString());

        // The test client follows the redirect back to the same filtered list, as a browser does.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/?loi=Lead", response.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("Đã giao đơn vị chủ trì cho 2 nhiệm vụ.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        var ids = chosen.Select(c => Guid.Parse(c.Split(':')[0])).ToList();
        var rows = await db.Tasks.Where(t => ids.Contains(t.Id)).ToListAsync(Ct);
        Assert.All(rows, r => Assert.Equal(police, r.LeadUnitId));
        Assert.All(rows, r => Assert.Equal("Công an xã", r.LeadAsWritten));
        var keys = ids.Select(i => i.ToString()).ToList();
        var history = await db.Audit.Where(a => a.Entity == nameof(PlanTaskRow) && a.Action == "update" && keys.Contains(a.EntityId)).ToListAsync(Ct);
        Assert.Equal(2, history.Count);
        Assert.All(history, h => Assert.Equal("thuongtruc", h.Actor));
    }

    [Fact]
    public async Task A_task_changed_in_between_stops_the_whole_assignment_with_409()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var police = await app.UnitIdAsync("cong-an");
        var page = await client.GetStringAsync(new Uri("/?loi=Lead", UriKind.Relative), Ct);
        var chosen = Choices(page).Take(2).ToList();
        var changed = Guid.Parse(chosen[1].Split(':')[0]);
        var untouched = Guid.Parse(chosen[0].Split(':')[0]);
        Guid? before;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            var row = await db.Tasks.SingleAsync(t => t.Id == changed, Ct);
            row.Output = "Báo cáo kết quả";
            row.Version = Guid.NewGuid();
            await db.SaveChangesAsync(Ct);
            before = await db.Tasks.Where(t => t.Id == untouched).Select(t => t.LeadUnitId).SingleAsync(Ct);
        }

        var response = await PostAsync(client, page, chosen, police.ToString());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("vừa được người khác sửa", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var check = app.Services.CreateScope();
        var lead = await check.ServiceProvider.GetRequiredService<RoViecDbContext>().Tasks.Where(t => t.Id == untouched).Select(t => t.LeadUnitId).SingleAsync(Ct);
        Assert.Equal(before, lead);
    }

    [Theory]
    [InlineData(false, true, "Hãy chọn ít nhất một nhiệm vụ để giao.")]
    [InlineData(true, false, "Hãy chọn đơn vị chủ trì.")]
    public async Task Missing_tasks_or_unit_is_400_with_a_message(bool withTasks, bool withUnit, string message)
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var police = await app.UnitIdAsync("cong-an");
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        var response = await PostAsync(client, page, withTasks ? Choices(page).Take(1).ToList() : [], withUnit ? police.ToString() : "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_of_another_commune_is_refused_and_nothing_changes()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        Guid foreignUnit;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            var other = new Commune { Id = Guid.NewGuid(), Name = "Xuân Giang" };
            var unit = new OrgUnit { Id = Guid.NewGuid(), CommuneId = other.Id, Key = "cong-an", Name = "Công an xã", Kind = "Police" };
            db.Communes.Add(other);
            db.Units.Add(unit);
            await db.SaveChangesAsync(Ct);
            foreignUnit = unit.Id;
        }
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        var response = await PostAsync(client, page, Choices(page).Take(1).ToList(), foreignUnit.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var check = app.Services.CreateScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<RoViecDbContext>().Tasks.AnyAsync(t => t.LeadUnitId == foreignUnit, Ct));
    }

    [Fact]
    public async Task Unit_reporter_cannot_assign_and_sees_no_checkboxes()
    {
        await using var app = new RoViecApp();
        using var office = await app.SignedInClientAsync("thuongtruc");
        var officePage = await office.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        using var reporter = await app.SignedInClientAsync("congan");
        var page = await reporter.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var police = await app.UnitIdAsync("cong-an");

        var response = await PostAsync(reporter, page, Choices(officePage).Take(1).ToList(), police.ToString());

        Assert.Empty(Choices(page));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var police = await app.UnitIdAsync("cong-an");
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        using var content = new FormUrlEncodedContent([new("chon", Choices(page)[0]), new("giao-cho", police.ToString())]);

        var response = await client.PostAsync(new Uri("/?handler=Assign", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, IReadOnlyList<string> chosen, string unit)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", RoViecApp.AntiforgeryToken(page)), new("giao-cho", unit) };
        fields.AddRange(chosen.Select(c => new KeyValuePair<string, string>("chon", c)));
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/?loi=Lead&handler=Assign", UriKind.Relative), content, Ct);
    }

    private static List<string> Choices(string html) => [.. ChoiceRegex().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"name=""chon"" value=""([0-9a-f-]{36}:[0-9a-f-]{36})""")]
    private static partial Regex ChoiceRegex();
}
