using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;
using RoViec.Data;

namespace RoViec.Web.Tests;

/// <summary>
/// One idiom for use cases (ADR 0006): a use case is a static function taking the DbContext, the caller as a value,
/// its inputs and the clock. The only classes of the features that take the DbContext in their constructor are the
/// ones the framework builds (pages, view components), the handlers of a period's change notices, the background
/// scheduler's work and the demo's seeding — each listed here, so an injected use case shows up as a failure.
/// </summary>
public sealed class UseCaseIdiomTests
{
    private static readonly string[] Services =
    [
        "RoViec.Web.Features.Demo.DemoSeeder",
        "RoViec.Web.Features.Demo.DemoHistory",
        "RoViec.Web.Features.Demo.DemoProvince",
        "RoViec.Web.Features.Scores.ScoresOnChange",
        // Marks a change's follow-up pending in the change's own unit of work, and clears the mark when done.
        "RoViec.Web.Features.Evaluation.PeriodChanges",
        "RoViec.Web.Features.Figures.SnapshotOnChange",
        "RoViec.Web.Features.Provinces.ApprovalOnChange",
        "RoViec.Web.Features.Notifications.ReportNotices",
        // Identity builds it; it reads the name of the account's commune and province.
        "RoViec.Web.Features.Accounts.PasswordStrength",
    ];

    [Fact]
    public void Only_framework_parts_and_listed_services_take_the_DbContext_in_their_constructor()
    {
        var found = InjectedWithDbContext(typeof(Program).Assembly).ToList();
        Assert.True(found.Count > 20, $"the reader found only {found.Count} classes taking the DbContext; pages alone are more");
        var others = found.Where(t => !IsFrameworkPart(t) && !Services.Contains(t.FullName)).Select(t => t.FullName).ToList();
        Assert.True(others.Count == 0, "Injected classes taking the DbContext (make them static use cases, ADR 0006): " + string.Join(", ", others));
        Assert.All(Services, name => Assert.Contains(found, t => t.FullName == name));
    }

    [Fact]
    public void The_reader_sees_an_injected_use_case()
    {
        Assert.Contains(typeof(InjectedProbe), InjectedWithDbContext(typeof(UseCaseIdiomTests).Assembly));
    }

    private static IEnumerable<Type> InjectedWithDbContext(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
            && t.GetConstructors().Any(c => c.GetParameters().Any(p => typeof(RoViecDbContext).IsAssignableFrom(p.ParameterType))));

    /// <summary>Built by the framework, a value built per request (a record such as ReportDesk), or not a feature's (shared plumbing).</summary>
    private static bool IsFrameworkPart(Type type) =>
        typeof(PageModel).IsAssignableFrom(type) || typeof(ViewComponent).IsAssignableFrom(type) || typeof(IHostedService).IsAssignableFrom(type)
        || typeof(Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck).IsAssignableFrom(type)
        || IsAuthenticationHandler(type) || type.GetMethod("<Clone>$") is not null
        || type.Namespace?.StartsWith("RoViec.Web.Features", StringComparison.Ordinal) != true;

    private static bool IsAuthenticationHandler(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AuthenticationHandler<>)) return true;
        return false;
    }

    private sealed class InjectedProbe(RoViecDbContext db)
    {
        public RoViecDbContext Db => db;
    }
}
