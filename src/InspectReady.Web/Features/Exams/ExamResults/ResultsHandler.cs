using System.Text.Json;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Features.Exams.ManageExams;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams.ExamResults;

public sealed record GroupResultDto(string Key, string Label, int Examinees, int Submitted, decimal? Average, int Passed, double? PassRate);

public sealed record ExamResultsDto(Guid ExamId, string Name, decimal MaxScore, decimal PassScore, int Examinees, int Submitted, int Passed, double? PassRate,
    int PendingGrading, IReadOnlyList<ExamineeRowDto> Rows, IReadOnlyList<GroupResultDto> Units, IReadOnlyList<GroupResultDto> Categories);

public sealed record ItemStatisticDto(Guid QuestionId, string Type, string TypeLabel, string Stem, string Source, string SourceLabel, string? Article,
    int Examinees, double Facility, double? Discrimination);

public sealed record SourceStatisticDto(string Source, string SourceLabel, int Items, double Facility);

/// <param name="Alpha">Cronbach's alpha over the paper positions (parallel papers: the same blueprint cell at each position).</param>
/// <param name="Kr20">The same value, named KR-20, when every item is scored 0 or full.</param>
public sealed record ExamStatisticsDto(int Papers, double? Alpha, double? Kr20, IReadOnlyList<ItemStatisticDto> Items, IReadOnlyList<SourceStatisticDto> Sources);

