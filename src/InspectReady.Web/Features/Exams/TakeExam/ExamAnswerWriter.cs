using InspectReady.Web.Data;
using InspectReady.Web.Domain.Exams;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams.TakeExam;

/// <param name="Answer">The answer as JSON text, or null to clear it.</param>
public sealed record AnswerWrite(Guid ExamineeId, Guid ItemId, string? Answer, DateTime At);

/// <summary>
/// Writes examinees' answers in batches (ADR 0037). Each write lands only while its examinee is still answering
/// and within its time (a condition in the update itself), so an answer queued just before the paper was submitted or timed out is
/// refused, never written after the grading: <c>false</c> is that refusal.
/// </summary>
public sealed class ExamAnswerWriter(IDbContextFactory<AppDbContext> factory, ILogger<ExamAnswerWriter> logger)
    : BatchWriter<AnswerWrite, bool>(factory, logger)
{
    protected override async Task<IReadOnlyList<bool>> WriteBatchAsync(AppDbContext db, IReadOnlyList<AnswerWrite> batch)
    {
        var results = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var w = batch[i];
            results[i] = await db.Set<PaperItem>()
                .Where(p => p.Id == w.ItemId && p.ExamineeId == w.ExamineeId
                    && db.Set<Examinee>().Any(x => x.Id == w.ExamineeId && x.Status == ExamineeStatus.Started && (x.DeadlineAt == null || x.DeadlineAt > w.At)))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Answer, w.Answer).SetProperty(p => p.AnsweredAt, w.At)) == 1;
        }
        return results;
    }
}
