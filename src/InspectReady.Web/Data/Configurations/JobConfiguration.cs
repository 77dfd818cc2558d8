using InspectReady.Web.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InspectReady.Web.Data.Configurations;

public sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.Property(j => j.Kind).HasMaxLength(40);
        builder.Property(j => j.State).HasMaxLength(10);
        builder.Property(j => j.RowVersion).IsConcurrencyToken();
        builder.Property(j => j.CreatedBy).HasMaxLength(100);
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);
        builder.Property(j => j.ResultPath).HasMaxLength(300);
        builder.Property(j => j.ResultName).HasMaxLength(300);
        builder.HasIndex(j => new { j.State, j.CreatedAt });
    }
}
