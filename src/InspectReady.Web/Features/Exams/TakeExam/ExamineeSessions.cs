using InspectReady.Web.Domain.Audit;
using System.Text.Json;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams.TakeExam;

public sealed record AccessRequest(string? Code);

public sealed record AccessTokenDto(string AccessToken, Guid ExamId, DateTime ExpiresAt);

public sealed record MyExamDto(Guid Id, string Name, int DurationMinutes, string Status, string StatusLabel, DateTime StartAfter, DateTime? StartedAt,
    DateTime? DeadlineAt, long? RemainingSeconds, DateTime ClosesAt, decimal? ObjectiveScore, decimal? MaxObjectiveScore, string PersonName);

public sealed record PaperOptionDto(string Key, string Text);

/// <param name="Answer">What was saved, as given; null when not answered yet (so a reload resumes).</param>
/// <param name="Blanks">填空: how many blanks the item has.</param>
public sealed record PaperItemDto(Guid Id, int Position, string Type, string TypeLabel, string Stem, IReadOnlyList<PaperOptionDto> Options, decimal Score,
    int Blanks, JsonElement? Answer);

public sealed record PaperDto(Guid ExamId, string Name, string PersonName, string Status, string StatusLabel, DateTime? DeadlineAt, long? RemainingSeconds,
    IReadOnlyList<PaperItemDto> Items);

public sealed record ExamAnswerRequest(JsonElement Answer);

/// <param name="Kind"><c>leave</c> (the page was left or hidden) or <c>paste</c>.</param>
public sealed record DisciplineEventRequest(string? Kind);

/// <summary>
/// The examinee's side (ADR 0112, 0113): an access code for a token; the paper, started on first fetch with a
/// server-side deadline; every answer saved as given; submission by the examinee, or automatically once the deadline
/// has passed (on the next request of the examinee or of the proctor's list); leave-page and paste counters.
/// </summary>
public sealed class ExamineeSessions(IDbContextFactory<AppDbContext> factory, IChinaClock clock, ExamineeTokens tokens, ExamAnswerWriter answers, ExamineeCache cache)
{
    public const int MaxTextAnswer = 5000;

    public async Task<Outcome<AccessTokenDto>> AccessAsync(string? code, string? address)
    {
        var normalised = ExamineeTokens.NormaliseCode(code);
        if (normalised.Length == 0)
        {
            return Outcome<AccessTokenDto>.Invalid("code", "请输入准考码");
        }
        await using var db = await factory.CreateDbContextAsync();
        var found = await db.Set<Examinee>().AsNoTracking().Where(x => x.AccessCode == normalised)
            .Select(x => new { x.Id, x.ExamId, x.PersonName, x.UnitId, Exam = db.Set<Exam>().First(e => e.Id == x.ExamId) }).FirstOrDefaultAsync();
        var actor = new UserScope(null, found is null ? "考生" : $"考生:{found.PersonName}", found?.UnitId, new HashSet<string>(), address);
        if (found is null || found.Exam.IsClosed(clock.UtcNow))
        {
            db.Record(actor, AuditActions.SignIn, "考试准考码", AuditResult.Failure, found is null ? "准考码无效" : "考试已结束");
            await db.SaveChangesAsync();
            return Outcome<AccessTokenDto>.Invalid("code", found is null ? "准考码无效" : "考试已结束，准考码已失效");
        }
        db.Record(actor, AuditActions.SignIn, $"考试 {found.Exam.Name}");
        await db.SaveChangesAsync();
        return Outcome<AccessTokenDto>.Ok(new AccessTokenDto(tokens.Issue(found.Id, found.ExamId, found.Exam.ClosesAt), found.ExamId, found.Exam.ClosesAt));
    }

