namespace RoViec.Web.Features.Operations;

/// <summary>
/// How an instance runs. <b>Production</b> is the ASP.NET Core environment "Production", which is also what a process
/// started with no environment gets: a live installation never depends on someone remembering a switch. It creates no
/// demo data and no accounts (accounts come from <c>roviec admin create</c>), does not migrate (<c>roviec migrate</c>
/// does), refuses a schema it does not know, marks cookies Secure and hides error details. Every other environment
/// ("Demo" for <c>./roviec serve</c>, "Testing" and "Development" for the tests) keeps the living demo on an empty
/// database.
/// </summary>
public static class RunMode
{
    /// <summary>The environment <c>./roviec serve</c> and <c>./roviec report</c> run in: a laptop with the demo year.</summary>
    public const string Demo = "Demo";

    public static bool IsProduction(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsProduction();
    }
}
