using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RoViec.Data.Entities;

namespace RoViec.Data.Configurations;

internal sealed class ReportingRulesConfiguration : IEntityTypeConfiguration<ReportingRules>
{
    public void Configure(EntityTypeBuilder<ReportingRules> b)
    {
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PlanId).IsUnique();
        b.HasIndex(x => x.CommuneId);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> b)
    {
        b.ToTable("ReportingPeriods");
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Label).HasMaxLength(300);
        b.Property(x => x.Request).HasMaxLength(4000);
        b.Property(x => x.State).HasMaxLength(20);
        b.Property(x => x.UnitIds).HasMaxLength(8000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CommuneId, x.PlanId, x.Kind, x.Year, x.Number });
        b.HasIndex(x => new { x.State, x.OpensOn });
        // The scheduler's every tick looks for open periods whose compile day has passed.
        b.HasIndex(x => new { x.State, x.CompileDueOn });
    }
}

internal sealed class PeriodExtensionConfiguration : IEntityTypeConfiguration<PeriodExtension>
{
    public void Configure(EntityTypeBuilder<PeriodExtension> b)
    {
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.GrantedBy).HasMaxLength(256);
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PeriodId, x.UnitId });
    }
}

internal sealed class UnitReportConfiguration : IEntityTypeConfiguration<UnitReport>
{
    public void Configure(EntityTypeBuilder<UnitReport> b)
    {
        b.Property(x => x.State).HasMaxLength(20);
        b.Property(x => x.Summary).HasMaxLength(8000);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.ReturnedBy).HasMaxLength(256);
        b.Property(x => x.VerifiedBy).HasMaxLength(256);
        b.Property(x => x.ReturnComment).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        // One report per unit per period, however many people open the form at once.
        b.HasIndex(x => new { x.PeriodId, x.UnitId }).IsUnique();
        b.HasIndex(x => new { x.CommuneId, x.State });
    }
}

internal sealed class ReportItemConfiguration : IEntityTypeConfiguration<ReportItem>
{
    public void Configure(EntityTypeBuilder<ReportItem> b)
    {
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.TaskStatus).HasMaxLength(20);
        b.Property(x => x.WorkDone).HasMaxLength(8000);
        b.Property(x => x.Reason).HasMaxLength(4000);
        b.Property(x => x.Difficulties).HasMaxLength(4000);
        b.Property(x => x.Requests).HasMaxLength(4000);
        b.Property(x => x.DataSource).HasMaxLength(1000);
        b.Property(x => x.ReturnComment).HasMaxLength(4000);
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Numerator).HasPrecision(18, 4);
        b.Property(x => x.Denominator).HasPrecision(18, 4);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<UnitReport>().WithMany(r => r.Items).HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanTaskRow>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IndicatorRow>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ReportId, x.Order });
        b.HasIndex(x => x.TaskId);
        b.HasIndex(x => x.IndicatorId);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.ToTable("Evidence");
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Url).HasMaxLength(2000);
        b.Property(x => x.ContentType).HasMaxLength(200);
        b.Property(x => x.ContentSha256).HasMaxLength(64);
        b.Property(x => x.AddedBy).HasMaxLength(256);
        b.HasOne<ReportItem>().WithMany(i => i.Evidence).HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportCorrectionConfiguration : IEntityTypeConfiguration<ReportCorrection>
{
    public void Configure(EntityTypeBuilder<ReportCorrection> b)
    {
        b.Property(x => x.Field).HasMaxLength(100);
        b.Property(x => x.Before).HasMaxLength(8000);
        b.Property(x => x.After).HasMaxLength(8000);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.CorrectedBy).HasMaxLength(256);
        b.HasOne<ReportItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrossCheckConfiguration : IEntityTypeConfiguration<CrossCheck>
{
    public void Configure(EntityTypeBuilder<CrossCheck> b)
    {
        b.Property(x => x.Result).HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.Property(x => x.DrawnBy).HasMaxLength(256);
        b.Property(x => x.CheckedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ReportItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PeriodId, x.ItemId }).IsUnique();
        b.HasIndex(x => new { x.CommuneId, x.UnitId, x.Result });
    }
}

internal sealed class TaskStatusChangeConfiguration : IEntityTypeConfiguration<TaskStatusChange>
{
    public void Configure(EntityTypeBuilder<TaskStatusChange> b)
    {
        b.Property(x => x.From).HasMaxLength(20);
        b.Property(x => x.To).HasMaxLength(20);
        b.HasOne<PlanTaskRow>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TaskId, x.Id });
        b.HasIndex(x => new { x.CommuneId, x.On });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Key).HasMaxLength(300);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.Property(x => x.Link).HasMaxLength(500);
        b.Property(x => x.EmailState).HasMaxLength(20);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // The same notice is created once, whichever instance gets there first.
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => new { x.UserId, x.ReadAtUtc });
        b.HasIndex(x => x.EmailState);
        b.HasIndex(x => x.DigestId);
    }
}

internal sealed class NoticePreferenceConfiguration : IEntityTypeConfiguration<NoticePreference>
{
    public void Configure(EntityTypeBuilder<NoticePreference> b)
    {
        b.Property(x => x.Kind).HasMaxLength(20);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.Kind }).IsUnique();
    }
}

internal sealed class NoticeDeliveryConfiguration : IEntityTypeConfiguration<NoticeDelivery>
{
    public void Configure(EntityTypeBuilder<NoticeDelivery> b)
    {
        b.HasKey(x => x.UserId);
        b.Property(x => x.Mode).HasMaxLength(20);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PendingChangeConfiguration : IEntityTypeConfiguration<PendingChange>
{
    public void Configure(EntityTypeBuilder<PendingChange> b)
    {
        b.ToTable("PendingChanges");
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Reason).HasMaxLength(4000);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => x.RecordedAtUtc);
    }
}

internal sealed class DailyRunConfiguration : IEntityTypeConfiguration<DailyRun>
{
    public void Configure(EntityTypeBuilder<DailyRun> b)
    {
        b.HasKey(x => new { x.CommuneId, x.Job });
        b.Property(x => x.Job).HasMaxLength(50);
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Holder).HasMaxLength(200);
    }
}
