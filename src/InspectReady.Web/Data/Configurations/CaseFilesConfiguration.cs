using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Reviews;
using InspectReady.Web.Domain.CaseFiles.Sampling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InspectReady.Web.Data.Configurations;

public sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> b)
    {
        b.Property(c => c.Kind).HasMaxLength(20);
        b.Property(c => c.CaseNumber).HasMaxLength(200);
        b.Property(c => c.Cause).HasMaxLength(200);
        b.Property(c => c.Party).HasMaxLength(200);
        b.Property(c => c.CommentRule).HasMaxLength(10);
        b.Property(c => c.DiscretionStandard).HasMaxLength(200);
        b.Property(c => c.CreatedBy).HasMaxLength(100);
        b.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.UnitId, c.CaseNumber }).IsUnique();
        b.HasIndex(c => new { c.UnitId, c.Kind });
        b.OwnsMany(c => c.Officers, o =>
        {
            o.ToTable("CaseOfficers");
            o.WithOwner().HasForeignKey("CaseFileId");
            o.HasKey("CaseFileId", nameof(CaseOfficer.Position));
            o.Property(x => x.Name).HasMaxLength(200);
            o.Property(x => x.CertificateNumber).HasMaxLength(200);
        });
    }
}

public sealed class SamplingDrawConfiguration : IEntityTypeConfiguration<SamplingDraw>
{
    public void Configure(EntityTypeBuilder<SamplingDraw> b)
    {
        b.ToTable("SamplingDraws");
        b.Property(d => d.Kind).HasMaxLength(20);
        b.Property(d => d.DrawnBy).HasMaxLength(100);
        b.Property(d => d.RedoReason).HasMaxLength(500);
        b.HasOne<Domain.Organisation.Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        // At most one current draw per unit and kind: a second concurrent draw fails instead of silently coexisting.
        b.HasIndex(d => new { d.UnitId, d.Kind }).IsUnique().HasFilter("\"SupersededBy\" IS NULL");
        b.OwnsMany(d => d.Items, i =>
        {
            i.ToTable("SamplingDrawItems");
            i.WithOwner().HasForeignKey("DrawId");
            i.HasKey("DrawId", nameof(SamplingDrawItem.Position));
            i.HasIndex(x => x.CaseFileId);
        });
    }
}

public sealed class ReviewTemplateConfiguration : IEntityTypeConfiguration<ReviewTemplate>
{
    public void Configure(EntityTypeBuilder<ReviewTemplate> b)
    {
        b.ToTable("ReviewTemplates");
        b.Property(t => t.Kind).HasMaxLength(20);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.UpdatedBy).HasMaxLength(100);
        b.HasIndex(t => t.Kind).IsUnique();
        b.OwnsMany(t => t.Items, i =>
        {
            i.ToTable("ReviewTemplateItems");
            i.WithOwner().HasForeignKey("TemplateId");
            i.HasKey("TemplateId", nameof(ReviewTemplateItem.Number));
            i.Property(x => x.Category).HasMaxLength(50);
            i.Property(x => x.Content).HasMaxLength(500);
            i.Property(x => x.MaxPoints).HasPrecision(5, 1);
        });
    }
}

public sealed class CaseReviewConfiguration : IEntityTypeConfiguration<CaseReview>
{
    public void Configure(EntityTypeBuilder<CaseReview> b)
    {
        b.ToTable("CaseReviews");
        b.Property(r => r.ReviewerName).HasMaxLength(100);
        b.Property(r => r.TemplateName).HasMaxLength(100);
        b.Property(r => r.Remarks).HasMaxLength(1000);
        b.Property(r => r.RowVersion).IsConcurrencyToken();
        b.Ignore(r => r.Total);
        b.HasOne<CaseFile>().WithMany().HasForeignKey(r => r.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.CaseFileId, r.ReviewerId }).IsUnique();
        b.HasIndex(r => r.UnitId);
        b.OwnsMany(r => r.Items, i =>
        {
            i.ToTable("CaseReviewItems");
            i.WithOwner().HasForeignKey("ReviewId");
            i.HasKey("ReviewId", nameof(CaseReviewItem.Number));
            i.Property(x => x.Category).HasMaxLength(50);
            i.Property(x => x.Content).HasMaxLength(500);
            i.Property(x => x.Comment).HasMaxLength(500);
            i.Property(x => x.MaxPoints).HasPrecision(5, 1);
            i.Property(x => x.Points).HasPrecision(5, 1);
        });
    }
}

public sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.ToTable("Rectifications");
        b.Property(r => r.Source).HasMaxLength(10);
        b.Property(r => r.SourceKey).HasMaxLength(200);
        b.Property(r => r.Problem).HasMaxLength(1000);
        b.Property(r => r.Status).HasMaxLength(10);
        b.Property(r => r.IssuedBy).HasMaxLength(100);
        b.Property(r => r.Response).HasMaxLength(1000);
        b.Property(r => r.RespondedBy).HasMaxLength(100);
        b.Property(r => r.ConfirmedBy).HasMaxLength(100);
        b.HasOne<Domain.Organisation.Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CaseFile>().WithMany().HasForeignKey(r => r.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.SourceKey).IsUnique();
        b.HasIndex(r => new { r.UnitId, r.Status });
    }
}
