using System.Text.Json;
using InspectReady.Web.Domain.Frameworks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InspectReady.Web.Data.Configurations;

public sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> builder)
    {
        builder.HasIndex(f => f.Code).IsUnique();
        builder.Property(f => f.Code).HasMaxLength(64);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Version).HasMaxLength(64);
        builder.Ignore(f => f.Indicators);
        builder.HasMany(f => f.Nodes).WithOne().HasForeignKey(n => n.FrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FrameworkNodeConfiguration : IEntityTypeConfiguration<FrameworkNode>
{
    public void Configure(EntityTypeBuilder<FrameworkNode> builder)
    {
        builder.HasIndex(n => new { n.FrameworkId, n.No });
        builder.HasIndex(n => new { n.FrameworkId, n.ParentId, n.Order });
        builder.Ignore(n => n.MaterialItems);
        builder.Property(n => n.CorrectedItems).HasConversion(
            v => v == null ? null : JsonSerializer.Serialize(v, FrameworkJson.Options),
            v => v == null ? null : JsonSerializer.Deserialize<List<MaterialItem>>(v, FrameworkJson.Options),
            new ValueComparer<List<MaterialItem>?>(
                (a, b) => JsonSerializer.Serialize(a, FrameworkJson.Options) == JsonSerializer.Serialize(b, FrameworkJson.Options),
                v => v == null ? 0 : v.Count,
                v => v == null ? null : v.ToList()));
    }
}

public sealed class FrameworkMappingConfiguration : IEntityTypeConfiguration<FrameworkMapping>
{
    public void Configure(EntityTypeBuilder<FrameworkMapping> builder)
    {
        builder.HasKey(m => new { m.FromFrameworkId, m.ToFrameworkId, m.FromNo });
        builder.HasOne<Framework>().WithMany().HasForeignKey(m => m.FromFrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Framework>().WithMany().HasForeignKey(m => m.ToFrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
