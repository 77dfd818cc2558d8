using InspectReady.Web.Data;
using InspectReady.Web.Domain.Exams;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams;

/// <summary>Time-out submission for a whole exam, run when the proctor or the results are looked at.</summary>
public static class ExamineeSweep
{
    public static async Task<int> SweepOverdueAsync(AppDbContext db, Exam exam, DateTime utcNow)
    {
        var closed = exam.IsClosed(utcNow);
        var overdue = await db.Set<Examinee>().Include(x => x.Items)
            .Where(x => x.ExamId == exam.Id && x.Status == ExamineeStatus.Started && (closed || x.DeadlineAt <= utcNow)).ToListAsync();
        foreach (var x in overdue)
        {
            x.Submit(utcNow, "timeout", exam.MultipleScoring);
        }
        if (overdue.Count > 0)
        {
            await db.SaveChangesAsync();
        }
        return overdue.Count;
    }
}
