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
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Area).HasMaxLength(200);
        b.HasIndex(x => x.ProvinceId);
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
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class SteeringMemberConfiguration : IEntityTypeConfiguration<SteeringMember>
{
    public void Configure(EntityTypeBuilder<SteeringMember> b)
    {
        b.ToTable("SteeringMembers");
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Position).HasMaxLength(20);
        b.Property(x => x.Fields).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Units).WithOne().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CommuneId, x.Order });
    }
}

internal sealed class SteeringMemberUnitConfiguration : IEntityTypeConfiguration<SteeringMemberUnit>
{
    public void Configure(EntityTypeBuilder<SteeringMemberUnit> b)
    {
        b.ToTable("SteeringMemberUnits");
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MemberId, x.UnitId }).IsUnique();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasOne<Province>().WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
