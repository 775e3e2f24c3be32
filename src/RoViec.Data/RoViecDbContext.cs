using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Data;

/// <summary>
/// The one DbContext, used directly by the use cases (no repository layer over it). It holds the commune boundary:
/// every <see cref="ICommuneOwned"/> row outside the caller's <see cref="CommuneBoundary"/> is filtered out of every
/// query by the named filter <see cref="CommuneBoundary.FilterName"/>.
/// </summary>
public sealed class RoViecDbContext : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    private readonly CommuneBoundary _boundary;

    /// <summary>The application's context: the boundary is the unit of work's (a request's caller, or a named crossing).</summary>
    public RoViecDbContext(DbContextOptions<RoViecDbContext> options, CommuneBoundary boundary)
        : base(options) => _boundary = boundary;

    /// <summary>A context outside the application (migrations at design time, the data tests): it sees every commune.</summary>
    public RoViecDbContext(DbContextOptions<RoViecDbContext> options)
        : this(options, Everything()) { }

    /// <summary>The boundary this context's queries are held in.</summary>
    public CommuneBoundary Boundary => _boundary;

    // Read by the query filter at each query (EF Core parameterises members of the context). Each is null when it does
    // not apply, so the SQL is "@crossing OR CommuneId = @commune" for a commune's caller (cached, as a query without a
    // collection parameter is) and "CommuneId IN (...)" only for a province office.
    private string? BoundaryCrossing => _boundary.CrossesAll ? _boundary.Reason.ToString() : null;
    private Guid? BoundaryCommune => _boundary.Communes is [var only] ? only : null;
    private Guid[]? BoundaryCommunes => _boundary.Communes.Length > 1 ? _boundary.Communes : null;

    /// <summary>While true, <see cref="Interceptors.AuditInterceptor"/> records no updates (<see cref="SaveWorkInProgressAsync"/>).</summary>
    internal bool WorkInProgress { get; private set; }

    /// <summary>
    /// Saves work in progress that the history does not need step by step (a unit report's draft, autosaved while the
    /// reporter types): updates are saved without audit rows; rows added or deleted are still recorded. The step that
    /// ends the work (a submission) is saved with <c>SaveChangesAsync</c> and recorded as usual.
    /// </summary>
    public async Task<int> SaveWorkInProgressAsync(CancellationToken ct)
    {
        WorkInProgress = true;
        try
        {
            return await SaveChangesAsync(ct);
        }
        finally
        {
            WorkInProgress = false;
        }
    }

    private static CommuneBoundary Everything()
    {
        var boundary = new CommuneBoundary();
        boundary.CrossAll(Crossing.ServerCommand);
        return boundary;
    }

    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanTaskRow> Tasks => Set<PlanTaskRow>();
    public DbSet<IndicatorRow> Indicators => Set<IndicatorRow>();
    public DbSet<DeadlineChangeRequest> DeadlineChangeRequests => Set<DeadlineChangeRequest>();
    public DbSet<PlanAmendment> PlanAmendments => Set<PlanAmendment>();
    public DbSet<YearProposal> YearProposals => Set<YearProposal>();
    public DbSet<ProposalItem> ProposalItems => Set<ProposalItem>();
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
    public DbSet<NoticeDelivery> NoticeDeliveries => Set<NoticeDelivery>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<DailyRun> DailyRuns => Set<DailyRun>();
    public DbSet<PendingChange> PendingChanges => Set<PendingChange>();
    public DbSet<ScoringScheme> ScoringSchemes => Set<ScoringScheme>();
    public DbSet<ScoreInput> ScoreInputs => Set<ScoreInput>();
    public DbSet<BudgetEntry> BudgetEntries => Set<BudgetEntry>();
    public DbSet<TaskBudgetLine> TaskBudgetLines => Set<TaskBudgetLine>();
    public DbSet<TaskDisbursement> TaskDisbursements => Set<TaskDisbursement>();
    public DbSet<TaskInformationSystem> TaskInformationSystems => Set<TaskInformationSystem>();
    public DbSet<BudgetSettings> BudgetSettings => Set<BudgetSettings>();
    public DbSet<UnitScore> UnitScores => Set<UnitScore>();
    public DbSet<ScoreChange> ScoreChanges => Set<ScoreChange>();
    public DbSet<PeriodSnapshot> PeriodSnapshots => Set<PeriodSnapshot>();
    public DbSet<CommunePeriodSummary> CommunePeriodSummaries => Set<CommunePeriodSummary>();
    public DbSet<PeriodApproval> PeriodApprovals => Set<PeriodApproval>();
    public DbSet<ProvinceTask> ProvinceTasks => Set<ProvinceTask>();
    public DbSet<PushedTask> PushedTasks => Set<PushedTask>();
    public DbSet<ProvinceIndicator> ProvinceIndicators => Set<ProvinceIndicator>();
    public DbSet<PushedIndicator> PushedIndicators => Set<PushedIndicator>();
    public DbSet<CommuneIndicatorValue> CommuneIndicatorValues => Set<CommuneIndicatorValue>();
    public DbSet<LayoutProfile> LayoutProfiles => Set<LayoutProfile>();
    public DbSet<ReportNarrative> ReportNarratives => Set<ReportNarrative>();
    public DbSet<UpwardEntry> UpwardEntries => Set<UpwardEntry>();
    public DbSet<PublicPage> PublicPages => Set<PublicPage>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    /// <summary>The keys that protect sign-in cookies and forms, shared by every instance (README: "Triển khai cho tỉnh").</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RoViecDbContext).Assembly);
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ICommuneOwned).IsAssignableFrom(e.ClrType)).ToList())
            builder.Entity(entity.ClrType).HasQueryFilter(CommuneBoundary.FilterName, BoundaryFilter(entity.ClrType));
    }

    /// <summary>
    /// <c>row => BoundaryCrossing != null || row.CommuneId == BoundaryCommune || (BoundaryCommunes != null &amp;&amp;
    /// BoundaryCommunes.Contains(row.CommuneId))</c> for one entity type.
    /// </summary>
    private LambdaExpression BoundaryFilter(Type type)
    {
        var row = Expression.Parameter(type, "row");
        var context = Expression.Constant(this);
        Expression Member(string name) => Expression.Property(context, typeof(RoViecDbContext).GetProperty(name, BindingFlags.Instance | BindingFlags.NonPublic)!);
        var communeId = Expression.Property(row, nameof(ICommuneOwned.CommuneId));
        var crossing = Expression.NotEqual(Member(nameof(BoundaryCrossing)), Expression.Constant(null, typeof(string)));
        var one = Expression.Equal(Expression.Convert(communeId, typeof(Guid?)), Member(nameof(BoundaryCommune)));
        var many = Expression.AndAlso(
            Expression.NotEqual(Member(nameof(BoundaryCommunes)), Expression.Constant(null, typeof(Guid[]))),
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Member(nameof(BoundaryCommunes)), communeId));
        return Expression.Lambda(Expression.OrElse(crossing, Expression.OrElse(one, many)), row);
    }
}