    /// <summary>The ticket while its exam is open: closing an exam ends its tokens at once, not only at their expiry.</summary>
    public async Task<ExamineeTicket?> OpenAsync(ExamineeTicket? ticket)
    {
        if (ticket is null)
        {
            return null;
        }
        var closesAt = await cache.OpenUntilAsync(ticket.ExamId, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Set<Exam>().Where(e => e.Id == ticket.ExamId && e.Status == ExamStatus.Open).Select(e => (DateTime?)e.ClosesAt).FirstOrDefaultAsync();
        });
        return closesAt > clock.UtcNow ? ticket : null;
    }

    public async Task<IReadOnlyList<MyExamDto>> MineAsync(ExamineeTicket ticket)
    {
        await using var db = await factory.CreateDbContextAsync();
        var (exam, x) = await LoadAsync(db, ticket, ticket.ExamId);
        if (exam is null || x is null)
        {
            return [];
        }
        await TimeOutAsync(db, exam, x);
        return [Mine(exam, x)];
    }

    private MyExamDto Mine(Exam exam, Examinee x) => new(exam.Id, exam.Name, exam.DurationMinutes, x.Status, ExamineeStatus.Label(x.Status), x.StartAfter,
        x.StartedAt, x.DeadlineAt, Remaining(x), exam.ClosesAt, x.Status == ExamineeStatus.Submitted ? x.ObjectiveScore : null,
        x.Status == ExamineeStatus.Submitted ? x.MaxObjectiveScore : null, x.PersonName);

    public async Task<Outcome<PaperDto>> PaperAsync(ExamineeTicket ticket, Guid examId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var (exam, x) = await LoadAsync(db, ticket, examId);
        if (exam is null || x is null)
        {
            return Outcome<PaperDto>.NotFound();
        }
        var now = clock.UtcNow;
        if (x.Status == ExamineeStatus.Assigned)
        {
            if (exam.IsClosed(now))
            {
                return Outcome<PaperDto>.Conflict("考试已结束");
            }
            if (now < x.StartAfter)
            {
                return Outcome<PaperDto>.Conflict($"未到开考时间，请于 {ChinaTime.Minutes(x.StartAfter)} 后进入");
            }
            x.Start(now, exam);
            await db.SaveChangesAsync();
        }
        await TimeOutAsync(db, exam, x);
        return Outcome<PaperDto>.Ok(new PaperDto(exam.Id, exam.Name, x.PersonName, x.Status, ExamineeStatus.Label(x.Status), x.DeadlineAt, Remaining(x),
            [.. x.Items.OrderBy(i => i.Position).Select(Item)]));
    }

    private static PaperItemDto Item(PaperItem i) => new(i.Id, i.Position, i.Type, QuestionTypes.Label(i.Type), i.Content.Stem,
        [.. i.Content.Options.Select(o => new PaperOptionDto(o.Key, o.Text))], i.Score, i.Type == QuestionTypes.Blank ? i.Content.Blanks.Count : 0,
        i.Answer is null ? null : JsonDocument.Parse(i.Answer).RootElement.Clone());

    /// <summary>
    /// Saves one answer as given. The path the phone page and the benchmark use: the item from the examinee's cached
    /// paper, its shape checked, and the write queued to <see cref="ExamAnswerWriter"/>, which commits it with the
    /// others of the same moment and only while the examinee is answering within time. A refused write is explained
    /// from the database: submitted, not started, or out of time (then submitted now).
    /// </summary>
    public async Task<Outcome<bool>> SaveAnswerAsync(ExamineeTicket ticket, Guid examId, Guid itemId, JsonElement answer)
    {
        if (ticket.ExamId != examId)
        {
            return Outcome<bool>.NotFound();
        }
        var item = await ItemAsync(ticket, itemId);
        if (item is null)
        {
            return Outcome<bool>.NotFound();
        }
        if (Check(item, answer) is { } problem)
        {
            return Outcome<bool>.Invalid("answer", $"第{item.Position}题：{problem}");
        }
        var now = clock.UtcNow;
        var text = answer.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : answer.GetRawText();
        try
        {
            if (await answers.WriteAsync(new AnswerWrite(ticket.ExamineeId, itemId, text, now)))
            {
                return Outcome<bool>.Ok(true);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // The item is gone (the paper was drawn again): explained below like any refused write.
            cache.PaperChanged(ticket.ExamineeId);
        }
        await using var db = await factory.CreateDbContextAsync();
        var (exam, x) = await LoadAsync(db, ticket, examId);
        if (exam is null || x is null)
        {
            return Outcome<bool>.NotFound();
        }
        if (x.Status == ExamineeStatus.Assigned)
        {
            return Outcome<bool>.Conflict("尚未开始作答，请先打开试卷");
        }
        if (x.Status == ExamineeStatus.Started)
        {
            await TimeOutAsync(db, exam, x);
            return Outcome<bool>.Conflict(x.Status == ExamineeStatus.Submitted ? "考试时间已到，已自动交卷" : "答案未能保存，请重试");
        }
        return Outcome<bool>.Conflict(SubmittedMessage);
    }

    /// <summary>One item of the examinee's paper, from the cache; an id the cached paper lacks is looked up once more.</summary>
    private async Task<PaperItem?> ItemAsync(ExamineeTicket ticket, Guid itemId)
    {
        async Task<IReadOnlyDictionary<Guid, PaperItem>> LoadPaperAsync()
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Set<PaperItem>().AsNoTracking()
                .Where(i => i.ExamineeId == ticket.ExamineeId && db.Set<Examinee>().Any(x => x.Id == ticket.ExamineeId && x.ExamId == ticket.ExamId))
                .ToDictionaryAsync(i => i.Id);
        }
        var items = await cache.PaperAsync(ticket.ExamineeId, LoadPaperAsync);
        if (!items.ContainsKey(itemId))
        {
            items = await cache.PaperAsync(ticket.ExamineeId, LoadPaperAsync, fresh: true);
        }
        return items.GetValueOrDefault(itemId);
    }

    private const string SubmittedMessage = "已交卷，不能再修改答案";

    /// <summary>Whether an answer has the shape its type takes; the content is graded later, never here.</summary>
    public static string? Check(PaperItem item, JsonElement answer)
    {
        if (answer.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }
        switch (item.Type)
        {
            case QuestionTypes.Single or QuestionTypes.Multiple:
                var text = answer.ValueKind == JsonValueKind.String ? answer.GetString() ?? ""
                    : answer.ValueKind == JsonValueKind.Array && answer.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                        ? string.Concat(answer.EnumerateArray().Select(e => e.GetString())) : null;
                if (text is null)
                {
                    return "选择题的答案应为选项字母，如 \"B\" 或 \"ABD\"";
                }
                var keys = Grading.Keys(text);
                if (keys.Any(k => item.Content.Options.All(o => o.Key != k.ToString())) || text.Any(c => char.IsLetter(c) && !char.IsAsciiLetter(c)))
                {
                    return $"答案“{text}”中有试卷上没有的选项";
                }
                return item.Type == QuestionTypes.Single && keys.Length > 1 ? "单项选择题只能选一个选项" : null;
            case QuestionTypes.TrueFalse:
                return Grading.TrueFalse(answer.GetRawText()) is null ? "判断题的答案应为 true/false（或“对”/“错”、“正确”/“错误”）" : null;
            case QuestionTypes.Blank:
                if (answer.ValueKind == JsonValueKind.String)
                {
                    return (answer.GetString() ?? "").Length > MaxTextAnswer ? "答案过长" : null;
                }
                if (answer.ValueKind != JsonValueKind.Array || answer.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                {
                    return "填空题的答案应为文字，或每空一项的文字列表";
                }
                return answer.GetArrayLength() > item.Content.Blanks.Count ? $"本题只有{item.Content.Blanks.Count}个空" : null;
            default:
                if (answer.ValueKind != JsonValueKind.String)
                {
                    return "简答/论述题的答案应为文字";
                }
                return (answer.GetString() ?? "").Length > MaxTextAnswer ? $"答案超过{MaxTextAnswer}字" : null;
        }
    }

    public async Task<Outcome<ManageExams.SubmittedScoreDto>> SubmitAsync(ExamineeTicket ticket, Guid examId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var (exam, x) = await LoadAsync(db, ticket, examId);
        if (exam is null || x is null)
        {
            return Outcome<ManageExams.SubmittedScoreDto>.NotFound();
        }
        if (x.Status != ExamineeStatus.Submitted)
        {
            x.Submit(clock.UtcNow, x.IsOverdue(clock.UtcNow) ? "timeout" : "examinee", exam.MultipleScoring);
            db.Record(new UserScope(null, $"考生:{x.PersonName}", x.UnitId, new HashSet<string>(), null), AuditActions.Update, $"考试 {exam.Name}", detail: "交卷");
            await db.SaveChangesAsync();
        }
        return Outcome<ManageExams.SubmittedScoreDto>.Ok(new(x.ObjectiveScore ?? 0, x.MaxObjectiveScore));
    }

    public async Task<Outcome<bool>> RecordEventAsync(ExamineeTicket ticket, Guid examId, string? kind)
    {
        if (kind is not ("leave" or "paste"))
        {
            return Outcome<bool>.Invalid("kind", "kind 只能是 leave（离开页面）或 paste（粘贴）");
        }
        await using var db = await factory.CreateDbContextAsync();
        if (ticket.ExamId != examId)
        {
            return Outcome<bool>.NotFound();
        }
        var examinees = db.Set<Examinee>().Where(x => x.Id == ticket.ExamineeId && x.ExamId == examId && x.Status == ExamineeStatus.Started);
        var changed = kind == "leave"
            ? await examinees.ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaveCount, x => x.LeaveCount + 1))
            : await examinees.ExecuteUpdateAsync(s => s.SetProperty(x => x.PasteCount, x => x.PasteCount + 1));
        return changed == 0 ? Outcome<bool>.Conflict("不在作答中") : Outcome<bool>.Ok(true);
    }

    private static async Task<(Exam?, Examinee?)> LoadAsync(AppDbContext db, ExamineeTicket ticket, Guid examId)
    {
        if (ticket.ExamId != examId)
        {
            return (null, null);
        }
        var exam = await db.Set<Exam>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId);
        var x = exam is null ? null : await db.Set<Examinee>().Include(e => e.Items).FirstOrDefaultAsync(e => e.Id == ticket.ExamineeId && e.ExamId == examId);
        return (exam, x);
    }

    private async Task TimeOutAsync(AppDbContext db, Exam exam, Examinee x)
    {
        if (x.IsOverdue(clock.UtcNow) || (x.Status == ExamineeStatus.Started && exam.IsClosed(clock.UtcNow)))
        {
            if (x.Items.Count == 0)
            {
                await db.Entry(x).Collection(e => e.Items).LoadAsync();
            }
            x.Submit(clock.UtcNow, "timeout", exam.MultipleScoring);
            await db.SaveChangesAsync();
        }
    }

    private long? Remaining(Examinee x) => x.Status == ExamineeStatus.Started && x.DeadlineAt is { } d
        ? Math.Max(0, (long)(d - clock.UtcNow).TotalSeconds) : null;
}

