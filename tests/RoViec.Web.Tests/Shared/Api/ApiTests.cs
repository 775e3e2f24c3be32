using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.ApiTokens;

namespace RoViec.Web.Tests;

/// <summary>The REST API under /api: scoped like the pages, field-level Vietnamese validation, conflicts instead of overwrites.</summary>
public sealed class ApiTests
{
    [Fact]
    public async Task Anonymous_call_is_a_401_problem_not_a_redirect()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/api/tasks", UriKind.Relative), ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("Chưa xác thực (Unauthorized)", problem.GetProperty("title").GetString());
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_reporter_token_sees_only_its_units_work_and_gets_403_elsewhere()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        Guid police;
        (Guid Id, string Name) foreign;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            police = await db.Units.Where(u => u.Key == "cong-an").Select(u => u.Id).SingleAsync(ct);
            var other = await db.Tasks.Where(t => t.LeadUnitId != null && t.LeadUnitId != police).Select(t => new { t.Id, t.Name }).FirstAsync(ct);
            foreign = (other.Id, other.Name);
        }
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "congan"));

        var me = await api.GetFromJsonAsync<JsonElement>("/api/me", ct);
        var tasks = await api.GetFromJsonAsync<JsonElement>("/api/tasks", ct);
        var items = tasks.GetProperty("items").EnumerateArray().ToList();
        var own = items[0];
        using var refused = await api.GetAsync(new Uri($"/api/tasks/{foreign.Id}", UriKind.Relative), ct);
        var refusedBody = await refused.Content.ReadAsStringAsync(ct);
        using var allowed = await api.GetAsync(new Uri($"/api/tasks/{own.GetProperty("id").GetGuid()}", UriKind.Relative), ct);
        using var put = await api.PutAsJsonAsync($"/api/tasks/{own.GetProperty("id").GetGuid()}",
            new { name = "Sửa bởi người báo cáo", version = own.GetProperty("version").GetGuid() }, ct);
        var indicators = await api.GetFromJsonAsync<JsonElement>("/api/indicators", ct);

        Assert.Equal("unit", me.GetProperty("scope").GetString());
        Assert.Equal("Công an xã", me.GetProperty("unitName").GetString());
        Assert.NotEmpty(items);
        Assert.All(items, t => Assert.Equal(police, t.GetProperty("leadUnitId").GetGuid()));
        Assert.Equal(items.Count, tasks.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Không có quyền", refusedBody, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.Name[..Math.Min(30, foreign.Name.Length)], refusedBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.All(indicators.EnumerateArray(), i => Assert.Equal(police, i.GetProperty("ownerUnitId").GetGuid()));
        using var scope2 = app.Services.CreateScope();
        Assert.False(await scope2.ServiceProvider.GetRequiredService<RoViecDbContext>().Tasks.AnyAsync(t => t.Name == "Sửa bởi người báo cáo", ct));
    }

    [Fact]
    public async Task Task_search_ignores_diacritics_and_filters_by_unit_and_deadline_kind()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc"));
        var units = await api.GetFromJsonAsync<JsonElement>("/api/units", ct);
        var police = units.EnumerateArray().Single(u => u.GetProperty("key").GetString() == "cong-an").GetProperty("id").GetGuid();

        var found = await api.GetFromJsonAsync<JsonElement>("/api/tasks?q=phan+mem+diet+virus", ct);
        var quarterly = await api.GetFromJsonAsync<JsonElement>("/api/tasks?deadline=quarter", ct);
        var byUnit = await api.GetFromJsonAsync<JsonElement>($"/api/tasks?unit={police}", ct);
        var all = await api.GetFromJsonAsync<JsonElement>("/api/tasks", ct);
        using var badKind = await api.GetAsync(new Uri("/api/tasks?deadline=sớm", UriKind.Relative), ct);
        var problem = await badKind.Content.ReadFromJsonAsync<JsonElement>(ct);

        var names = found.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains(names, n => n!.Contains("Cài đặt phần mềm diệt virus có bản quyền", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n!.Contains("Wi-Fi", StringComparison.Ordinal));
        Assert.NotEmpty(quarterly.GetProperty("items").EnumerateArray());
        Assert.All(quarterly.GetProperty("items").EnumerateArray(), t => Assert.Equal("Quarter", t.GetProperty("deadlineKind").GetString()));
        Assert.NotEmpty(byUnit.GetProperty("items").EnumerateArray());
        Assert.All(byUnit.GetProperty("items").EnumerateArray(), t => Assert.Equal(police, t.GetProperty("leadUnitId").GetGuid()));
        Assert.True(all.GetProperty("count").GetInt32() > byUnit.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.StartsWith("Loại thời hạn \"sớm\" không hợp lệ", problem.GetProperty("errors").GetProperty("deadline")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_through_the_api_saves_rereads_the_deadline_and_records_who()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc"));
        var task = await FirstTaskAsync(api, "mua sam thiet bi");
        var id = task.GetProperty("id").GetGuid();

        using var response = await api.PutAsJsonAsync($"/api/tasks/{id}", new
        {
            name = task.GetProperty("name").GetString(),
            lead = "Văn phòng HĐND và UBND xã",
            output = "Kế hoạch mua sắm được phê duyệt",
            deadline = "Quý II/2026",
            version = task.GetProperty("version").GetGuid(),
        }, ct);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var reread = await api.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Kế hoạch mua sắm được phê duyệt", saved.GetProperty("output").GetString());
        Assert.Equal("Quarter", saved.GetProperty("deadlineKind").GetString());
        Assert.Equal("2026-06-30", saved.GetProperty("deadlineDue").GetString());
        Assert.NotEqual(task.GetProperty("version").GetGuid(), saved.GetProperty("version").GetGuid());
        Assert.Equal(saved.GetProperty("version").GetGuid(), reread.GetProperty("version").GetGuid());
        Assert.Equal("Văn phòng HĐND và UBND xã", reread.GetProperty("lead").GetString());
        using var scope = app.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Audit
            .Where(a => a.Entity == nameof(PlanTaskRow) && a.EntityId == id.ToString() && a.Action == "update").SingleAsync(ct);
        Assert.Equal("thuongtruc", audit.Actor);
    }

    [Fact]
    public async Task Invalid_correction_gets_vietnamese_messages_per_field_and_saves_nothing()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc"));
        var task = await FirstTaskAsync(api, "mua sam thiet bi");
        var id = task.GetProperty("id").GetGuid();

        using var response = await api.PutAsJsonAsync($"/api/tasks/{id}", new { name = "   ", lead = new string('x', 600), deadline = "Quý II/2026" }, ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var errors = problem.GetProperty("errors");
        var after = await api.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}", ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Nội dung nhiệm vụ không được để trống."], errors.GetProperty("name").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Tên đơn vị chủ trì quá dài (tối đa 500 ký tự).", errors.GetProperty("lead")[0].GetString());
        Assert.StartsWith("Thiếu phiên bản (version)", errors.GetProperty("version")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("deadline", out _));
        Assert.Equal(task.GetProperty("version").GetGuid(), after.GetProperty("version").GetGuid());
        Assert.Equal(task.GetProperty("name").GetString(), after.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Malformed_or_mistyped_json_gets_a_vietnamese_400_not_an_exception()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc"));
        var task = await FirstTaskAsync(api, "mua sam thiet bi");
        var url = new Uri($"/api/tasks/{task.GetProperty("id").GetGuid()}", UriKind.Relative);

        async Task<(HttpStatusCode Status, JsonElement Problem)> PutRawAsync(string json)
        {
            using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            using var response = await api.PutAsync(url, content, ct);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(ct));
        }

        var broken = await PutRawAsync("{\"name\": ");
        var badVersion = await PutRawAsync("{\"name\": \"Mua sắm\", \"version\": \"không-phải-guid\"}");
        var badName = await PutRawAsync($"{{\"name\": 5, \"version\": \"{task.GetProperty("version").GetGuid()}\"}}");
        using var query = await api.GetAsync(new Uri("/api/tasks?xa=khong-phai-ma", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.StartsWith("Nội dung JSON không đọc được", broken.Problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badVersion.Status);
        Assert.StartsWith("Phiên bản (version) phải là mã GUID", badVersion.Problem.GetProperty("errors").GetProperty("version")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badName.Status);
        Assert.Contains("\"name\" không đúng kiểu", badName.Problem.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.Equal("application/problem+json", query.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Stale_version_is_a_409_with_the_current_version_and_nothing_is_overwritten()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc"));
        var task = await FirstTaskAsync(api, "mua sam thiet bi");
        var id = task.GetProperty("id").GetGuid();
        var name = task.GetProperty("name").GetString();
        var read = task.GetProperty("version").GetGuid();

        using var first = await api.PutAsJsonAsync($"/api/tasks/{id}", new { name, output = "Bản của người thứ nhất", version = read }, ct);
        var firstSaved = await first.Content.ReadFromJsonAsync<JsonElement>(ct);
        using var second = await api.PutAsJsonAsync($"/api/tasks/{id}", new { name, output = "Bản của người thứ hai", version = read }, ct);
        var conflict = await second.Content.ReadFromJsonAsync<JsonElement>(ct);
        var after = await api.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}", ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(firstSaved.GetProperty("version").GetGuid(), conflict.GetProperty("currentVersion").GetGuid());
        Assert.Equal("Bản của người thứ nhất", conflict.GetProperty("current").GetProperty("output").GetString());
        Assert.Contains("chưa có gì bị ghi đè", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bản của người thứ nhất", after.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Script_in_a_field_is_stored_and_returned_as_text_never_as_markup()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc"));
        var task = await FirstTaskAsync(api, "mua sam thiet bi");
        var id = task.GetProperty("id").GetGuid();
        const string Script = "<script>alert('rõ việc')</script> Mua sắm thiết bị";

        (await api.PutAsJsonAsync($"/api/tasks/{id}", new { name = Script, version = task.GetProperty("version").GetGuid() }, ct)).EnsureSuccessStatusCode();
        using var response = await api.GetAsync(new Uri($"/api/tasks/{id}", UriKind.Relative), ct);
        var raw = await response.Content.ReadAsStringAsync(ct);
        using var browser = await app.SignedInClientAsync("thuongtruc");
        var page = await browser.GetStringAsync(new Uri($"/nhiem-vu/{id}", UriKind.Relative), ct);

        Assert.Equal(Script, JsonDocument.Parse(raw).RootElement.GetProperty("name").GetString());
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", raw, StringComparison.Ordinal);
        // Vietnamese stays readable in the JSON, only markup characters are escaped.
        Assert.Contains("rõ việc", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_browser_reads_the_api_but_cannot_write_with_its_cookie()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var browser = await app.SignedInClientAsync("thuongtruc");
        var task = await FirstTaskAsync(browser, "mua sam thiet bi");
        var id = task.GetProperty("id").GetGuid();

        using var put = await browser.PutAsJsonAsync($"/api/tasks/{id}",
            new { name = "Ghi từ trang khác", version = task.GetProperty("version").GetGuid() }, ct);
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>(ct);
        var after = await browser.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Contains("cần mã API", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(task.GetProperty("name").GetString(), after.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Another_communes_plan_and_tasks_do_not_exist_for_its_token()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        string token;
        Guid taskId, planId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            taskId = await db.Tasks.Select(t => t.Id).FirstAsync(ct);
            planId = await db.Plans.Select(p => p.Id).FirstAsync(ct);
            var other = new Commune { Id = Guid.NewGuid(), Name = "Xuân Giang" };
            db.Communes.Add(other);
            await db.SaveChangesAsync(ct);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { Id = Guid.NewGuid(), UserName = "xuangiang", CommuneId = other.Id };
            Assert.True((await users.CreateAsync(user, "Ban-chi-dao-2026-an-toan")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.StandingOffice)).Succeeded);
            var created = await CreateApiToken.RunAsync(db, user.Id, "Xuân Giang", null, app.UtcNow, ct);
            token = Assert.IsType<CreateApiToken.Result.Created>(created).Token;
        }
        using var api = ApiClients.WithToken(app, token);

        using var task = await api.GetAsync(new Uri($"/api/tasks/{taskId}", UriKind.Relative), ct);
        using var put = await api.PutAsJsonAsync($"/api/tasks/{taskId}", new { name = "Ghi đè xã khác", version = Guid.NewGuid() }, ct);
        using var plan = await api.GetAsync(new Uri($"/api/plans/{planId}", UriKind.Relative), ct);
        var plans = await api.GetFromJsonAsync<JsonElement>("/api/plans", ct);
        using var tasks = await api.GetAsync(new Uri("/api/tasks", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.NotFound, task.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, plan.StatusCode);
        Assert.Empty(plans.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, tasks.StatusCode);
        Assert.Contains("chưa có kế hoạch", await tasks.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_indicators_and_units_of_the_commune_are_listed_and_a_province_sees_its_communes()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc"));
        using var province = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "tinh"));

        var plans = await api.GetFromJsonAsync<JsonElement>("/api/plans", ct);
        var plan = plans.EnumerateArray().Single();
        var one = await api.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.GetProperty("id").GetGuid()}", ct);
        var indicators = await api.GetFromJsonAsync<JsonElement>("/api/indicators", ct);
        var units = await api.GetFromJsonAsync<JsonElement>("/api/units", ct);
        var provinceMe = await province.GetFromJsonAsync<JsonElement>("/api/me", ct);
        var provincePlans = await province.GetFromJsonAsync<JsonElement>("/api/plans", ct);

        Assert.Equal("Active", plan.GetProperty("status").GetString());
        Assert.True(plan.GetProperty("taskCount").GetInt32() > 10);
        Assert.EndsWith("Z", plan.GetProperty("importedAtUtc").GetString(), StringComparison.Ordinal);
        Assert.Equal(plan.GetProperty("title").GetString(), one.GetProperty("title").GetString());
        Assert.Equal(plan.GetProperty("indicatorCount").GetInt32(), indicators.GetArrayLength());
        Assert.Contains(units.EnumerateArray(), u => u.GetProperty("name").GetString() == "Công an xã");
        Assert.Equal("province", provinceMe.GetProperty("scope").GetString());
        Assert.Equal(plan.GetProperty("id").GetGuid(), provincePlans.EnumerateArray().Single().GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> FirstTaskAsync(HttpClient client, string query)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?q={Uri.EscapeDataString(query)}", TestContext.Current.CancellationToken);
        return list.GetProperty("items")[0];
    }
}
