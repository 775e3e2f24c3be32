using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RoViec.Data.Entities;

namespace RoViec.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(x => x.Kind).HasMaxLength(10);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.Issuer).HasMaxLength(500);
        b.Property(x => x.SourceFileName).HasMaxLength(300);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.ConfirmedBy).HasMaxLength(256);
        b.HasOne<PlanUpload>().WithMany().HasForeignKey(x => x.UploadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.ReplacesPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.ReportsWithPlanId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Rhythm).HasMaxLength(20).HasDefaultValue(PlanRhythms.Monthly);
        b.Property(x => x.Field).HasMaxLength(100);
        b.HasIndex(x => new { x.CommuneId, x.Status, x.Year });
        // Table splitting: the text stays in Plans.SourceText, read only when a caller asks for it.
        b.HasOne(x => x.Source).WithOne().HasForeignKey<PlanSource>(x => x.PlanId);
        b.Navigation(x => x.Source).IsRequired();
    }
}

internal sealed class PlanSourceConfiguration : IEntityTypeConfiguration<PlanSource>
{
    public void Configure(EntityTypeBuilder<PlanSource> b)
    {
        b.ToTable("Plans");
        b.HasKey(x => x.PlanId);
        b.Property(x => x.PlanId).HasColumnName("Id");
        b.Property(x => x.Text).HasColumnName("SourceText");
    }
}

internal sealed class PlanTaskRowConfiguration : IEntityTypeConfiguration<PlanTaskRow>
{
    public void Configure(EntityTypeBuilder<PlanTaskRow> b)
    {
        b.Property(x => x.Health).HasMaxLength(20);
        b.ToTable("PlanTasks");
        b.Property(x => x.Source).HasMaxLength(20);
        b.Property(x => x.Section).HasMaxLength(1000);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.DeadlineKind).HasMaxLength(20);
        b.Property(x => x.DeadlineRaw).HasMaxLength(500);
        b.Property(x => x.DecisionAuthority).HasMaxLength(1000);
        b.Property(x => x.Spans).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Plan>().WithMany(p => p.Tasks).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.CommuneId, x.PlanId, x.Order });
    }
}

internal sealed class DeadlineChangeRequestConfiguration : IEntityTypeConfiguration<DeadlineChangeRequest>
{
    public void Configure(EntityTypeBuilder<DeadlineChangeRequest> b)
    {
        b.ToTable("DeadlineChangeRequests");
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.State).HasMaxLength(20);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.DecisionComment).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<PlanTaskRow>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CommuneId, x.State });
        b.HasIndex(x => new { x.TaskId, x.RequestedAtUtc });
        // One pending request per task, decided by the database when two arrive at once. The filter reads the same on
        // SQLite and PostgreSQL (quoted identifier, string literal).
        b.HasIndex(x => x.TaskId).IsUnique().HasFilter("\"State\" = 'Pending'").HasDatabaseName("IX_DeadlineChangeRequests_OnePending");
    }
}

internal sealed class IndicatorRowConfiguration : IEntityTypeConfiguration<IndicatorRow>
{
    public void Configure(EntityTypeBuilder<IndicatorRow> b)
    {
        b.ToTable("Indicators");
        b.Property(x => x.Section).HasMaxLength(1000);
        b.Property(x => x.TargetRaw).HasMaxLength(200);
        b.Property(x => x.TargetOp).HasMaxLength(20);
        b.Property(x => x.TargetUnit).HasMaxLength(20);
        b.Property(x => x.Rhythm).HasMaxLength(20);
        b.Property(x => x.TargetValue).HasPrecision(18, 4);
        b.Property(x => x.TargetValueMax).HasPrecision(18, 4);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Plan>().WithMany(p => p.Indicators).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CommuneId, x.PlanId, x.Order });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanUploadConfiguration : IEntityTypeConfiguration<PlanUpload>
{
    public void Configure(EntityTypeBuilder<PlanUpload> b)
    {
        b.ToTable("PlanUploads");
        b.Property(x => x.FileName).HasMaxLength(300);
        b.Property(x => x.ContentSha256).HasMaxLength(64);
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(x => x.Entity).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(200);
        b.Property(x => x.Action).HasMaxLength(10);
        b.Property(x => x.Actor).HasMaxLength(256);
        b.HasIndex(x => new { x.Entity, x.EntityId });
        b.HasIndex(x => new { x.CommuneId, x.AtUtc });
    }
}

internal sealed class PlanAmendmentConfiguration : IEntityTypeConfiguration<PlanAmendment>
{
    public void Configure(EntityTypeBuilder<PlanAmendment> b)
    {
        b.ToTable("PlanAmendments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.Document).HasMaxLength(300);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => new { x.PlanId, x.AtUtc });
        b.HasIndex(x => x.TaskId);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
