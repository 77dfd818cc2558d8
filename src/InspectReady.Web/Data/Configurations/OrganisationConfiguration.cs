using InspectReady.Web.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InspectReady.Web.Data.Configurations;

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Level).HasMaxLength(10);
        b.HasOne(r => r.Parent).WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ParentId, r.Name }).IsUnique();
    }
}

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.Kind).HasMaxLength(20);
        b.HasIndex(u => u.Name).IsUnique();
        b.HasOne(u => u.Region).WithMany().HasForeignKey(u => u.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(u => u.Aliases, a =>
        {
            a.ToTable("UnitAliases");
            a.WithOwner().HasForeignKey(x => x.UnitId);
            a.Property(x => x.Alias).HasMaxLength(100);
            a.HasKey(x => new { x.UnitId, x.Alias });
            a.HasIndex(x => x.Alias).IsUnique();
        });
        b.OwnsMany(u => u.Tags, t =>
        {
            t.ToTable("UnitTags");
            t.WithOwner().HasForeignKey(x => x.UnitId);
            t.Property(x => x.Tag).HasMaxLength(50);
            t.HasKey(x => new { x.UnitId, x.Tag });
            t.HasIndex(x => x.Tag);
        });
    }
}

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.Position).HasMaxLength(100);
        b.Property(p => p.CampaignRole).HasMaxLength(20);
        b.Property(p => p.Mobile).HasMaxLength(20);
        b.Property(p => p.OfficePhone).HasMaxLength(30);
        b.Property(p => p.Rank).HasMaxLength(50);
        b.Property(p => p.EnforcementCertificate).HasMaxLength(50);
        b.Property(p => p.ExamCategories).HasConversion(
            v => v == null ? null : string.Join(",", v),
            v => v == null ? null : v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>?>(
                (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
                v => v == null ? 0 : string.Join(",", v).GetHashCode(StringComparison.Ordinal),
                v => v == null ? null : v.ToList())).HasMaxLength(100);
        b.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.UnitId, p.Name });
    }
}
