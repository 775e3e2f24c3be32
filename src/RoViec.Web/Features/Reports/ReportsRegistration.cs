namespace RoViec.Web.Features.Reports;

/// <summary>The services the reports' use cases are given (the period's change notices and their handlers), registered once from Program.cs; the use cases themselves are static functions.</summary>
public static class ReportsRegistration
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddScoped<Evaluation.PeriodChanges>()
        .AddScoped<Evaluation.IPeriodChangeHandler, Scores.ScoresOnChange>()
        .AddScoped<Evaluation.IPeriodChangeHandler, Figures.SnapshotOnChange>()
        .AddScoped<Evaluation.IPeriodChangeHandler, Notifications.ReportNotices>();
}
