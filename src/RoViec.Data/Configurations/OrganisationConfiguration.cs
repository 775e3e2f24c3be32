using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RoViec.Data.Entities;

namespace RoViec.Data.Configurations;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
    }
}

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne(x => x.Province).WithMany(p => p.Communes).HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Aliases).HasMaxLength(2000);
        b.HasOne<Commune>().WithMany(c => c.Units).HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CommuneId, x.Key }).IsUnique();
    }
}
