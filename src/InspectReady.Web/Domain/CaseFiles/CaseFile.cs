using InspectReady.Web.Domain.Organisation;

namespace InspectReady.Web.Domain.CaseFiles;

/// <summary>
/// 案卷: one case in a unit's register, with the dates the automatic checks read. Dates are calendar dates
/// (no time of day); a missing date is null, and the checks say what is missing rather than refusing the file.
/// </summary>
public sealed class CaseFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string Kind { get; set; }
    /// 案号
    public required string CaseNumber { get; set; }
    /// 案由 (for a legality review: the document, decision or contract reviewed)
    public required string Cause { get; set; }
    /// 当事人
    public string? Party { get; set; }
    /// 立案（受理）日期
    public DateOnly? FiledOn { get; set; }
    /// 调查终结日期
    public DateOnly? InvestigationEndedOn { get; set; }
    /// 法制审核开始日期
    public DateOnly? LegalReviewStartedOn { get; set; }
    /// 法制审核结束日期
    public DateOnly? LegalReviewEndedOn { get; set; }
    /// 决定日期
    public DateOnly? DecidedOn { get; set; }
    /// 送达日期
    public DateOnly? ServedOn { get; set; }
    /// 公示日期
    public DateOnly? PublishedOn { get; set; }
    /// 征求意见开始日期
    public DateOnly? CommentStartedOn { get; set; }
    /// 征求意见结束日期
    public DateOnly? CommentEndedOn { get; set; }
    /// 征求意见期限: <see cref="CommentRules"/>
    public string? CommentRule { get; set; }
    /// 适用的裁量基准
    public string? DiscretionStandard { get; set; }
    /// 音像记录 (全过程记录)
    public bool HasAudioVisualRecord { get; set; }
    /// 重大执法决定
    public bool IsMajor { get; set; }
    /// 归档日期
    public DateOnly? ArchivedOn { get; set; }
    public List<CaseOfficer> Officers { get; set; } = [];
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>执法人员 and the number of their enforcement certificate (执法证号).</summary>
public sealed class CaseOfficer
{
    public int Position { get; set; }
    public required string Name { get; set; }
    public string? CertificateNumber { get; set; }
}

/// 征求意见期限
public static class CommentRules
{
    /// <summary>不少于30日 (calendar days): the general rule.</summary>
    public const string ThirtyDays = "30日";
    /// <summary>不少于7个工作日: normative documents that affect rights and obligations (indicator 24).</summary>
    public const string SevenWorkingDays = "7个工作日";

    public static readonly IReadOnlyList<string> All = [ThirtyDays, SevenWorkingDays];
}
