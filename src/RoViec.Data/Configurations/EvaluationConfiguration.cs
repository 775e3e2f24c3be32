using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RoViec.Data.Entities;

namespace RoViec.Data.Configurations;

internal sealed class ScoringSchemeConfiguration : IEntityTypeConfiguration<ScoringScheme>
{
    public void Configure(EntityTypeBuilder<ScoringScheme> b)
    {
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.Basis).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CommuneId, x.Key, x.Number }).IsUnique();
        b.HasIndex(x => new { x.CommuneId, x.EffectiveFrom });
    }
}

internal sealed class ScoreInputConfiguration : IEntityTypeConfiguration<ScoreInput>
{
    public void Configure(EntityTypeBuilder<ScoreInput> b)
    {
        b.Property(x => x.Code).HasMaxLength(100);
        b.Property(x => x.Basis).HasMaxLength(4000);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PeriodId, x.UnitId, x.Code }).IsUnique();
    }
}

internal sealed class BudgetEntryConfiguration : IEntityTypeConfiguration<BudgetEntry>
{
    public void Configure(EntityTypeBuilder<BudgetEntry> b)
    {
        b.Property(x => x.Allocated).HasPrecision(20, 2);
        b.Property(x => x.Disbursed).HasPrecision(20, 2);
        b.Property(x => x.Source).HasMaxLength(1000);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PeriodId, x.UnitId });
    }
}

internal sealed class UnitScoreConfiguration : IEntityTypeConfiguration<UnitScore>
{
    public void Configure(EntityTypeBuilder<UnitScore> b)
    {
        b.Property(x => x.Total).HasPrecision(9, 2);
        b.Property(x => x.HeadTotal).HasPrecision(9, 2);
        b.Property(x => x.Band).HasMaxLength(200);
        b.Property(x => x.ComputedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ScoringScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PeriodId, x.UnitId }).IsUnique();
        b.HasIndex(x => new { x.CommuneId, x.UnitId });
    }
}

internal sealed class ScoreChangeConfiguration : IEntityTypeConfiguration<ScoreChange>
{
    public void Configure(EntityTypeBuilder<ScoreChange> b)
    {
        b.Property(x => x.Before).HasPrecision(9, 2);
        b.Property(x => x.After).HasPrecision(9, 2);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ChangedBy).HasMaxLength(256);
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PeriodId, x.UnitId });
    }
}

internal sealed class PeriodSnapshotConfiguration : IEntityTypeConfiguration<PeriodSnapshot>
{
    public void Configure(EntityTypeBuilder<PeriodSnapshot> b)
    {
        b.Property(x => x.BuiltBy).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PeriodId).IsUnique();
        b.HasIndex(x => x.CommuneId);
    }
}

internal sealed class LayoutProfileConfiguration : IEntityTypeConfiguration<LayoutProfile>
{
    public void Configure(EntityTypeBuilder<LayoutProfile> b)
    {
        b.Property(x => x.Body).HasMaxLength(300);
        b.Property(x => x.UpperBody).HasMaxLength(300);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Symbol).HasMaxLength(50);
        b.Property(x => x.Authority).HasMaxLength(300);
        b.Property(x => x.SignerTitle).HasMaxLength(300);
        b.Property(x => x.SignerName).HasMaxLength(300);
        b.Property(x => x.Recipients).HasMaxLength(6000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CommuneId);
    }
}

internal sealed class ReportNarrativeConfiguration : IEntityTypeConfiguration<ReportNarrative>
{
    public void Configure(EntityTypeBuilder<ReportNarrative> b)
    {
        b.Property(x => x.EditedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PeriodId).IsUnique();
    }
}

internal sealed class UpwardEntryConfiguration : IEntityTypeConfiguration<UpwardEntry>
{
    public void Configure(EntityTypeBuilder<UpwardEntry> b)
    {
        b.Property(x => x.Text).HasMaxLength(8000);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PeriodId, x.IndicatorId, x.TaskId });
    }
}

internal sealed class PublicPageConfiguration : IEntityTypeConfiguration<PublicPage>
{
    public void Configure(EntityTypeBuilder<PublicPage> b)
    {
        b.Property(x => x.Slug).HasMaxLength(100);
        b.Property(x => x.Intro).HasMaxLength(4000);
        b.Property(x => x.IndicatorIds).HasMaxLength(20000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CommuneId).IsUnique();
        b.HasIndex(x => x.Slug).IsUnique();
    }
}

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        b.ToTable("Feedback");
        b.Property(x => x.Item).HasMaxLength(200);
        b.Property(x => x.Message).HasMaxLength(2000);
        b.Property(x => x.SenderName).HasMaxLength(200);
        b.Property(x => x.SenderContact).HasMaxLength(200);
        b.Property(x => x.ClientHash).HasMaxLength(100);
        b.Property(x => x.FormNonce).HasMaxLength(32);
        b.Property(x => x.State).HasMaxLength(20);
        b.Property(x => x.Answer).HasMaxLength(4000);
        b.Property(x => x.AnsweredBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CommuneId, x.State, x.CreatedAtUtc });
        b.HasIndex(x => new { x.ClientHash, x.CreatedAtUtc });
        // A form is sent once: the second post of the same form finds its nonce taken.
        b.HasIndex(x => x.FormNonce).IsUnique();
    }
}

