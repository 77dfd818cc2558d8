using System.Text.Json;
using InspectReady.Web.Domain.Exams;

namespace InspectReady.Web.Features.Exams.ManageExams;

public sealed record BlueprintCellRequest(string? Type, string? Source, string? Difficulty, int Count, decimal Score);

/// <param name="OpensAt">When the first wave may start (default: now).</param>
/// <param name="ClosesAt">After this nobody starts or saves and access codes stop working (default: 7 days after opening).</param>
/// <param name="MultipleScoring"><c>all_or_nothing</c> (default) or <c>partial</c>.</param>
/// <param name="WaveSize">Staggered start: examinees per wave (0: all at once).</param>
/// <param name="WaveSeconds">Seconds between waves.</param>
public sealed record CreateExamRequest(string? Name, int DurationMinutes, IReadOnlyList<BlueprintCellRequest>? Blueprint, DateTime? OpensAt = null,
    DateTime? ClosesAt = null, string? MultipleScoring = null, int? MaxAttempts = null, decimal? PassScore = null, int? WaveSize = null,
    int? WaveSeconds = null, bool? DoubleGrading = null, decimal? GradingTolerance = null, IReadOnlyList<Guid>? Graders = null);

public sealed record CreatedDto(Guid Id);

/// <summary>A cell the bank lacks questions for (the 422 of <c>POST /api/v1/exams</c>).</summary>
public sealed record LackingCellDto(string Cell, int Lacking);

public sealed record BlueprintCellDto(string Type, string TypeLabel, string? Source, string? SourceLabel, string? Difficulty, int Count, decimal Score);

public sealed record ExamDto(Guid Id, string Name, int DurationMinutes, string Status, string StatusLabel, DateTime OpensAt, DateTime ClosesAt,
    string MultipleScoring, int MaxAttempts, decimal PassScore, decimal MaxScore, int WaveSize, int WaveSeconds, bool DoubleGrading,
    decimal GradingTolerance, IReadOnlyList<Guid> Graders, IReadOnlyList<BlueprintCellDto> Blueprint, int Examinees, int Submitted, bool Manages)
{
    public static ExamDto Of(Exam e, int examinees, int submitted, bool manages) => new(e.Id, e.Name, e.DurationMinutes, e.Status,
        ExamStatus.Label(e.Status), e.OpensAt, e.ClosesAt, e.MultipleScoring, e.MaxAttempts, e.PassScore, e.MaxScore, e.WaveSize, e.WaveSeconds,
        e.DoubleGrading, e.GradingTolerance, e.Graders,
        [.. e.Blueprint.Select(c => new BlueprintCellDto(c.Type, QuestionTypes.Label(c.Type), c.Source, c.Source is null ? null : LawSources.Label(c.Source),
            c.Difficulty, c.Count, c.Score))], examinees, submitted, manages);
}

/// <param name="Categories">Codes: new_leader, enforcement_officer, new_civil_servant.</param>
/// <param name="PerUnit">N per unit and category …</param>
/// <param name="Share">… or this share (0–1] of each unit's people of the category, rounded up.</param>
/// <param name="Seed">Recorded; the same seed and the same rosters give the same examinees and papers. Random when left out.</param>
/// <param name="UnitIds">Only these units (default: every unit of the office's region).</param>
public sealed record DrawRequest(IReadOnlyList<string>? Categories, int? PerUnit, decimal? Share, long? Seed, IReadOnlyList<Guid>? UnitIds = null);

/// <param name="Reason">Why the examinees are drawn again (required when the exam already has examinees).</param>
public sealed record AssignExamineesRequest(IReadOnlyList<Guid>? PersonIds, DrawRequest? Draw, string? Reason = null);

public sealed record AssignedExamineeDto(Guid PersonId, string AccessCode, Guid ExamineeId, string PersonName, Guid UnitId, string? Category);

public sealed record AssignedDto(IReadOnlyList<AssignedExamineeDto> Examinees, long Seed, Guid DrawId);

public sealed record ExamineeRowDto(Guid Id, Guid PersonId, string PersonName, Guid UnitId, string? UnitName, string? Category, string? CategoryLabel,
    string? AccessCode, string Status, string StatusLabel, DateTime StartAfter, DateTime? StartedAt, DateTime? DeadlineAt, DateTime? SubmittedAt,
    string? SubmittedHow, int LeaveCount, int PasteCount, int Answered, int Items, decimal? ObjectiveScore, decimal? SubjectiveScore, decimal? TotalScore);

public sealed record ExtendRequest(int Minutes);

public sealed record GradeRequest(decimal Score);

public sealed record GradingItemDto(Guid ItemId, Guid ExamineeId, int Position, string Type, string Stem, decimal Score, string? ReferenceAnswer,
    IReadOnlyList<KeyPoint> KeyPoints, JsonElement? Answer, IReadOnlyList<GraderMark> Marks, decimal? Awarded, bool NeedsThirdGrader);

public sealed record SubmittedScoreDto(decimal ObjectiveScore, decimal MaxObjectiveScore);
