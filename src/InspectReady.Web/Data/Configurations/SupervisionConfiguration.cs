using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InspectReady.Web.Data.Configurations;

public sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> builder)
    {
        builder.ToTable("SupervisionNotices");
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Reason).HasMaxLength(2000);
        builder.Property(n => n.Status).HasMaxLength(10);
        builder.Property(n => n.RowVersion).IsConcurrencyToken();
        builder.Property(n => n.IssuedBy).HasMaxLength(256);
        builder.Property(n => n.ClosedBy).HasMaxLength(256);
        builder.Property(n => n.ClosingRemark).HasMaxLength(2000);
        builder.Ignore(n => n.Number);
        builder.HasIndex(n => new { n.CampaignId, n.No }).IsUnique();
        builder.HasIndex(n => new { n.CampaignId, n.UnitId });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(n => n.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Items).WithOne().HasForeignKey(i => i.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SupervisionItemConfiguration : IEntityTypeConfiguration<SupervisionItem>
{
    public void Configure(EntityTypeBuilder<SupervisionItem> builder)
    {
        builder.ToTable("SupervisionItems");
        builder.Property(i => i.Text).HasMaxLength(1000);
        builder.Property(i => i.Answer).HasMaxLength(4000);
        builder.Property(i => i.AnsweredBy).HasMaxLength(256);
        builder.HasIndex(i => new { i.NoticeId, i.Index }).IsUnique();
    }
}

public sealed class AccountabilityRecordConfiguration : IEntityTypeConfiguration<AccountabilityRecord>
{
    public void Configure(EntityTypeBuilder<AccountabilityRecord> builder)
    {
        builder.ToTable("AccountabilityRecords");
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.Decision).HasMaxLength(2000);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.CampaignId, r.UnitId });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupervisionNotice>().WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.SetNull);
    }
}
