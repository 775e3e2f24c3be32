using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// Every endpoint the application maps, against every role of PRODUCT.md (plus anonymous and a
/// signed-in account without a role): the expected allow or deny, asserted by real requests.
/// A new endpoint without a rule here fails the first test, so nobody adds a page unguarded.
/// </summary>
public sealed class AuthorisationMatrixTests(AuthorisationMatrixTests.Shared shared) : IClassFixture<AuthorisationMatrixTests.Shared>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// One application for the tests that only read (the rule lists and every caller's GETs): a GET changes nothing another
    /// caller's answer depends on. The form posts and the outsiders' tests each start their own, as posts may change state.
    /// </summary>
    public sealed class Shared : IAsyncDisposable
    {
        public RoViecApp App { get; } = new();

        private Dictionary<string, string>? _values;

        /// <summary>The sample rows the routes are filled with, made once (making them adds rows).</summary>
        public async Task<Dictionary<string, string>> ValuesAsync() => _values ??= await SampleValuesAsync(App);

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>Who is asking: a demo account (or none), its role and, for unit roles, whether the sample task is its unit's.</summary>
    public sealed record Caller(string? UserName, string? Role, bool OwnsSampleTask = false)
    {
        public override string ToString() => UserName ?? "anonymous";
    }

    private static readonly Caller Anonymous = new(null, null);
    private static readonly Caller NoRole = new("khongvaitro", null);

    public static readonly TheoryData<string> CallerNames = new(
        "anonymous", "khongvaitro", "admin", "thuongtruc", "congan", "truongcongan", "vhxh", "thanhvien", "truongban", "ubkt", "tinh");

    private static readonly Dictionary<string, Caller> Callers = new Caller[]
    {
        Anonymous, NoRole,
        new("admin", Roles.Administrator), new("thuongtruc", Roles.StandingOffice),
        new("congan", Roles.UnitReporter, OwnsSampleTask: true), new("truongcongan", Roles.UnitHead, OwnsSampleTask: true),
        new("vhxh", Roles.UnitReporter), new("thanhvien", Roles.SteeringMember), new("truongban", Roles.Chair),
        new("ubkt", Roles.Inspector), new("tinh", Roles.ProvinceOffice),
    }.ToDictionary(c => c.ToString());

    private static bool Anyone(Caller c) => true;
    private static bool SignedIn(Caller c) => c.UserName is not null;
    private static bool AnyRole(Caller c) => c.Role is not null;
    private static bool SampleTaskReader(Caller c) => AnyRole(c) && (c.Role is not (Roles.UnitReporter or Roles.UnitHead) || c.OwnsSampleTask);
    private static bool PlanManager(Caller c) => c.Role is Roles.Administrator or Roles.StandingOffice;
    private static bool Administrator(Caller c) => c.Role is Roles.Administrator;
    private static bool SampleUnitReporter(Caller c) => c.Role is Roles.UnitReporter && c.OwnsSampleTask;
    private static bool SampleUnitHead(Caller c) => c.Role is Roles.UnitHead && c.OwnsSampleTask;
    private static bool SampleUnit(Caller c) => SampleUnitReporter(c) || SampleUnitHead(c);

    /// <summary>"METHOD route pattern" → who may use it. Route values are filled from the demo commune.</summary>
    private static readonly Dictionary<string, Func<Caller, bool>> Rules = new()
    {
        // Signed in without a role: "/" sends the account to its own page rather than refusing it.
        ["GET /"] = SignedIn,
        ["GET /Index"] = SignedIn,
        ["GET /chi-tieu"] = AnyRole,
        // The sample indicator has no owner unit yet: unit roles see only indicators their unit owns.
        ["GET /chi-tieu/{id:guid}"] = c => AnyRole(c) && c.Role is not (Roles.UnitReporter or Roles.UnitHead),
        ["GET /loi-6-ro"] = AnyRole,
        ["GET /xuat-excel"] = AnyRole,
        ["GET /nhiem-vu/{id:guid}"] = SampleTaskReader,
        ["GET /nhiem-vu/{id:guid}/sua"] = PlanManager,
        // Asking to move a task's deadline is its lead unit's; deciding is the standing office's, and the unit reads its request.
        ["GET /nhiem-vu/{id:guid}/dieu-chinh-han"] = SampleUnit,
        ["GET /de-nghi-dieu-chinh-han"] = PlanManager,
        // A task's money is read by whoever reads the task; the money page by every role (a unit sees its own tasks').
        ["GET /nhiem-vu/{id:guid}/kinh-phi"] = SampleTaskReader,
        ["GET /kinh-phi"] = AnyRole,
        ["GET /de-nghi-dieu-chinh-han/{id:guid}"] = SampleTaskReader,
        ["GET /nhap-ke-hoach"] = PlanManager,
        ["GET /nhap-ke-hoach/{id:guid}"] = PlanManager,
        ["GET /nhap-ke-hoach/{planId:guid}/nhiem-vu/{taskId:guid}"] = PlanManager,
        ["GET /nhap-ke-hoach/{planId:guid}/chi-tieu/{indicatorId:guid}"] = PlanManager,
        ["GET /nhap-ke-hoach/{id:guid}/don-vi"] = PlanManager,
        ["GET /ke-hoach"] = AnyRole,
        ["GET /ke-hoach/{id:guid}"] = AnyRole,
        // Carrying last year's unfinished tasks over is the standing office's.
        ["GET /ke-hoach/{id:guid}/chuyen-tiep"] = PlanManager,
        ["GET /ke-hoach/{id:guid}/dieu-chinh"] = PlanManager,
        // Next year's proposals: a unit role reads its unit's own (others are sent to the compiled page); the compiled
        // page is for those who see the whole commune.
        ["GET /de-xuat-nam-sau/{id:guid?}"] = AnyRole,
        ["GET /de-xuat-nam-sau/tong-hop"] = c => AnyRole(c) && c.Role is not (Roles.UnitReporter or Roles.UnitHead),
        // The province's cockpit: province-level accounts only (a commune's users never see other communes' figures).
        ["GET /tinh"] = c => c.Role is Roles.ProvinceOffice,
        // The national view: national accounts only (none among these callers).
        ["GET /ca-nuoc"] = _ => false,
        // Pushing down and rolling up: the province office's; a commune reads what was pushed to it (the whole-commune roles).
        ["GET /tinh/giao-viec"] = c => c.Role is Roles.ProvinceOffice,
        ["GET /tinh/giao-viec/{id:guid}"] = c => c.Role is Roles.ProvinceOffice,
        ["GET /tinh/chi-tieu-chung"] = c => c.Role is Roles.ProvinceOffice,
        ["GET /viec-tinh-giao"] = c => AnyRole(c) && c.Role is not (Roles.UnitReporter or Roles.UnitHead or Roles.ProvinceOffice),
        ["GET /to-chuc"] = Administrator,
        ["GET /to-chuc/them-don-vi"] = Administrator,
        ["GET /to-chuc/don-vi/{id:guid}"] = Administrator,
        ["GET /to-chuc/ban-chi-dao"] = Administrator,
        ["GET /to-chuc/ban-chi-dao/thanh-vien/{id:guid?}"] = Administrator,
        ["GET /nguoi-dung"] = Administrator,
        ["GET /nguoi-dung/moi"] = Administrator,
        ["GET /nguoi-dung/{id:guid}"] = Administrator,
        // One's own account, even without a role.
        ["GET /tai-khoan"] = SignedIn,
        ["GET /tai-khoan/mat-khau"] = SignedIn,
        ["GET /tai-khoan/xac-thuc-hai-buoc"] = SignedIn,
        // One's own notices and how to receive them, even without a role (its handlers answer the same).
        ["GET /thong-bao"] = SignedIn,
        ["GET /thong-bao/tuy-chon"] = SignedIn,
        // Without a password just checked it leads back to the sign-in form, for anyone.
        ["GET /dang-nhap/ma-xac-thuc"] = Anyone,
        ["GET /dang-nhap"] = Anyone,
        // The one-time link to set one's password is opened before its person can sign in; without a valid link it refuses (400).
        ["GET /dat-mat-khau"] = Anyone,
        ["GET /loi/{code:int}"] = Anyone,
        ["GET /ngon-ngu"] = Anyone,
        ["GET /health"] = Anyone,
        ["GET /health/live"] = Anyone,
        ["GET /health/ready"] = Anyone,
        // Prometheus scrapes it from the machine itself (loopback, or RoViec:Metrics:Addresses); any caller of the site gets 403.
        ["GET /metrics"] = _ => false,
        // The REST API reads with the pages' scopes; a token is made by any signed-in account for itself.
        ["GET /api/me"] = SignedIn,
        ["GET /api/plans"] = AnyRole,
        ["GET /api/plans/{id:guid}"] = AnyRole,
        ["GET /api/tasks"] = AnyRole,
        ["GET /api/tasks/{id:guid}"] = SampleTaskReader,
        ["GET /api/indicators"] = AnyRole,
        ["GET /api/units"] = AnyRole,
        ["GET /tai-khoan/ma-api"] = SignedIn,
        // The reporting cycle: periods are read by every role (a unit sees only its own line in a period);
        // the period overview is for those who see the whole commune.
        ["GET /ky-bao-cao"] = AnyRole,
        ["GET /ky-bao-cao/{id:guid}"] = AnyRole,
        ["GET /tong-quan"] = c => AnyRole(c) && c.Role is not (Roles.UnitReporter or Roles.UnitHead),
        // The compiled report of a period: the standing office publishes it, the chair reads it before signing.
        ["GET /ky-bao-cao/{id:guid}/bao-cao.docx"] = c => c.Role is Roles.Administrator or Roles.StandingOffice or Roles.Chair,
        ["GET /ky-bao-cao/{id:guid}/soan-bao-cao"] = c => c.Role is Roles.Administrator or Roles.StandingOffice or Roles.Chair,
        ["GET /ky-bao-cao/{id:guid}/so-lieu.xlsx"] = c => c.Role is Roles.Administrator or Roles.StandingOffice or Roles.Chair,
        ["GET /ky-bao-cao/{id:guid}/xuat-len.{format}"] = c => c.Role is Roles.Administrator or Roles.StandingOffice or Roles.Chair,
        // The way up to the province: read by those who see the whole commune and by its province office.
        ["GET /ky-bao-cao/{id:guid}/gui-tinh"] = c => AnyRole(c) && c.Role is not (Roles.UnitReporter or Roles.UnitHead),
        ["GET /ky-bao-cao/{id:guid}/nhap-len"] = c => c.Role is Roles.Administrator or Roles.StandingOffice or Roles.Chair,
        // The API's description and its reference page reveal no data.
        ["GET /openapi/{documentName}.json"] = Anyone,
        ["GET /tai-lieu-api/{documentName?}"] = Anyone,
        ["GET /tai-lieu-api/scalar.js"] = Anyone,
        ["GET /tai-lieu-api/scalar.aspnetcore.js"] = Anyone,
        ["GET /tai-lieu-api/favicon.svg"] = Anyone,
        // The inspection committee's cross-check; the standing office (and its administrator) reads it.
        ["GET /kiem-tra-cheo"] = c => c.Role is Roles.Inspector or Roles.StandingOffice or Roles.Administrator,
        // Reports: every reader of the commune; a unit's report and its evidence only for that unit among unit roles.
        ["GET /bao-cao"] = AnyRole,
        ["GET /bao-cao/{id:guid}"] = SampleTaskReader,
        ["GET /bao-cao/{id:guid}/minh-chung/{evidenceId:guid}"] = SampleTaskReader,
        // Evaluation: every role reads the month's dashboard (a unit its own part) and the scores (a unit role only
        // its own unit's breakdown); the standing office keeps the schemes' versions and the public page.
        ["GET /bang-dieu-khien"] = AnyRole,
        ["GET /bang-dieu-khien/{periodId:guid}/{chart}.svg"] = AnyRole,
        ["GET /diem"] = AnyRole,
        ["GET /diem/{periodId:guid}/{unitId:guid}"] = SampleTaskReader,
        ["GET /diem/bo-tieu-chi"] = AnyRole,
        ["GET /diem/nhap-lieu"] = PlanManager,
        ["GET /cong-khai/cai-dat"] = PlanManager,
        ["GET /cong-khai/phan-hoi"] = PlanManager,
        // The public page needs no sign-in (the demo's is not published yet: 404, not a refusal).
        ["GET /cong-khai/{slug}"] = Anyone,
    };

    [Fact]
    public void Every_mapped_endpoint_has_a_rule()
    {
        var app = shared.App;
        _ = app.CreateClient();

        var mapped = Endpoints(app);

        Assert.Empty(mapped.Except(Rules.Keys));
        Assert.Empty(Rules.Keys.Except(mapped));
    }

    [Theory]
    [MemberData(nameof(CallerNames))]
    public async Task Each_endpoint_allows_exactly_the_expected_callers(string callerName)
    {
        var caller = Callers[callerName];
        var app = shared.App;
        var values = await shared.ValuesAsync();
        using var client = caller.UserName is null ? app.CreateClient(new() { AllowAutoRedirect = false }) : await SignInAsync(app, caller);

        var wrong = new List<string>();
        foreach (var (endpoint, rule) in Rules)
        {
            var path = Fill(endpoint.Split(' ', 2)[1], values);
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            var denied = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/dang-nhap", StringComparison.Ordinal) == true && !path.StartsWith("/dang-nhap", StringComparison.Ordinal));
            var failed = (int)response.StatusCode >= 500;
            if (failed || denied == rule(caller))
                wrong.Add($"{endpoint} ({path}) → {(int)response.StatusCode} {response.Headers.Location}, expected {(rule(caller) ? "allowed" : "denied")}"
                    + (failed ? ": " + Clip(await response.Content.ReadAsStringAsync(Ct)) : ""));
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>
    /// Form posts answer to the same page authorisation as the page itself, except where a handler
    /// asks for more (bulk assignment on the workspace is the standing office's).
    /// </summary>
    private static readonly Dictionary<string, Func<Caller, bool>> PostOverrides = new()
    {
        ["POST /?handler=Assign"] = PlanManager,
        // Marking what was entered upward is the standing office's; the chair only looks.
        ["POST /ky-bao-cao/{id:guid}/nhap-len?handler=Mark"] = PlanManager,
        ["POST /ky-bao-cao/{id:guid}/nhap-len?handler=Unmark"] = PlanManager,
        // Removing a stored layout profile is the standing office's; the chair composes but keeps the profiles.
        ["POST /ky-bao-cao/{id:guid}/soan-bao-cao?handler=DeleteProfile"] = PlanManager,
        ["POST /Index?handler=Assign"] = PlanManager,
        ["POST /ky-bao-cao?handler=Rules"] = PlanManager,
        ["POST /ky-bao-cao?handler=Open"] = PlanManager,
        ["POST /ky-bao-cao?handler=AdHoc"] = PlanManager,
        ["POST /ky-bao-cao/{id:guid}?handler=Extend"] = PlanManager,
        ["POST /ky-bao-cao/{id:guid}/gui-tinh?handler=Approve"] = PlanManager,
        ["POST /viec-tinh-giao?handler=AcceptTask"] = PlanManager,
        ["POST /viec-tinh-giao?handler=AcceptIndicator"] = PlanManager,
        ["POST /viec-tinh-giao?handler=Decline"] = PlanManager,
        ["POST /ky-bao-cao/{id:guid}/gui-tinh?handler=Accept"] = c => c.Role is Roles.ProvinceOffice,
        ["POST /ky-bao-cao/{id:guid}/gui-tinh?handler=Return"] = c => c.Role is Roles.ProvinceOffice,
        // Merging a unit into another is the administrator's, as is everything else on the unit's page.
        ["POST /to-chuc/don-vi/{id:guid}?handler=Merge"] = Administrator,
        // Only the inspection committee draws the sample and records results.
        ["POST /kiem-tra-cheo?handler=Draw"] = c => c.Role is Roles.Inspector,
        ["POST /kiem-tra-cheo?handler=Record"] = c => c.Role is Roles.Inspector,
        // The sample report is the police's: its reporter fills it, its head approves it, the standing office verifies it.
        ["POST /bao-cao/{id:guid}?handler=Draft"] = SampleUnitReporter,
        ["POST /bao-cao/{id:guid}?handler=Submit"] = SampleUnitReporter,
        ["POST /bao-cao/{id:guid}?handler=Evidence"] = SampleUnitReporter,
        ["POST /bao-cao/{id:guid}?handler=RemoveEvidence"] = SampleUnitReporter,
        ["POST /bao-cao/{id:guid}?handler=Approve"] = SampleUnitHead,
        ["POST /bao-cao/{id:guid}?handler=HeadReturn"] = SampleUnitHead,
        ["POST /bao-cao/{id:guid}?handler=Return"] = PlanManager,
        ["POST /bao-cao/{id:guid}?handler=Verify"] = PlanManager,
        ["POST /bao-cao/{id:guid}?handler=Correct"] = PlanManager,
        ["POST /diem?handler=Recompute"] = PlanManager,
        ["POST /de-nghi-dieu-chinh-han/{id:guid}?handler=Approve"] = PlanManager,
        ["POST /de-nghi-dieu-chinh-han/{id:guid}?handler=Refuse"] = PlanManager,
        ["POST /diem/bo-tieu-chi"] = PlanManager,
        ["POST /ke-hoach/{id:guid}/chuyen-tiep"] = PlanManager,
        ["POST /ke-hoach/{id:guid}/dieu-chinh?handler=Add"] = PlanManager,
        ["POST /ke-hoach/{id:guid}/dieu-chinh?handler=Close"] = PlanManager,
        ["POST /ke-hoach/{id:guid}/dieu-chinh?handler=Link"] = PlanManager,
        // Allocating, marking an information system and the security threshold are the standing office's; a disbursement
        // is the office's or the lead unit's reporter's (not its head's).
        ["POST /nhiem-vu/{id:guid}/kinh-phi?handler=Allocate"] = PlanManager,
        ["POST /nhiem-vu/{id:guid}/kinh-phi?handler=InformationSystem"] = PlanManager,
        ["POST /nhiem-vu/{id:guid}/kinh-phi?handler=Disburse"] = c => PlanManager(c) || SampleUnitReporter(c),
        ["POST /kinh-phi?handler=Threshold"] = PlanManager,
        // A unit's reporter writes and sends its own unit's proposal; the standing office decides on them.
        ["POST /de-xuat-nam-sau/{id:guid?}?handler=Save"] = c => c.Role is Roles.UnitReporter,
        ["POST /de-xuat-nam-sau/{id:guid?}?handler=Submit"] = c => c.Role is Roles.UnitReporter,
        ["POST /de-xuat-nam-sau/tong-hop?handler=Accept"] = PlanManager,
        ["POST /de-xuat-nam-sau/tong-hop?handler=Decline"] = PlanManager,
        ["POST /de-xuat-nam-sau/tong-hop?handler=Return"] = PlanManager,
        ["POST /de-xuat-nam-sau/tong-hop?handler=AddToPlan"] = PlanManager,
        ["POST /de-xuat-nam-sau/tong-hop?handler=Due"] = PlanManager,
    };

    /// <summary>REST writes: with the caller's own API token (a browser cookie never writes, see ADR 0004).</summary>
    private static readonly Dictionary<string, Func<Caller, bool>> ApiWrites = new()
    {
        ["PUT /api/tasks/{id:guid}"] = PlanManager,
        ["POST /api/imports"] = PlanManager,
        // Citizens' feedback on a public page: anyone (the demo's page is not published: 404, not a refusal).
        ["POST /cong-khai/{slug}/gop-y"] = Anyone,
    };

    [Fact]
    public async Task Every_form_post_and_api_write_has_a_rule()
    {
        var app = shared.App;
        _ = app.CreateClient();

        var posts = await FormPostsAsync(app);
        var writes = WriteEndpoints(app);

        Assert.NotEmpty(posts);
        Assert.DoesNotContain(posts, p => !PostOverrides.ContainsKey(p) && !Rules.ContainsKey("GET " + RouteOf(p)));
        Assert.Equal(ApiWrites.Keys.Order(), writes.Order());
    }

    [Theory]
    [MemberData(nameof(CallerNames))]
    public async Task Each_form_post_and_api_write_allows_exactly_the_expected_callers(string callerName)
    {
        var caller = Callers[callerName];
        await using var app = new RoViecApp();
        var values = await SampleValuesAsync(app);
        using var client = caller.UserName is null ? app.CreateClient(new() { AllowAutoRedirect = false }) : await SignInAsync(app, caller);
        var token = caller.UserName is null ? null : await ApiClients.CreateTokenAsync(app, caller.UserName);
        // The caller's own antiforgery token, as its browser would post it.
        var form = await client.GetStringAsync(new Uri(caller.UserName is null ? "/dang-nhap" : "/tai-khoan", UriKind.Relative), Ct);
        var antiforgery = RoViecApp.AntiforgeryToken(form);
        Assert.NotEmpty(antiforgery);

        var wrong = new List<string>();
        using (var api = token is null ? app.CreateClient() : ApiClients.WithToken(app, token))
        {
            foreach (var (endpoint, rule) in ApiWrites)
            {
                var (method, pattern) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Fill(pattern, values), UriKind.Relative))
                {
                    Content = method == "PUT" ? JsonContent.Create(new { name = "Kiểm tra quyền", version = Guid.NewGuid() }) : new MultipartFormDataContent(),
                };
                using var response = await api.SendAsync(request, Ct);
                Check(app, endpoint, response, rule(caller), wrong);
            }
        }
        // Signing out comes last: it ends the session the other posts need.
        foreach (var post in (await FormPostsAsync(app)).OrderBy(p => p.Contains("SignOut", StringComparison.Ordinal)))
        {
            var rule = PostOverrides.GetValueOrDefault(post) ?? Rules["GET " + RouteOf(post)];
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]);
            using var response = await client.PostAsync(new Uri(Fill(post[5..], values), UriKind.Relative), content, Ct);
            Check(app, post, response, rule(caller), wrong);
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>Callers of another commune (in another province), and that province's office.</summary>
    public static readonly TheoryData<string> OutsiderRoles = new(Roles.Administrator, Roles.StandingOffice, Roles.UnitReporter, Roles.ProvinceOffice);

    /// <summary>
    /// A caller from a second commune gets 404 on every route that takes an id of the demo commune and that their role
    /// may use (pages, their form posts, downloads and the API): the row is not theirs to know of. Where their role may
    /// not use the route at all, the refusal is the role's (403), the same for any id. No page they may open shows
    /// anything of the demo commune.
    /// </summary>
    [Theory]
    [MemberData(nameof(OutsiderRoles))]
    public async Task A_caller_from_another_commune_gets_404_and_no_data_on_every_route(string role)
    {
        await using var app = new RoViecApp();
        var values = await SampleValuesAsync(app);
        var userName = "ngoai-" + role;
        string taskName;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            taskName = await db.Tasks.Where(t => t.Id == Guid.Parse(values["/nhiem-vu"])).Select(t => t.Name).SingleAsync(Ct);
            var province = new Province { Id = Guid.NewGuid(), Name = "Hà Tĩnh" };
            var commune = new Commune { Id = Guid.NewGuid(), Name = "Cẩm Xuyên", ProvinceId = province.Id };
            var unit = new OrgUnit { Id = Guid.NewGuid(), CommuneId = commune.Id, Key = "cong-an", Name = "Công an xã Cẩm Xuyên", Kind = "Police" };
            db.AddRange(province, commune, unit);
            await db.SaveChangesAsync(Ct);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                Id = Guid.NewGuid(),
                UserName = userName,
                ProvinceId = province.Id,
                CommuneId = role == Roles.ProvinceOffice ? null : commune.Id,
                UnitId = role == Roles.UnitReporter ? unit.Id : null,
            };
            Assert.True((await users.CreateAsync(user, RoViecApp.AdminPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        using var client = await SignInAsync(app, new Caller(userName, role));
        var wrong = new List<string>();
        // The same role in the demo commune, whose rules say whether the role may use a route at all.
        var peer = Callers[role switch
        {
            Roles.Administrator => "admin",
            Roles.StandingOffice => "thuongtruc",
            Roles.UnitReporter => "vhxh",
            _ => "tinh",
        }];
        void Expect(string endpoint, string path, HttpResponseMessage response, bool roleMayUse)
        {
            var code = response.StatusCode;
            if (roleMayUse ? code != HttpStatusCode.NotFound : code is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized))
                wrong.Add($"{endpoint} ({path}) → {(int)code}, expected {(roleMayUse ? "404" : "404 or 403")}"
                    + ((int)code >= 500 ? Environment.NewLine + string.Join(Environment.NewLine, app.ServerErrors()) : ""));
        }
        var token = await ApiClients.CreateTokenAsync(app, userName);
        var form = await client.GetStringAsync(new Uri("/tai-khoan", UriKind.Relative), Ct);
        var antiforgery = RoViecApp.AntiforgeryToken(form);

        // Routes that carry one of the demo commune's ids; the public page (by its address) and the error page carry none.
        static bool TakesAnId(string pattern) => pattern.Contains(":guid", StringComparison.Ordinal) && !pattern.Contains("{id:guid?}", StringComparison.Ordinal);
        foreach (var (endpoint, rule) in Rules)
        {
            var path = Fill(endpoint.Split(' ', 2)[1], values);
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (TakesAnId(endpoint))
                Expect(endpoint, path, response, rule(peer));
            else if ((int)response.StatusCode >= 500)
                wrong.Add($"{endpoint} ({path}) → {(int)response.StatusCode}" + Environment.NewLine + string.Join(Environment.NewLine, app.ServerErrors()));
            else if (body.Contains("Diễn Châu", StringComparison.Ordinal) || body.Contains(taskName, StringComparison.Ordinal))
                wrong.Add($"{endpoint} ({path}) → {(int)response.StatusCode} shows the demo commune's data");
        }
        foreach (var post in (await FormPostsAsync(app)).Where(p => TakesAnId(p)))
        {
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]);
            using var response = await client.PostAsync(new Uri(Fill(post[5..], values), UriKind.Relative), content, Ct);
            Expect(post, post[5..], response, (PostOverrides.GetValueOrDefault(post) ?? Rules["GET " + RouteOf(post)])(peer));
        }
        using (var api = ApiClients.WithToken(app, token))
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Fill("/api/tasks/{id:guid}", values), UriKind.Relative))
            {
                Content = JsonContent.Create(new { name = "Kiểm tra quyền", version = Guid.NewGuid() }),
            };
            using var response = await api.SendAsync(request, Ct);
            Expect("PUT /api/tasks/{id:guid}", "", response, ApiWrites["PUT /api/tasks/{id:guid}"](peer));
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>The page route of "POST route?handler=Name" (a route may itself end in "?}").</summary>
    private static string RouteOf(string post) => post[5..].Split("?handler=")[0];

    private static void Check(RoViecApp app, string endpoint, HttpResponseMessage response, bool allowed, List<string> wrong)
    {
        var path = response.RequestMessage!.RequestUri!.PathAndQuery;
        var denied = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/dang-nhap", StringComparison.Ordinal) == true && !path.StartsWith("/dang-nhap", StringComparison.Ordinal));
        if ((int)response.StatusCode >= 500 || denied == allowed)
            wrong.Add($"{endpoint} ({path}) → {(int)response.StatusCode}, expected {(allowed ? "allowed" : "denied")}"
                + ((int)response.StatusCode >= 500 ? Environment.NewLine + string.Join(Environment.NewLine, app.ServerErrors()) : ""));
    }

    /// <summary>Every POST handler of every page, as "POST route?handler=Name", read from the compiled pages.</summary>
    private static async Task<List<string>> FormPostsAsync(RoViecApp app)
    {
        var descriptors = app.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>();
        var loader = app.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageLoader>();
        var posts = new List<string>();
        foreach (var descriptor in descriptors)
        {
            var compiled = await loader.LoadAsync(descriptor, Microsoft.AspNetCore.Http.EndpointMetadataCollection.Empty);
            var route = "/" + (descriptor.AttributeRouteInfo?.Template ?? "").TrimStart('/');
            posts.AddRange(compiled.HandlerMethods.Where(h => h.HttpMethod == "Post")
                .Select(h => $"POST {route}{(h.Name is null ? "" : "?handler=" + h.Name)}"));
        }
        return [.. posts.Distinct()];
    }

    private static List<string> WriteEndpoints(RoViecApp app) =>
        [.. app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null && e.RoutePattern.RawText != "{**path:file}")
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is not ("GET" or "HEAD"))
                .Select(m => $"{m} /{(e.RoutePattern.RawText ?? "").TrimStart('/')}"))
            .Distinct()];

    private static List<string> Endpoints(RoViecApp app)
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        // The stylesheet's endpoints (MapStaticAssets: one per file, encoding and fingerprint, and outside Production a fallback
        // to wwwroot's files) are public files, checked by StylesheetTests.
        return [.. sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null && e.RoutePattern.RawText != "{**path:file}")
            .SelectMany(e =>
            {
                var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
                return methods.Select(m => $"{m} {pattern}");
            })
            .Where(e => e.StartsWith("GET ", StringComparison.Ordinal))
            .Distinct()];
    }

    private static async Task<Dictionary<string, string>> SampleValuesAsync(RoViecApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        var police = await db.Units.Where(u => u.Key == "cong-an").Select(u => u.Id).SingleAsync(Ct);
        var task = await db.Tasks.Where(t => t.LeadUnitId == police).Select(t => t.Id).FirstAsync(Ct);
        var commune = await db.Communes.Select(c => c.Id).FirstAsync(Ct);
        var plan = await db.Plans.Where(p => p.CommuneId == commune && p.Status == PlanStatuses.Active).Select(p => p.Id).FirstAsync(Ct);
        // A draft under review, as an upload leaves it.
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds", "xuan-giang-ctr-2026.txt"), Ct);
        var imported = Assert.IsType<RoViec.Import.ImportOutcome.Imported>(RoViec.Import.PlanImporter.Import(bytes, "ke-hoach.txt"));
        var upload = new PlanUpload { Id = Guid.NewGuid(), CommuneId = commune, FileName = "ke-hoach.txt", Content = bytes, UploadedAtUtc = app.UtcNow };
        var draft = await RoViec.Web.Features.Plans.PlanDrafts.CreateDraftAsync(db, commune, imported.Draft, "ke-hoach.txt", upload, app.UtcNow, Ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(NoRole.UserName!) is null)
            Assert.True((await users.CreateAsync(new AppUser { Id = Guid.NewGuid(), UserName = NoRole.UserName, CommuneId = commune }, RoViecApp.AdminPassword)).Succeeded);
        await db.SaveChangesAsync(Ct);
        var period = await db.Periods.Where(p => p.PlanId == plan && p.Kind == PeriodKinds.Monthly).OrderBy(p => p.Number).Select(p => p.Id).FirstAsync(Ct);
        // An open period: the police's report, with one evidence file.
        var reportPeriod = await ReportsArrange.OpenPeriodAsync(db, app.Clock);
        // An indicator no unit owns, taken after the arrangement above, which gives the police one of them.
        var indicator = await db.Indicators.Where(i => i.OwnerUnitId == null && i.PlanId == plan).OrderBy(i => i.Order).Select(i => i.Id).FirstAsync(Ct);
        var report = await ReportsArrange.ReportIdAsync(db, reportPeriod);
        var evidence = new Evidence { Id = Guid.NewGuid(), CommuneId = commune, ItemId = await db.ReportItems.Where(i => i.ReportId == report).Select(i => i.Id).FirstAsync(Ct), Kind = EvidenceKinds.File, Title = "bien-ban.pdf", ContentType = "application/pdf", Content = "%PDF-1.4"u8.ToArray(), Size = 8, AddedAtUtc = app.UtcNow };
        db.Evidence.Add(evidence);
        // A request from the police to move the sample task's deadline, waiting for the standing office.
        var deadlineChange = new DeadlineChangeRequest
        {
            Id = Guid.NewGuid(),
            CommuneId = commune,
            TaskId = task,
            UnitId = police,
            RequestedDue = app.Today.AddDays(30),
            Reason = "Chờ kinh phí",
            RequestedBy = "congan",
            RequestedAtUtc = app.UtcNow,
            Version = Guid.NewGuid(),
        };
        db.DeadlineChangeRequests.Add(deadlineChange);
        // A task the province pushed down to the commune.
        var provinceTask = new ProvinceTask
        {
            Id = Guid.NewGuid(),
            ProvinceId = await db.Communes.Where(c => c.Id == commune).Select(c => c.ProvinceId!.Value).SingleAsync(Ct),
            Basis = "Kế hoạch của tỉnh",
            Name = "Nhiệm vụ tỉnh giao",
            PublishedAtUtc = app.UtcNow,
            Version = Guid.NewGuid(),
        };
        db.ProvinceTasks.Add(provinceTask);
        db.PushedTasks.Add(new PushedTask { Id = Guid.NewGuid(), CommuneId = commune, ProvinceTaskId = provinceTask.Id, Version = Guid.NewGuid() });
        await db.SaveChangesAsync(Ct);
        return new(StringComparer.Ordinal)
        {
            ["/tinh/giao-viec"] = provinceTask.Id.ToString(),
            ["/de-nghi-dieu-chinh-han"] = deadlineChange.Id.ToString(),
            ["/ky-bao-cao"] = period.ToString(),
            ["/bao-cao"] = report.ToString(),
            ["{evidenceId:guid}"] = evidence.Id.ToString(),
            ["/nhiem-vu"] = task.ToString(),
            ["/chi-tieu"] = indicator.ToString(),
            ["/nhap-ke-hoach"] = draft.Id.ToString(),
            ["/ke-hoach"] = plan.ToString(),
            ["/api/tasks"] = task.ToString(),
            ["/api/plans"] = plan.ToString(),
            ["{planId:guid}"] = draft.Id.ToString(),
            ["{taskId:guid}"] = draft.Tasks[0].Id.ToString(),
            ["{indicatorId:guid}"] = draft.Indicators[0].Id.ToString(),
            ["/to-chuc/don-vi"] = police.ToString(),
            ["/nguoi-dung"] = (await users.FindByNameAsync("congan"))!.Id.ToString(),
            ["{periodId:guid}"] = period.ToString(),
            ["{unitId:guid}"] = police.ToString(),
            ["{chart}"] = "trang-thai",
            ["{format}"] = "csv",
            ["{slug}"] = "dien-chau",
            // The steering member page without an id is the form for a new member.
            ["{id:guid?}"] = "",
        };
    }

    /// <summary>The route with its id filled: the sample id of the resource the route starts with, "404" for error codes, "v1" for the API document.</summary>
    private static string Clip(string text) => text.Length <= 400 ? text : text[..400];

    private static string Fill(string pattern, Dictionary<string, string> ids)
    {
        var path = pattern.Replace("{code:int}", "404", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{documentName?}", "v1", StringComparison.Ordinal);
        // Routes with several ids name each one ("{planId:guid}").
        foreach (var parameter in ids.Keys.Where(k => k.StartsWith('{')))
            path = path.Replace(parameter, ids[parameter], StringComparison.Ordinal);
        var resource = ids.Keys.Where(k => path.StartsWith(k + "/", StringComparison.Ordinal)).OrderByDescending(k => k.Length).FirstOrDefault();
        return resource is null ? path : path.Replace("{id:guid}", ids[resource], StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignInAsync(RoViecApp app, Caller caller)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await RoViecApp.SignInAsync(client, caller.UserName!, RoViecApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
