namespace InspectReady.Web.Domain.Exams;

/// 考生: a person sitting an exam with an own frozen paper, reached with a personal access code.
public sealed class Examinee
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ExamId { get; set; }
    public Guid PersonId { get; set; }
    public Guid UnitId { get; set; }
    public required string PersonName { get; set; }
    /// <summary>The category the person was drawn in (or the first of theirs when assigned by hand).</summary>
    public string? Category { get; set; }
    public required string AccessCode { get; set; }
    public string Status { get; private set; } = ExamineeStatus.Assigned;
    /// <summary>Staggered start: not before this.</summary>
    public DateTime StartAfter { get; set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? DeadlineAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    /// <summary>Why it was submitted: examinee, timeout, proctor.</summary>
    public string? SubmittedHow { get; private set; }
    public int Attempt { get; set; } = 1;
    public int LeaveCount { get; set; }
    public int PasteCount { get; set; }
    public decimal? ObjectiveScore { get; set; }
    public decimal? SubjectiveScore { get; set; }
    public long PaperSeed { get; set; }
    public List<PaperItem> Items { get; set; } = [];

    public decimal? TotalScore => ObjectiveScore is { } o ? o + (SubjectiveScore ?? 0) : null;

    /// <summary>Starts the clock once: the deadline is the duration from now, but never after the exam closes.</summary>
    public void Start(DateTime utcNow, Exam exam)
    {
        if (Status != ExamineeStatus.Assigned)
        {
            return;
        }
        // Microseconds: PostgreSQL keeps no more, so a resumed paper shows the same deadline on both providers.
        utcNow = new DateTime(utcNow.Ticks - utcNow.Ticks % 10, DateTimeKind.Utc);
        Status = ExamineeStatus.Started;
        StartedAt = utcNow;
        var deadline = utcNow.AddMinutes(exam.DurationMinutes);
        DeadlineAt = deadline < exam.ClosesAt ? deadline : exam.ClosesAt;
    }

    public bool IsOverdue(DateTime utcNow) => Status == ExamineeStatus.Started && DeadlineAt is { } d && utcNow >= d;

    /// <summary>The proctor gives more time (or, with a negative number, takes some).</summary>
    public void Extend(int minutes)
    {
        if (DeadlineAt is { } d)
        {
            DeadlineAt = d.AddMinutes(minutes);
        }
    }

    /// <summary>Grades the objective items and closes the paper; a second submission changes nothing.</summary>
    public void Submit(DateTime utcNow, string how, string multipleScoring)
    {
        if (Status == ExamineeStatus.Submitted)
        {
            return;
        }
        if (Status == ExamineeStatus.Assigned)
        {
            StartedAt = utcNow;
            DeadlineAt = utcNow;
        }
        foreach (var item in Items)
        {
            item.Awarded = Grading.Grade(item.Content, item.Score, item.Answer, multipleScoring);
        }
        ObjectiveScore = Items.Where(i => QuestionTypes.IsObjective(i.Type)).Sum(i => i.Awarded ?? 0);
        Status = ExamineeStatus.Submitted;
        SubmittedAt = utcNow;
        SubmittedHow = how;
    }

    public decimal MaxObjectiveScore => Items.Where(i => QuestionTypes.IsObjective(i.Type)).Sum(i => i.Score);
}

/// <summary>One grader's mark for a 简答/论述 item.</summary>
public sealed record GraderMark(Guid GraderId, string GraderName, decimal Score, DateTime At);

/// 试卷题目: an item of an examinee's paper, frozen at the draw (content with options in the examinee's order).
public sealed class PaperItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ExamineeId { get; set; }
    public int Position { get; set; }
    public Guid QuestionId { get; set; }
    public string Type { get; set; } = QuestionTypes.Single;
    public string Source { get; set; } = "";
    public decimal Score { get; set; }
    /// <summary>The blueprint cell this item fills (its index), so items of parallel papers can be compared.</summary>
    public int Cell { get; set; }
    public required QuestionContent Content { get; set; }
    /// <summary>The answer as given, as JSON text (a string, a list of strings, or true/false).</summary>
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public decimal? Awarded { get; set; }
    public List<GraderMark> Marks { get; set; } = [];
}
