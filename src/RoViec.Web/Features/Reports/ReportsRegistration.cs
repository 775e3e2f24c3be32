namespace RoViec.Web.Features.Reports;

/// <summary>The reports feature's use cases, registered once from Program.cs.</summary>
public static class ReportsRegistration
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddScoped<Evaluation.PeriodChanges>()
        .AddScoped<Scores.ScoreService>()
        .AddScoped<Evaluation.IPeriodChangeHandler, Scores.ScoresOnChange>()
        .AddScoped<Evaluation.IPeriodChangeHandler, Figures.SnapshotOnChange>()
        .AddScoped<ReportDesk>()
        .AddScoped<SaveDraft>()
        .AddScoped<SubmitReport>()
        .AddScoped<ApproveReport>()
        .AddScoped<ReturnReport>()
        .AddScoped<VerifyReport>()
        .AddScoped<CorrectLine>()
        .AddScoped<AddEvidence>();
}
