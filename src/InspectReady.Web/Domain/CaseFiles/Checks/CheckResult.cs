namespace InspectReady.Web.Domain.CaseFiles.Checks;

public enum CheckStatus
{
    /// <summary>通过</summary>
    Passed,
    /// <summary>不通过</summary>
    Failed,
    /// <summary>期限未到: not done yet, and the deadline has not passed.</summary>
    Pending,
    /// <summary>信息不全: a date the rule needs is missing.</summary>
    Incomplete,
    /// <summary>无法计算: the calendar has no data for a year the rule reaches.</summary>
    Unknown,
}

public sealed record CheckDate(string Label, DateOnly? Date);

/// <summary>
/// One automatic check of a case: the rule, the dates it read, what was computed (working days, calendar days,
/// the deadline) and the finding in Chinese.
/// </summary>
public sealed record CheckResult(
    string Code,
    string Title,
    string Rule,
    CheckStatus Status,
    IReadOnlyList<CheckDate> Dates,
    int? WorkingDays,
    int? CalendarDays,
    DateOnly? Deadline,
    string Finding)
{
    public string StatusLabel => Label(Status);

    public static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "通过",
        CheckStatus.Failed => "不通过",
        CheckStatus.Pending => "期限未到",
        CheckStatus.Incomplete => "信息不全",
        _ => "无法计算",
    };
}
