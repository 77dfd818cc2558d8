using InspectReady.Web.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InspectReady.Web.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => a.Sequence).IsUnique();
        b.HasIndex(a => a.At);
        b.HasIndex(a => a.UserName);
        b.HasIndex(a => a.Action);
        b.Property(a => a.UserName).HasMaxLength(100);
        b.Property(a => a.ClientAddress).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.Target).HasMaxLength(300);
        b.Property(a => a.Result).HasMaxLength(10);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.Property(a => a.KeyId).HasMaxLength(48);
    }
}
