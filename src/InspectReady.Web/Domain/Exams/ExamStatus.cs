namespace InspectReady.Web.Domain.Exams;

/// 考试状态
public static class ExamStatus
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static string Label(string code) => code switch { Open => "进行中", Closed => "已结束", _ => code };
}

/// 考生状态
public static class ExamineeStatus
{
    public const string Assigned = "assigned";
    public const string Started = "started";
    public const string Submitted = "submitted";

    public static string Label(string code) => code switch { Assigned => "未开考", Started => "作答中", Submitted => "已交卷", _ => code };
}

/// 多选题计分方式
public static class MultipleScoring
{
    /// 全对得分: all keys and nothing else, or nothing
    public const string AllOrNothing = "all_or_nothing";
    /// 少选按比例得分: a share for each correct key chosen, nothing when any wrong key is chosen
    public const string Partial = "partial";

    public static bool IsValid(string? code) => code is AllOrNothing or Partial;
}
