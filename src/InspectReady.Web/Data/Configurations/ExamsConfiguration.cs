using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InspectReady.Web.Data.Configurations;

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.ToTable("ExamQuestions");
        b.Property(q => q.Type).HasMaxLength(20);
        b.Property(q => q.Source).HasMaxLength(30);
        b.Property(q => q.Article).HasMaxLength(100);
        b.Property(q => q.LawVersion).HasMaxLength(100);
        b.Property(q => q.Content).HasJsonConversion();
        b.Property(q => q.Stem).HasMaxLength(2000);
        b.Property(q => q.Tags).HasJsonConversion();
        b.HasOne<Region>().WithMany().HasForeignKey(q => q.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(q => new { q.RegionId, q.Type, q.Source });
    }
}

public sealed class ExamConfiguration : IEntityTypeConfiguration<Exam>
{
    public void Configure(EntityTypeBuilder<Exam> b)
    {
        b.ToTable("Exams");
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Status).HasMaxLength(20);
        b.Property(e => e.MultipleScoring).HasMaxLength(20);
        b.Property(e => e.CreatedBy).HasMaxLength(100);
        b.Property(e => e.Blueprint).HasJsonConversion();
        b.Property(e => e.Graders).HasJsonConversion();
        b.Property(e => e.PassScore).HasPrecision(8, 2);
        b.Property(e => e.GradingTolerance).HasPrecision(8, 2);
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.RegionId);
    }
}

public sealed class ExamDrawConfiguration : IEntityTypeConfiguration<ExamDraw>
{
    public void Configure(EntityTypeBuilder<ExamDraw> b)
    {
        b.ToTable("ExamDraws");
        b.Property(d => d.Reason).HasMaxLength(500);
        b.Property(d => d.DrawnBy).HasMaxLength(100);
        b.Property(d => d.Categories).HasJsonConversion();
        b.Property(d => d.PersonIds).HasJsonConversion();
        b.Property(d => d.Share).HasPrecision(5, 4);
        b.HasOne<Exam>().WithMany().HasForeignKey(d => d.ExamId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.ExamId);
    }
}

public sealed class ExamineeConfiguration : IEntityTypeConfiguration<Examinee>
{
    public void Configure(EntityTypeBuilder<Examinee> b)
    {
        b.ToTable("Examinees");
        b.Property(e => e.PersonName).HasMaxLength(50);
        b.Property(e => e.Category).HasMaxLength(30);
        b.Property(e => e.AccessCode).HasMaxLength(20);
        b.Property(e => e.Status).HasMaxLength(20);
        b.Property(e => e.SubmittedHow).HasMaxLength(20);
        b.Property(e => e.ObjectiveScore).HasPrecision(8, 2);
        b.Property(e => e.SubjectiveScore).HasPrecision(8, 2);
        b.HasIndex(e => e.AccessCode).IsUnique();
        b.HasIndex(e => new { e.ExamId, e.PersonId }).IsUnique();
        b.HasIndex(e => new { e.ExamId, e.UnitId });
        b.HasOne<Exam>().WithMany().HasForeignKey(e => e.ExamId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Items).WithOne().HasForeignKey(i => i.ExamineeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PaperItemConfiguration : IEntityTypeConfiguration<PaperItem>
{
    public void Configure(EntityTypeBuilder<PaperItem> b)
    {
        b.ToTable("ExamPaperItems");
        b.Property(i => i.Type).HasMaxLength(20);
        b.Property(i => i.Source).HasMaxLength(30);
        b.Property(i => i.Score).HasPrecision(8, 2);
        b.Property(i => i.Awarded).HasPrecision(8, 2);
        b.Property(i => i.Content).HasJsonConversion();
        b.Property(i => i.Marks).HasJsonConversion();
        b.HasIndex(i => new { i.ExamineeId, i.Position }).IsUnique();
        b.HasIndex(i => i.QuestionId);
    }
}

public sealed class TrainingEventConfiguration : IEntityTypeConfiguration<TrainingEvent>
{
    public void Configure(EntityTypeBuilder<TrainingEvent> b)
    {
        b.ToTable("TrainingEvents");
        b.Property(e => e.Topic).HasMaxLength(200);
        b.Property(e => e.Kind).HasMaxLength(20);
        b.Property(e => e.CreatedBy).HasMaxLength(100);
        b.Property(e => e.Hours).HasPrecision(6, 2);
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Attendance).WithOne().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.RegionId, e.Date });
    }
}

public sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> b)
    {
        b.ToTable("TrainingAttendance");
        b.HasKey(a => new { a.EventId, a.PersonId });
        b.Property(a => a.Hours).HasPrecision(6, 2);
        b.HasIndex(a => a.PersonId);
    }
}
