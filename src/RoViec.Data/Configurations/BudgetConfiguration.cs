using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RoViec.Data.Entities;

namespace RoViec.Data.Configurations;

internal sealed class TaskBudgetLineConfiguration : IEntityTypeConfiguration<TaskBudgetLine>
{
    public void Configure(EntityTypeBuilder<TaskBudgetLine> b)
    {
        b.ToTable("TaskBudgetLines");
        b.Property(x => x.Source).HasMaxLength(20);
        b.Property(x => x.Allocated).HasPrecision(20, 2);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<PlanTaskRow>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TaskId, x.Source }).IsUnique();
        b.HasIndex(x => x.CommuneId);
    }
}

internal sealed class TaskDisbursementConfiguration : IEntityTypeConfiguration<TaskDisbursement>
{
    public void Configure(EntityTypeBuilder<TaskDisbursement> b)
    {
        b.ToTable("TaskDisbursements");
        b.Property(x => x.Source).HasMaxLength(20);
        b.Property(x => x.Amount).HasPrecision(20, 2);
        b.Property(x => x.Basis).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasOne<PlanTaskRow>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TaskId, x.Source, x.Year, x.Month });
        b.HasIndex(x => x.CommuneId);
    }
}

internal sealed class TaskInformationSystemConfiguration : IEntityTypeConfiguration<TaskInformationSystem>
{
    public void Configure(EntityTypeBuilder<TaskInformationSystem> b)
    {
        b.ToTable("TaskInformationSystems");
        b.Property(x => x.SecurityAllocated).HasPrecision(20, 2);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<PlanTaskRow>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TaskId).IsUnique();
        b.HasIndex(x => x.CommuneId);
    }
}

internal sealed class BudgetSettingsConfiguration : IEntityTypeConfiguration<BudgetSettings>
{
    public void Configure(EntityTypeBuilder<BudgetSettings> b)
    {
        b.ToTable("BudgetSettings");
        b.Property(x => x.SecurityThresholdPercent).HasPrecision(5, 2);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CommuneId).IsUnique();
    }
}
