using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RoViec.Data.Entities;

namespace RoViec.Data.Configurations;

internal sealed class YearProposalConfiguration : IEntityTypeConfiguration<YearProposal>
{
    public void Configure(EntityTypeBuilder<YearProposal> b)
    {
        b.ToTable("YearProposals");
        b.Property(x => x.State).HasMaxLength(20);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.ReturnNote).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        // One proposal per unit and year, decided by the database when two first saves arrive at once.
        b.HasIndex(x => new { x.CommuneId, x.Year, x.UnitId }).IsUnique();
    }
}

internal sealed class ProposalItemConfiguration : IEntityTypeConfiguration<ProposalItem>
{
    public void Configure(EntityTypeBuilder<ProposalItem> b)
    {
        b.ToTable("ProposalItems");
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(2000);
        b.Property(x => x.Output).HasMaxLength(2000);
        b.Property(x => x.Target).HasMaxLength(200);
        b.Property(x => x.Deadline).HasMaxLength(200);
        b.Property(x => x.Budget).HasPrecision(18, 0);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Decision).HasMaxLength(20);
        b.Property(x => x.DeclineReason).HasMaxLength(2000);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.HasOne<PlanTaskRow>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<IndicatorRow>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.ProposalId, x.Order });
    }
}