/// <summary>Results per examinee, unit and category with the pass rate; item statistics; subjective grading.</summary>
public sealed class ResultsHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public async Task<Outcome<ExamResultsDto>> ResultsAsync(UserScope actor, Guid examId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var exam = await ExamAccess.Visible(db, actor).AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId);
        if (exam is null)
        {
            return Outcome<ExamResultsDto>.NotFound();
        }
        var manages = await ExamAccess.Managed(db, actor).AnyAsync(e => e.Id == examId);
        await ExamineeSweep.SweepOverdueAsync(db, exam, clock.UtcNow);
        var examinees = await ExamAccess.Examinees(db, actor, exam, manages).AsNoTracking().Include(x => x.Items).OrderBy(x => x.UnitId).ThenBy(x => x.PersonName).ToListAsync();
        var unitIds = examinees.Select(x => x.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        var rows = examinees.Select(x => ExamsHandler.Row(x, units.GetValueOrDefault(x.UnitId), x.Items.Count(i => i.Answer != null), x.Items.Count, manages)).ToList();
        bool Passed(Examinee x) => x.Status == ExamineeStatus.Submitted && x.TotalScore >= exam.PassScore;
        GroupResultDto Group(string key, string label, IReadOnlyList<Examinee> xs)
        {
            var done = xs.Where(x => x.Status == ExamineeStatus.Submitted).ToList();
            return new(key, label, xs.Count, done.Count, done.Count == 0 ? null : Math.Round(done.Average(x => x.TotalScore ?? 0), 2),
                done.Count(Passed), done.Count == 0 ? null : (double)done.Count(Passed) / done.Count);
        }
        var submitted = examinees.Count(x => x.Status == ExamineeStatus.Submitted);
        return Outcome<ExamResultsDto>.Ok(new ExamResultsDto(exam.Id, exam.Name, exam.MaxScore, exam.PassScore, examinees.Count, submitted,
            examinees.Count(Passed), submitted == 0 ? null : (double)examinees.Count(Passed) / submitted,
            examinees.Where(x => x.Status == ExamineeStatus.Submitted).Sum(x => x.Items.Count(i => !QuestionTypes.IsObjective(i.Type) && i.Awarded is null)),
            rows,
            [.. examinees.GroupBy(x => x.UnitId).Select(g => Group(g.Key.ToString(), units.GetValueOrDefault(g.Key) ?? "", [.. g]))],
            [.. examinees.GroupBy(x => x.Category ?? "").Select(g => Group(g.Key, g.Key.Length == 0 ? "未分类" : ExamineeCategories.Label(g.Key), [.. g]))]));
    }

    public async Task<Outcome<ExamStatisticsDto>> StatisticsAsync(UserScope actor, Guid examId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await ExamsHandler.ManagedAsync(db, actor, examId);
        if (!loaded.IsOk)
        {
            return loaded.As<ExamStatisticsDto>();
        }
        var papers = await db.Set<Examinee>().AsNoTracking().Include(x => x.Items)
            .Where(x => x.ExamId == examId && x.Status == ExamineeStatus.Submitted).ToListAsync();
        return Outcome<ExamStatisticsDto>.Ok(Compute(papers));
    }

    /// <summary>Item statistics of submitted papers; subjective items count once graded.</summary>
    public static ExamStatisticsDto Compute(IReadOnlyList<Examinee> papers)
    {
        var totals = papers.ToDictionary(p => p.Id, p => (double)p.Items.Sum(i => i.Awarded ?? 0));
        var byQuestion = papers.SelectMany(p => p.Items.Where(i => i.Awarded is not null).Select(i => (Paper: p, Item: i))).GroupBy(x => x.Item.QuestionId);
        var items = byQuestion.Select(g =>
        {
            var first = g.First().Item;
            var max = (double)first.Score;
            var pairs = g.Select(x => (totals[x.Paper.Id], (double)x.Item.Awarded!.Value)).ToList();
            return new ItemStatisticDto(g.Key, first.Type, QuestionTypes.Label(first.Type), first.Content.Stem, first.Source, LawSources.Label(first.Source), null,
                pairs.Count, Math.Round(ItemStatistics.Facility([.. pairs.Select(p => p.Item2)], max), 4),
                pairs.Count >= 2 ? Math.Round(ItemStatistics.Discrimination(pairs, max), 4) : null);
        }).OrderBy(i => i.Facility).ToList();
        // Parallel papers: position k holds an item of the same blueprint cell on every paper.
        var positions = papers.Select(p => p.Items.OrderBy(i => i.Position).Select(i => (double)(i.Awarded ?? 0)).ToArray()).Where(r => r.Length > 0).ToList();
        double? alpha = positions.Count >= 2 && positions.All(r => r.Length == positions[0].Length) ? ItemStatistics.CronbachAlpha(positions) : null;
        var dichotomous = papers.SelectMany(p => p.Items).All(i => i.Awarded is null || i.Awarded == 0 || i.Awarded == i.Score);
        var sources = items.GroupBy(i => i.Source).Select(g => new SourceStatisticDto(g.Key, LawSources.Label(g.Key), g.Count(),
            Math.Round(g.Sum(i => i.Facility * i.Examinees) / Math.Max(1, g.Sum(i => i.Examinees)), 4))).OrderBy(s => s.Facility).ToList();
        return new ExamStatisticsDto(papers.Count, alpha is null ? null : Math.Round(alpha.Value, 4), dichotomous && alpha is not null ? Math.Round(alpha.Value, 4) : null,
            items, sources);
    }

    /// <summary>The 简答/论述 items of submitted papers this grader may still mark (or, for the office, all).</summary>
    public async Task<Outcome<IReadOnlyList<GradingItemDto>>> GradingQueueAsync(UserScope actor, Guid examId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var exam = await GradableAsync(db, actor, examId);
        if (!exam.IsOk)
        {
            return exam.As<IReadOnlyList<GradingItemDto>>();
        }
        var e = exam.Value!;
        var items = await Ungraded(db, examId).OrderBy(i => i.ExamineeId).ThenBy(i => i.Position).ToListAsync();
        var me = actor.UserId ?? Guid.Empty;
        return Outcome<IReadOnlyList<GradingItemDto>>.Ok([.. items.Where(i => AwaitsMarkOf(i.Marks, me)).Select(i => ToGradingDto(e, i))]);
    }

    /// <summary>The 简答/论述 items of the exam's submitted papers that have no final score yet.</summary>
    internal static IQueryable<PaperItem> Ungraded(AppDbContext db, Guid examId) => db.Set<PaperItem>().AsNoTracking()
        .Where(i => (i.Type == QuestionTypes.Short || i.Type == QuestionTypes.Essay) && i.Awarded == null
            && db.Set<Examinee>().Any(x => x.Id == i.ExamineeId && x.ExamId == examId && x.Status == ExamineeStatus.Submitted));

    /// <summary>Whether the grader has not marked the item yet.</summary>
    internal static bool AwaitsMarkOf(IEnumerable<GraderMark> marks, Guid grader) => marks.All(m => m.GraderId != grader);

    private static GradingItemDto ToGradingDto(Exam e, PaperItem i)
    {
        var resolution = SubjectiveGrading.Resolve([.. i.Marks.Select(m => m.Score)], e.DoubleGrading, e.GradingTolerance);
        return new(i.Id, i.ExamineeId, i.Position, i.Type, i.Content.Stem, i.Score, i.Content.Answer, i.Content.KeyPoints,
            i.Answer is null ? null : JsonDocument.Parse(i.Answer).RootElement.Clone(), i.Marks, i.Awarded, resolution.NeedsThirdGrader);
    }

    public async Task<Outcome<GradingItemDto>> GradeAsync(UserScope actor, Guid examId, Guid itemId, decimal score)
    {
        await using var db = await factory.CreateDbContextAsync();
        var exam = await GradableAsync(db, actor, examId);
        if (!exam.IsOk)
        {
            return exam.As<GradingItemDto>();
        }
        var e = exam.Value!;
        var item = await db.Set<PaperItem>().FirstOrDefaultAsync(i => i.Id == itemId
            && db.Set<Examinee>().Any(x => x.Id == i.ExamineeId && x.ExamId == examId && x.Status == ExamineeStatus.Submitted));
        if (item is null || QuestionTypes.IsObjective(item.Type))
        {
            return Outcome<GradingItemDto>.NotFound();
        }
        if (score < 0 || score > item.Score)
        {
            return Outcome<GradingItemDto>.Invalid("score", $"得分应在0至{Grading.Format(item.Score)}之间");
        }
        var me = actor.UserId ?? Guid.Empty;
        if (item.Marks.Any(m => m.GraderId == me))
        {
            return Outcome<GradingItemDto>.Conflict("本题您已评过分");
        }
        if (item.Awarded is not null)
        {
            return Outcome<GradingItemDto>.Conflict("本题已定分");
        }
        item.Marks = [.. item.Marks, new GraderMark(me, actor.UserName, score, clock.UtcNow)];
        var resolution = SubjectiveGrading.Resolve([.. item.Marks.Select(m => m.Score)], e.DoubleGrading, e.GradingTolerance);
        item.Awarded = resolution.Score;
        if (resolution.Score is not null)
        {
            var x = await db.Set<Examinee>().Include(p => p.Items).FirstAsync(p => p.Id == item.ExamineeId);
            x.SubjectiveScore = x.Items.Where(i => !QuestionTypes.IsObjective(i.Type)).Sum(i => i.Id == item.Id ? resolution.Score.Value : i.Awarded ?? 0);
        }
        db.Record(actor, AuditActions.Update, $"考试 {e.Name} 阅卷", detail: $"第{item.Position}题 {Grading.Format(score)}分");
        await db.SaveChangesAsync();
        return Outcome<GradingItemDto>.Ok(ToGradingDto(e, item));
    }

    private static async Task<Outcome<Exam>> GradableAsync(AppDbContext db, UserScope actor, Guid examId)
    {
        var exam = await db.Set<Exam>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId);
        if (exam is not null && ExamAccess.IsGrader(actor, exam))
        {
            return Outcome<Exam>.Ok(exam);
        }
        return await ExamsHandler.ManagedAsync(db, actor, examId);
    }
}
