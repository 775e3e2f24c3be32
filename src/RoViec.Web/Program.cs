using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Data.Interceptors;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Accounts;
using RoViec.Web.Shared.Api;
using RoViec.Web.Features.ApiTokens;
using RoViec.Web.Features.Demo;
using RoViec.Web.Shared.Health;
using RoViec.Web.Features.Organisation;
using RoViec.Web.Features.Plans;
using RoViec.Web.Features.Tasks;

// `roviec report …` writes a period's official report from the database and exits (README: "Reports from the command line").
RoViec.Web.Features.OfficialReports.ReportCommand.Request? report = null;
if (RoViec.Web.Features.OfficialReports.ReportCommand.Requested(args))
{
    report = RoViec.Web.Features.OfficialReports.ReportCommand.Parse(args, Console.Out, Console.Error, out var hostArgs, out var parseExit);
    if (report is null) return parseExit;
    args = hostArgs;
}
// `roviec migrate` and `roviec admin create …`: the server operator's verbs (README: "Triển khai cho tỉnh").
RoViec.Web.Features.Operations.OperatorCommands.Request? operation = null;
if (RoViec.Web.Features.Operations.OperatorCommands.Requested(args))
{
    operation = RoViec.Web.Features.Operations.OperatorCommands.Parse(args, Console.Out, Console.Error, out var hostArgs, out var parseExit);
    if (operation is null) return parseExit;
    args = hostArgs;
}
var builder = WebApplication.CreateBuilder(ServeArguments.Normalise(args));
// Production (the environment a process gets unless told otherwise) is strict: no demo, no migration at start, a
// database and secrets named by the operator. A command needs only the database.
var production = RoViec.Web.Features.Operations.RunMode.IsProduction(builder.Environment);
{
    // Every RoViec setting of the right kind and known by name, in every mode; then what production needs.
    var problems = RoViec.Web.Features.Operations.SettingsCheck.Problems(builder.Configuration).ToList();
    if (production)
        problems.AddRange(report is null && operation is null
            ? RoViec.Web.Features.Operations.StartChecks.Problems(builder.Configuration)
            : RoViec.Web.Features.Operations.StartChecks.ForCommands(builder.Configuration));
    if (problems.Count > 0)
    {
        foreach (var problem in problems) Console.Error.WriteLine(problem);
        return RoViec.Web.Features.Operations.StartChecks.ExitCode;
    }
}
// A report run says only what it wrote, or why it could not.
if (report is not null || operation is not null) builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
var connectionString = builder.Configuration.GetConnectionString("RoViec")
    ?? $"Data Source={Path.Combine(builder.Configuration["DataDirectory"] ?? "data", "roviec.db")}";
if (!connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase))
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(connectionString.Replace("Data Source=", "", StringComparison.OrdinalIgnoreCase))) ?? ".");
// One clock (README: "Time"): the composition root is the one place the machine's clock is taken. Everything else
// reads the injected TimeProvider, which a test replaces and RoViec:Clock:Now moves outside Production.
#pragma warning disable RS0030
var machineClock = TimeProvider.System;
#pragma warning restore RS0030
if (RoViec.Web.Shared.Time.AppClock.Choose(builder.Configuration, builder.Environment, machineClock, out var clockError) is not { } clock)
{
    Console.Error.WriteLine(clockError);
    return 2;
}
Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(builder.Services, clock);
// Leases measure whether an instance is alive, in real time, whatever day the calendar clock says.
builder.Services.AddKeyedSingleton(RoViec.Web.Features.Scheduling.ScheduledWork.WallClock, machineClock);
// The stylesheet (wwwroot) of a build that is not published is found through the build's static-assets manifest, as
// Development does by itself: the served test processes (Testing) run from the build folder. Production runs the
// published folder, which holds wwwroot.
if (!builder.Environment.IsProduction() && !builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets();
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://localhost:5080");
// No "Server: Kestrel" banner.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
// Keys that protect cookies and forms live in the database, so every instance reads every cookie and a restart
// signs nobody out.
Microsoft.AspNetCore.DataProtection.DataProtectionBuilderExtensions.SetApplicationName(
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCoreDataProtectionExtensions.PersistKeysToDbContext<RoViecDbContext>(
        builder.Services.AddDataProtection()), "RoViec");
RoViec.Web.Features.Operations.Proxy.Add(builder.Services, builder.Configuration, production);
// Metrics and traces (Prometheus at /metrics, OTLP when configured); JSON logs with the trace id in production.
if (report is null && operation is null) RoViec.Web.Shared.Telemetry.Telemetry.Add(builder, production);

builder.Services.AddHttpContextAccessor();
// Uploaded files live in a folder, by the hash of their bytes; the database names them (Shared/Files/FileStore.cs).
builder.Services.AddSingleton(RoViec.Web.Shared.Files.FileStore.From(builder.Configuration, connectionString));
builder.Services.AddScoped<IAuditActor, HttpAuditActor>();
builder.Services.AddDbContext<RoViecDbContext>((services, o) =>
    o.UseRoViecDatabase(connectionString).AddInterceptors(new AuditInterceptor(services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IAuditActor>())));
// The Identity cookie for browsers, personal API tokens for integrations (README: "API").
builder.Services.AddCookieOrApiToken().AddIdentityCookies();
builder.Services.AddIdentityCore<AppUser>(o =>
    {
        o.Password.RequiredLength = 10;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        // Set-password links expire on the application's clock (Features/Accounts/SetPasswordTokens.cs).
        o.Tokens.PasswordResetTokenProvider = RoViec.Web.Features.Accounts.SetPasswordTokens.Name;
    })
    .AddRoles<IdentityRole<Guid>>()
    .AddEntityFrameworkStores<RoViecDbContext>()
    .AddSignInManager()
    .AddDefaultTokenProviders()
    // Authenticator codes checked on the application's clock, in place of Identity's provider that reads the machine's.
    .AddTokenProvider<AuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider)
    .AddTokenProvider<RoViec.Web.Features.Accounts.SetPasswordTokens>(RoViec.Web.Features.Accounts.SetPasswordTokens.Name)
    .AddErrorDescriber<VietnameseIdentityErrors>()
    // Common passwords, one's own names, "RoViec" and the commune's name are refused (Features/Accounts/PasswordStrength.cs).
    .AddPasswordValidator<PasswordStrength>();
