using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Data;

/// <summary>The one DbContext, used directly by the use cases (no repository layer over it).</summary>
public sealed class RoViecDbContext(DbContextOptions<RoViecDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanTaskRow> Tasks => Set<PlanTaskRow>();
    public DbSet<IndicatorRow> Indicators => Set<IndicatorRow>();
    public DbSet<PlanUpload> Uploads => Set<PlanUpload>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<SteeringMember> SteeringMembers => Set<SteeringMember>();
    public DbSet<SteeringMemberUnit> SteeringMemberUnits => Set<SteeringMemberUnit>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ReportingRules> ReportingRules => Set<ReportingRules>();
    public DbSet<ReportingPeriod> Periods => Set<ReportingPeriod>();
    public DbSet<PeriodExtension> PeriodExtensions => Set<PeriodExtension>();
    public DbSet<UnitReport> Reports => Set<UnitReport>();
    public DbSet<ReportItem> ReportItems => Set<ReportItem>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<ReportCorrection> ReportCorrections => Set<ReportCorrection>();
    public DbSet<CrossCheck> CrossChecks => Set<CrossCheck>();
    public DbSet<TaskStatusChange> TaskStatusChanges => Set<TaskStatusChange>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NoticePreference> NoticePreferences => Set<NoticePreference>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<ScoringScheme> ScoringSchemes => Set<ScoringScheme>();
    public DbSet<ScoreInput> ScoreInputs => Set<ScoreInput>();
    public DbSet<BudgetEntry> BudgetEntries => Set<BudgetEntry>();
    public DbSet<UnitScore> UnitScores => Set<UnitScore>();
    public DbSet<ScoreChange> ScoreChanges => Set<ScoreChange>();
    public DbSet<PeriodSnapshot> PeriodSnapshots => Set<PeriodSnapshot>();
    public DbSet<LayoutProfile> LayoutProfiles => Set<LayoutProfile>();
    public DbSet<ReportNarrative> ReportNarratives => Set<ReportNarrative>();
    public DbSet<UpwardEntry> UpwardEntries => Set<UpwardEntry>();
    public DbSet<PublicPage> PublicPages => Set<PublicPage>();
    public DbSet<Feedback> Feedback => Set<Feedback>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RoViecDbContext).Assembly);
    }
}
