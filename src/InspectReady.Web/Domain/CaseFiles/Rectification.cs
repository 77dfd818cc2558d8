using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.CaseFiles;

/// <summary>
/// 整改事项: a fault found in a unit's file (a deduction by a reviewer, a failed automatic check, or one noted
/// by 创建办), with a deadline. The unit reports what it did; 创建办 confirms (销号) or sends it back.
/// </summary>
public sealed class Rectification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Guid? CaseFileId { get; set; }
    /// <summary>评查扣分, 自动检查 or 其他.</summary>
    public required string Source { get; set; }
    /// <summary>Identifies what the item came from (review item, check), so generating twice adds nothing twice.</summary>
    public string? SourceKey { get; set; }
    public required string Problem { get; set; }
    public DateOnly Deadline { get; set; }
    public string Status { get; set; } = RectificationStatus.Open;
    public DateTime IssuedAt { get; set; } = DateTime.UtcNow;
    public required string IssuedBy { get; set; }
    public string? Response { get; set; }
    public DateTime? RespondedAt { get; set; }
    public string? RespondedBy { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }

    public bool IsOverdue(DateOnly today) => Status == RectificationStatus.Open && today > Deadline;
}

public static class RectificationStatus
{
    /// 待整改
    public const string Open = "open";
    /// 已整改
    public const string Done = "done";
    /// 已销号
    public const string Confirmed = "confirmed";

    public static readonly IReadOnlyList<string> All = [Open, Done, Confirmed];

    public static readonly CodeSet Codes = new((Open, "待整改"), (Done, "已整改"), (Confirmed, "已销号"));

    public static string Label(string? code) => Codes.Label(code);

    public static string? Parse(string? input) => Codes.Parse(input);
}

public static class RectificationSource
{
    /// 评查扣分
    public const string Review = "review";
    /// 自动检查
    public const string Check = "check";
    /// 其他
    public const string Other = "other";

    public static readonly CodeSet Codes = new((Review, "评查扣分"), (Check, "自动检查"), (Other, "其他"));

    public static string Label(string? code) => Codes.Label(code);
}