// What an unknown user name's sign-in verifies, so that it takes as long as a wrong password (Features/Accounts/SignInAttempt.cs).
builder.Services.AddSingleton<UnknownUserHash>();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/dang-nhap";
    o.AccessDeniedPath = "/dang-nhap";
    o.Cookie.Name = "roviec";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    // A refused page answers 403 (shown by the status page), not a redirect to the sign-in form;
    // the API answers 401 instead of redirecting to a form it cannot fill.
    o.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
    o.Events.OnRedirectToLogin = context =>
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        // A path, never an absolute address built from the request's Host header.
        else context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    };
});
// "Sign out everywhere" changes the security stamp; other sessions notice it within a minute.
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.AddAuthorizationBuilder().AddRoViecPolicies().AddApiWritePolicy();
// Validation messages are looked up in the shared resources too (the Vietnamese message is the key).
// Pages live beside their use cases in Features/<Feature>/ and the shared layout in Shared/, so the Razor root is
// the project itself; every page declares its absolute route (@page "/...").
// The workspace also answers /Index, as it did when it was Pages/Index (bookmarks keep working).
builder.Services.AddRazorPages(o =>
{
    o.RootDirectory = "/";
    o.Conventions.AddPageRoute("/Features/Workspace/Workspace", "Index");
}).AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(RoViec.Web.SharedResource)));
builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(RoViec.Web.Shared.Forms.VietnameseBindingMessages.Apply);
// Vietnamese first; English where a translation exists (Shared/Localisation/SharedResource.en.resx, embedded under the
// name of the SharedResource class beside it, so no resources path is needed).
builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    string[] cultures = ["vi-VN", "en"];
    o.SetDefaultCulture(cultures[0]).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
    o.ApplyCurrentCultureToResponseHeaders = true;
    // Vietnamese unless the reader chose otherwise (the cookie of /ngon-ngu): an office computer set up in
    // English must not turn the pages English on its own.
    o.RequestCultureProviders = [.. o.RequestCultureProviders.Where(p => p is not Microsoft.AspNetCore.Localization.AcceptLanguageHeaderRequestCultureProvider)];
});
builder.Services.AddRoViecApi();
// Vietnamese as characters, not "&#x1EC7;" entities: pages half the size on a weak connection.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
RoViec.Web.Features.Operations.Health.Add(builder.Services);
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddScoped<DemoHistory>();
builder.Services.AddScoped<DemoProvince>();
builder.Services.AddMemoryCache();
RoViec.Web.Features.Public.FeedbackForm.AddRateLimit(builder.Services, builder.Configuration);
// At most RoViec:SignIn:PerMinute sign-in attempts a minute from one address (Features/Accounts/SignInThrottle.cs).
SignInThrottle.Add(builder.Services, builder.Configuration);
builder.Services.AddScoped<CurrentUser>();
// The communes a unit of work may see (README: "The commune boundary"): set per request below, or crossed by name.
builder.Services.AddScoped<CommuneBoundary>();
// Periods, reminders, task alerts and e-mail, once a minute on the instance holding the lease ("RoViec:Scheduler").
RoViec.Web.Features.Scheduling.Scheduler.Add(builder.Services);
RoViec.Web.Features.Reports.ReportsRegistration.AddReports(builder.Services);
// A change to a period's data withdraws the commune's approval still awaiting the province.
builder.Services.AddScoped<RoViec.Web.Features.Evaluation.IPeriodChangeHandler, RoViec.Web.Features.Provinces.ApprovalOnChange>();

var app = builder.Build();

