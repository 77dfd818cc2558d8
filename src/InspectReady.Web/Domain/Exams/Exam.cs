namespace InspectReady.Web.Domain.Exams;

/// <summary>One cell of a blueprint: how many items of a type (and optionally source and difficulty band), at what score each.</summary>
public sealed record BlueprintCell(string Type, string? Source, string? Difficulty, int Count, decimal Score)
{
    /// <summary>The cell as the 422 names it: 单项选择题 × 行政处罚法 × 困难.</summary>
    public string Name => string.Join(" × ", new[]
    {
        QuestionTypes.Label(Type), Source is null ? null : LawSources.Label(Source), Difficulty is null ? null : Exams.Difficulty.BandLabel(Difficulty),
    }.Where(x => x is not null));

    public bool Admits(Question q) => q.Type == Type && (Source is null || q.Source == Source) && (Difficulty is null || q.DifficultyBand == Difficulty);
}

/// 考试: a paper blueprint, a duration and a window, for a region.
public sealed class Exam
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RegionId { get; set; }
    public required string Name { get; set; }
    public int DurationMinutes { get; set; }
    public List<BlueprintCell> Blueprint { get; set; } = [];
    public string Status { get; set; } = ExamStatus.Open;
    public DateTime OpensAt { get; set; }
    /// <summary>After this nobody starts or saves, and access codes stop working.</summary>
    public DateTime ClosesAt { get; set; }
    public string MultipleScoring { get; set; } = Exams.MultipleScoring.AllOrNothing;
    public int MaxAttempts { get; set; } = 1;
    public decimal PassScore { get; set; }
    /// <summary>Staggered start: examinees start in waves of this size …</summary>
    public int WaveSize { get; set; }
    /// <summary>… this many seconds apart (0: everyone at once).</summary>
    public int WaveSeconds { get; set; }
    /// <summary>简答/论述: graded twice when set; a difference above <see cref="GradingTolerance"/> goes to a third grader.</summary>
    public bool DoubleGrading { get; set; }
    public decimal GradingTolerance { get; set; }
    public List<Guid> Graders { get; set; } = [];
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }

    public decimal MaxScore => Blueprint.Sum(c => c.Count * c.Score);

    public bool IsClosed(DateTime utcNow) => Status == ExamStatus.Closed || utcNow >= ClosesAt;
}

/// 抽取记录: who drew which examinees with which seed, reproducible from it.
public sealed class ExamDraw
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ExamId { get; set; }
    public long Seed { get; set; }
    public List<string> Categories { get; set; } = [];
    public int? PerUnit { get; set; }
    public decimal? Share { get; set; }
    public List<Guid> PersonIds { get; set; } = [];
    /// <summary>Why an exam was drawn again; required from the second draw on.</summary>
    public string? Reason { get; set; }
    public required string DrawnBy { get; set; }
    public DateTime DrawnAt { get; set; }
}
