using InspectReady.Web.Data;
using InspectReady.Web.Domain.Exams;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams.TakeExam;

/// <param name="Answer">The answer as JSON text, or null to clear it.</param>
public sealed record AnswerWrite(Guid ExamineeId, Guid ItemId, string? Answer, DateTime At);

/// <summary>
/// Writes examinees' answers in batches (ADR 0037). Each write lands only while its examinee is still answering
/// and within its time (read in the batch's own transaction), so an answer queued just before the paper was submitted or timed out is
/// refused, never written after the grading: <c>false</c> is that refusal.
/// </summary>
public sealed class ExamAnswerWriter(IDbContextFactory<AppDbContext> factory, ILogger<ExamAnswerWriter> logger)
    : BatchWriter<AnswerWrite, bool>(factory, logger)
{
    protected override async Task<IReadOnlyList<bool>> WriteBatchAsync(AppDbContext db, IReadOnlyList<AnswerWrite> batch)
    {
        // One read of the batch's examinees that are answering, then the answers as one batch of updates (one round
        // trip on PostgreSQL). The item ids come from the examinee's own paper (checked before queuing).
        var ids = batch.Select(w => w.ExamineeId).Distinct().ToList();
        var answering = await db.Set<Examinee>().AsNoTracking().Where(x => ids.Contains(x.Id) && x.Status == ExamineeStatus.Started)
            .Select(x => new { x.Id, x.DeadlineAt }).ToDictionaryAsync(x => x.Id, x => x.DeadlineAt);
        var items = new Dictionary<Guid, PaperItem>();
        var results = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var w = batch[i];
            if (!answering.TryGetValue(w.ExamineeId, out var deadline) || deadline <= w.At)
            {
                continue;
            }
            if (!items.TryGetValue(w.ItemId, out var item))
            {
                item = new PaperItem { Id = w.ItemId, ExamineeId = w.ExamineeId, Content = new() };
                db.Attach(item);
                items[w.ItemId] = item;
            }
            item.Answer = w.Answer;
            item.AnsweredAt = w.At;
            var entry = db.Entry(item);
            entry.Property(p => p.Answer).IsModified = true;
            entry.Property(p => p.AnsweredAt).IsModified = true;
            results[i] = true;
        }
        return results;
    }
}
