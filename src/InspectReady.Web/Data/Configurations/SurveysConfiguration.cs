using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InspectReady.Web.Data.Configurations;

public sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("Surveys");
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Status).HasMaxLength(20);
        b.Property(s => s.CreatedBy).HasMaxLength(100);
        b.Property(s => s.Design).HasJsonConversion();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.RegionId);
    }
}

public sealed class SurveyLinkConfiguration : IEntityTypeConfiguration<SurveyLink>
{
    public void Configure(EntityTypeBuilder<SurveyLink> b)
    {
        b.ToTable("SurveyLinks");
        b.Property(l => l.Token).HasMaxLength(64);
        b.Property(l => l.Group).HasMaxLength(100);
        b.Property(l => l.Area).HasMaxLength(100);
        b.HasIndex(l => l.Token).IsUnique();
        b.HasIndex(l => new { l.SurveyId, l.Group, l.Area });
        b.HasOne<Survey>().WithMany().HasForeignKey(l => l.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.ToTable("SurveyInvitations");
        b.Property(i => i.Code).HasMaxLength(64);
        b.Property(i => i.Group).HasMaxLength(100);
        b.Property(i => i.Area).HasMaxLength(100);
        b.HasIndex(i => new { i.SurveyId, i.Code }).IsUnique();
        b.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("SurveyResponses");
        b.Property(r => r.Channel).HasMaxLength(20);
        b.Property(r => r.Group).HasMaxLength(100);
        b.Property(r => r.Area).HasMaxLength(100);
        b.Property(r => r.Answers).HasJsonConversion();
        b.HasIndex(r => new { r.SurveyId, r.Group, r.Area });
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyCallConfiguration : IEntityTypeConfiguration<SurveyCall>
{
    public void Configure(EntityTypeBuilder<SurveyCall> b)
    {
        b.ToTable("SurveyCalls");
        b.Property(c => c.Phone).HasMaxLength(40);
        b.Property(c => c.Group).HasMaxLength(100);
        b.Property(c => c.Area).HasMaxLength(100);
        b.Property(c => c.Outcome).HasMaxLength(20);
        b.Property(c => c.CalledBy).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.SurveyId, c.Position }).IsUnique();
        b.HasOne<Survey>().WithMany().HasForeignKey(c => c.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyRectificationConfiguration : IEntityTypeConfiguration<SurveyRectification>
{
    public void Configure(EntityTypeBuilder<SurveyRectification> b)
    {
        b.ToTable("SurveyRectifications");
        b.Property(r => r.Topic).HasMaxLength(40);
        b.Property(r => r.Area).HasMaxLength(100);
        b.Property(r => r.Comment).HasMaxLength(2000);
        b.Property(r => r.Problem).HasMaxLength(2000);
        b.Property(r => r.State).HasMaxLength(20);
        b.Property(r => r.Response).HasMaxLength(2000);
        b.Property(r => r.IssuedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.UnitId);
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PublicityActivityConfiguration : IEntityTypeConfiguration<PublicityActivity>
{
    public void Configure(EntityTypeBuilder<PublicityActivity> b)
    {
        b.ToTable("PublicityActivities");
        b.Property(a => a.Kind).HasMaxLength(40);
        b.Property(a => a.Place).HasMaxLength(200);
        b.Property(a => a.Street).HasMaxLength(100);
        b.Property(a => a.Description).HasMaxLength(2000);
        b.Property(a => a.CreatedBy).HasMaxLength(100);
        b.HasIndex(a => new { a.RegionId, a.Date });
        b.HasIndex(a => a.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Photos).WithOne().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PublicityPhotoConfiguration : IEntityTypeConfiguration<PublicityPhoto>
{
    public void Configure(EntityTypeBuilder<PublicityPhoto> b)
    {
        b.ToTable("PublicityPhotos");
        b.Property(p => p.FileName).HasMaxLength(260);
        b.Property(p => p.Sha256).HasMaxLength(64);
        b.Property(p => p.ContentType).HasMaxLength(100);
    }
}

public sealed class PublicityPlanConfiguration : IEntityTypeConfiguration<PublicityPlan>
{
    public void Configure(EntityTypeBuilder<PublicityPlan> b)
    {
        b.ToTable("PublicityPlans");
        b.Property(p => p.Street).HasMaxLength(100);
        b.HasIndex(p => new { p.RegionId, p.UnitId, p.Street }).IsUnique();
    }
}