internal sealed class CommunePeriodSummaryConfiguration : IEntityTypeConfiguration<CommunePeriodSummary>
{
    public void Configure(EntityTypeBuilder<CommunePeriodSummary> b)
    {
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Band).HasMaxLength(100);
        b.Property(x => x.Approval).HasMaxLength(20);
        b.Property(x => x.BudgetAllocated).HasPrecision(20, 2);
        b.Property(x => x.BudgetDisbursed).HasPrecision(20, 2);
        b.Property(x => x.Score).HasPrecision(7, 2);
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PeriodId).IsUnique();
        // The province cockpit and roll-up: one province's rows of one month are one index range.
        b.HasIndex(x => new { x.ProvinceId, x.Kind, x.Year, x.Number });
        b.HasIndex(x => new { x.CommuneId, x.Kind, x.Year, x.Number });
        // The national view: one month's rows across every province.
        b.HasIndex(x => new { x.Kind, x.Year, x.Number });
    }
}

internal sealed class PeriodApprovalConfiguration : IEntityTypeConfiguration<PeriodApproval>
{
    public void Configure(EntityTypeBuilder<PeriodApproval> b)
    {
        b.Property(x => x.State).HasMaxLength(20);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.AcceptedBy).HasMaxLength(256);
        b.Property(x => x.ReturnedBy).HasMaxLength(256);
        b.Property(x => x.ReturnReason).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PeriodId).IsUnique();
        b.HasIndex(x => x.CommuneId);
    }
}

internal sealed class ProvinceTaskConfiguration : IEntityTypeConfiguration<ProvinceTask>
{
    public void Configure(EntityTypeBuilder<ProvinceTask> b)
    {
        b.Property(x => x.Basis).HasMaxLength(500);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(2000);
        b.Property(x => x.Output).HasMaxLength(2000);
        b.Property(x => x.DeadlineRaw).HasMaxLength(200);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Province>().WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ProvinceId);
    }
}

internal sealed class PushedTaskConfiguration : IEntityTypeConfiguration<PushedTask>
{
    public void Configure(EntityTypeBuilder<PushedTask> b)
    {
        b.Property(x => x.State).HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<ProvinceTask>().WithMany().HasForeignKey(x => x.ProvinceTaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProvinceTaskId, x.CommuneId }).IsUnique();
        b.HasIndex(x => new { x.CommuneId, x.State });
    }
}

internal sealed class ProvinceIndicatorConfiguration : IEntityTypeConfiguration<ProvinceIndicator>
{
    public void Configure(EntityTypeBuilder<ProvinceIndicator> b)
    {
        b.Property(x => x.Name).HasMaxLength(1000);
        b.Property(x => x.Unit).HasMaxLength(40);
        b.Property(x => x.TargetRaw).HasMaxLength(200);
        b.Property(x => x.TargetOp).HasMaxLength(4);
        b.Property(x => x.TargetValue).HasPrecision(20, 4);
        b.Property(x => x.Rhythm).HasMaxLength(20);
        b.Property(x => x.Numerator).HasMaxLength(500);
        b.Property(x => x.Denominator).HasMaxLength(500);
        b.Property(x => x.Aggregation).HasMaxLength(20);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Province>().WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ProvinceId);
    }
}

internal sealed class PushedIndicatorConfiguration : IEntityTypeConfiguration<PushedIndicator>
{
    public void Configure(EntityTypeBuilder<PushedIndicator> b)
    {
        b.Property(x => x.State).HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<ProvinceIndicator>().WithMany().HasForeignKey(x => x.ProvinceIndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProvinceIndicatorId, x.CommuneId }).IsUnique();
        b.HasIndex(x => new { x.CommuneId, x.State });
    }
}

internal sealed class CommuneIndicatorValueConfiguration : IEntityTypeConfiguration<CommuneIndicatorValue>
{
    public void Configure(EntityTypeBuilder<CommuneIndicatorValue> b)
    {
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Value).HasPrecision(20, 4);
        b.Property(x => x.Numerator).HasPrecision(20, 4);
        b.Property(x => x.Denominator).HasPrecision(20, 4);
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PeriodId, x.ProvinceIndicatorId }).IsUnique();
        // The roll-up: one province's values of one month are one index range.
        b.HasIndex(x => new { x.ProvinceId, x.Kind, x.Year, x.Number });
        b.HasIndex(x => x.CommuneId);
    }
}