if (operation is not null) return await RoViec.Web.Features.Operations.OperatorCommands.RunAsync(app.Services, operation, CancellationToken.None);
using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<CommuneBoundary>().CrossAll(Crossing.DemoSeeding);
    var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
    if (production)
    {
        // A production instance neither migrates nor seeds: `roviec migrate` did, once. It refuses a schema it does not know.
        if (await RoViec.Web.Features.Operations.Schema.ProblemAsync(db, app.Lifetime.ApplicationStopping) is { } schema)
        {
            Console.Error.WriteLine(schema);
            return RoViec.Web.Features.Operations.StartChecks.ExitCode;
        }
    }
    else
    {
        // Instances starting together on one empty database take turns: the second finds the demo made.
        await RoViec.Web.Features.Operations.StartupLock.RunAsync(db, async () =>
        {
            // The migrator only when a migration is pending: on an up-to-date database it would spend ~0.2 s comparing the
            // model with the snapshot for nothing. A fresh database, or one behind, migrates as before (and the check that the
            // model has no change without a migration runs then).
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                await db.Database.MigrateAsync();
                await RoViec.Web.Shared.Files.FilesOutOfDatabase.MoveAsync(db, scope.ServiceProvider.GetRequiredService<RoViec.Web.Shared.Files.FileStore>(), app.Lifetime.ApplicationStopping);
            }
            var demo = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping);
            if (demo is { } communeId && app.Configuration.GetValue<bool>(DemoHistory.Setting))
                await scope.ServiceProvider.GetRequiredService<DemoHistory>().SeedAsync(communeId, app.Lifetime.ApplicationStopping);
            // The province's other communes, so the province office's cockpit has communes to compare (`./roviec serve`).
            if (demo is { } demoId && app.Configuration.GetValue<bool>(DemoProvince.Setting))
                await scope.ServiceProvider.GetRequiredService<DemoProvince>().SeedAsync(demoId, app.Lifetime.ApplicationStopping);
        }, app.Lifetime.ApplicationStopping);
    }
}
if (report is not null)
{
    try
    {
        return await RoViec.Web.Features.OfficialReports.ReportCommand.RunAsync(app.Services, report, Console.Out, Console.Error, CancellationToken.None);
    }
#pragma warning disable CA1031 // The one place a bug of the command is told in one line, with its exit code.
    catch (Exception ex)
#pragma warning restore CA1031
    {
        Console.Error.WriteLine($"Lỗi không mong muốn, vui lòng báo cho quản trị viên: {ex.GetType().Name}: {ex.Message} (unexpected error; please report it)");
        return RoViec.Web.Features.OfficialReports.ReportCommand.Bug;
    }
}

// The client's address and scheme as the proxy saw them, trusted only from the proxy (RoViec:Proxy:Addresses).
app.UseForwardedHeaders();
RoViec.Web.Shared.Telemetry.Telemetry.Use(app, production);
RoViec.Web.Features.Operations.SecurityHeaders.Use(app, production);
// An unexpected error is a Vietnamese page (or the API's JSON) with the request's correlation id, never its details.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), branch => branch.UseExceptionHandler("/loi/500"));
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), branch => branch.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiProblems.WriteErrorAsync }));
// Error statuses of pages get a Vietnamese page; the API keeps its own JSON answers.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), branch => branch.UseStatusCodePagesWithReExecute("/loi/{0}"));
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), branch => branch.UseStatusCodePages(ApiProblems.WriteStatusAsync));
app.UseRequestLocalization();
// Routing after the status-code pages, so a re-executed request finds the error page's endpoint.
app.UseRouting();
RoViec.Web.Shared.Forms.UploadLimitAttribute.Refuse(app);
app.UseAuthentication();
// Administrators and the standing office set up an authenticator app before anything else ("RoViec:RequireTwoFactor").
app.UseMiddleware<TwoFactorRequirement>();
app.UseAuthorization();
// Every request sees only its caller's communes: the DbContext's query filter holds it there.
app.UseMiddleware<CommuneBoundaryOfCaller>();
app.UseRateLimiter();
RoViec.Web.Features.Operations.Health.Map(app);
RoViec.Web.Shared.Telemetry.Telemetry.Map(app);
// The stylesheet at a fingerprinted URL, cached for a year ("immutable"); pages link it through asp-append-version.
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
RoViec.Web.Features.Plans.ExportTasks.Map(app);
RoViec.Web.Features.OfficialReports.DownloadMonthlyReport.Map(app);
RoViec.Web.Features.OfficialReports.DownloadExports.Map(app);
RoViec.Web.Features.Dashboards.DashboardCharts.Map(app);
RoViec.Web.Features.Public.FeedbackForm.Map(app);
RoViec.Web.Shared.Access.LanguageChoice.Map(app);
app.MapRoViecApi(MeApi.Map, PlansApi.Map, TasksApi.Map, IndicatorsApi.Map, UnitsApi.Map, ImportsApi.Map);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
