using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Exams;

/// 培训形式
public static class TrainingKinds
{
    public const string Course = "course";
    public const string Lecture = "lecture";
    public const string CourtHearing = "court_hearing";
    public const string Online = "online";

    public static readonly CodeSet Codes = new((Course, "集中培训"), (Lecture, "专题讲座"), (CourtHearing, "庭审旁听"), (Online, "网络学习"));

    public static readonly IReadOnlyList<string> All = Codes.Codes;

    public static bool IsValid(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => Codes.Label(code);

    public static string? Parse(string? text) => Codes.Parse(text);
}

/// 培训活动: a training event of the district's ledger.
public sealed class TrainingEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RegionId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Hours { get; set; }
    public required string Topic { get; set; }
    public required string Kind { get; set; }
    public List<TrainingAttendance> Attendance { get; set; } = [];
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// 参训记录: one person at one event, with the hours they earned (usually the event's).
public sealed class TrainingAttendance
{
    public Guid EventId { get; set; }
    public Guid PersonId { get; set; }
    public Guid UnitId { get; set; }
    public decimal Hours { get; set; }
}

/// <summary>
/// 学法培训 rules: the 40-hour rule for 行政执法人员 (indicator 65; the threshold can be set per category and year)
/// and indicator 94's checks for leaders (law lectures at least twice a year, at least one court hearing attended).
/// </summary>
public static class TrainingRules
{
    public const decimal DefaultEnforcementHours = 40;
    public const int LeaderLecturesPerYear = 2;
    public const int LeaderCourtHearingsPerYear = 1;

    public sealed record Record(DateOnly Date, string Kind, decimal Hours);

    public sealed record Compliance(decimal Hours, decimal Required, bool Meets, int Lectures, int CourtHearings, bool LeaderChecksMet);

    /// <summary>A person's year: hours (all kinds), against the threshold for their category, and the leader checks.</summary>
    public static Compliance Assess(IEnumerable<Record> records, int year, decimal requiredHours)
    {
        var inYear = records.Where(r => r.Date.Year == year).ToList();
        var hours = inYear.Sum(r => r.Hours);
        var lectures = inYear.Count(r => r.Kind == TrainingKinds.Lecture);
        var hearings = inYear.Count(r => r.Kind == TrainingKinds.CourtHearing);
        return new(hours, requiredHours, hours >= requiredHours, lectures, hearings,
            lectures >= LeaderLecturesPerYear && hearings >= LeaderCourtHearingsPerYear);
    }

    /// <summary>The threshold for a person: enforcement officers 40 hours unless the year's rule says otherwise; others none.</summary>
    public static decimal RequiredHours(IReadOnlyCollection<string> categories, IReadOnlyDictionary<string, decimal>? overrides = null)
    {
        if (!categories.Contains(ExamineeCategories.EnforcementOfficer))
        {
            return overrides is not null && categories.Select(c => overrides.GetValueOrDefault(c)).DefaultIfEmpty(0).Max() is var m and > 0 ? m : 0;
        }
        return overrides?.GetValueOrDefault(ExamineeCategories.EnforcementOfficer) is { } h and > 0 ? h : DefaultEnforcementHours;
    }
}
