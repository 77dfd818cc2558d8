using InspectReady.Web.Domain.Notifications;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InspectReady.Web.Data.Configurations;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.RowVersion).IsConcurrencyToken();
        builder.HasOne<Framework>().WithMany().HasForeignKey(c => c.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.EntryMappings, m =>
        {
            m.ToTable("CampaignEntryMappings");
            m.WithOwner().HasForeignKey(x => x.CampaignId);
            m.HasKey(x => new { x.CampaignId, x.Entry });
            m.Property(x => x.Entry).HasMaxLength(100);
        });
    }
}

public sealed class FilingTaskConfiguration : IEntityTypeConfiguration<FilingTask>
{
    public void Configure(EntityTypeBuilder<FilingTask> builder)
    {
        builder.ToTable("Tasks");
        builder.HasIndex(t => new { t.CampaignId, t.UnitId, t.GroupKey }).IsUnique();
        // The lists' index (ADR 0039): a campaign's tasks by state, covering the filter, the sort key and the id, so a
        // queue's count and page of ids are read from the index alone; the wide row (statement, lists) after it is
        // read only for the page.
        builder.HasIndex(t => new { t.CampaignId, t.Status, t.Removed, t.GroupKey, t.UnitId, t.Id }).HasDatabaseName("IX_Tasks_Queue");
        builder.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.GroupKey).HasMaxLength(20);
        builder.Property(t => t.Status).HasMaxLength(20);
        builder.Property(t => t.RowVersion).IsConcurrencyToken();
        builder.Property(t => t.Lists).HasJsonConversion();
        builder.Property(t => t.DraftVersion).IsConcurrencyToken();
        builder.Ignore(t => t.GroupLabel);
        builder.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TaskAttachmentConfiguration : IEntityTypeConfiguration<TaskAttachment>
{
    public void Configure(EntityTypeBuilder<TaskAttachment> builder)
    {
        builder.ToTable("TaskAttachments");
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Kind).HasMaxLength(30);
        builder.HasIndex(a => a.Sha256);
    }
}

public sealed class TaskTransitionConfiguration : IEntityTypeConfiguration<TaskTransition>
{
    public void Configure(EntityTypeBuilder<TaskTransition> builder)
    {
        builder.ToTable("TaskTransitions");
        builder.HasOne<FilingTask>().WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.ItemReasons).HasJsonConversion();
        builder.HasIndex(t => t.TaskId);
    }
}

public sealed class TaskVersionConfiguration : IEntityTypeConfiguration<TaskVersion>
{
    public void Configure(EntityTypeBuilder<TaskVersion> builder)
    {
        builder.ToTable("TaskVersions");
        builder.HasOne<FilingTask>().WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Lists).HasJsonConversion();
        builder.HasIndex(t => new { t.TaskId, t.Number }).IsUnique();
    }
}

public sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> builder)
    {
        builder.ToTable("TaskComments");
        builder.HasOne<FilingTask>().WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Text).HasMaxLength(2000);
        builder.HasIndex(t => t.TaskId);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}
