using InspectReady.Web.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InspectReady.Web.Data.Configurations;

public sealed class SecurityPolicyConfiguration : IEntityTypeConfiguration<SecurityPolicy>
{
    public void Configure(EntityTypeBuilder<SecurityPolicy> b)
    {
        b.ToTable("SecurityPolicies");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.TotpRoles).HasJsonConversion().HasMaxLength(500);
        b.Property(p => p.UpdatedBy).HasMaxLength(100);
    }
}
