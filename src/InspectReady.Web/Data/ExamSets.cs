using InspectReady.Web.Domain.Exams;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Data;

/// <summary>The exam and training tables, beside the context so feature work does not collide there.</summary>
public static class ExamSets
{
    extension(AppDbContext db)
    {
        public DbSet<Question> Questions => db.Set<Question>();
        public DbSet<Exam> Exams => db.Set<Exam>();
        public DbSet<ExamDraw> ExamDraws => db.Set<ExamDraw>();
        public DbSet<Examinee> Examinees => db.Set<Examinee>();
        public DbSet<PaperItem> PaperItems => db.Set<PaperItem>();
        public DbSet<TrainingEvent> TrainingEvents => db.Set<TrainingEvent>();
        public DbSet<TrainingAttendance> TrainingAttendance => db.Set<TrainingAttendance>();
    }
}
