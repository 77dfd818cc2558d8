using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Supervision;

/// <summary>问责记录: 约谈, 通报 or 追责 of a unit, with its date, reason and decision.</summary>
public sealed class AccountabilityRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid UnitId { get; set; }
    public required string Kind { get; set; }
    public DateOnly Date { get; set; }
    public required string Reason { get; set; }
    /// 处理决定
    public required string Decision { get; set; }
    /// The notice that led to it, if any.
    public Guid? NoticeId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// 问责方式
public static class AccountabilityKinds
{
    /// 约谈
    public const string Interview = "interview";
    /// 通报
    public const string Circular = "circular";
    /// 追责
    public const string Accountability = "accountability";

    public static readonly IReadOnlyList<string> All = [Interview, Circular, Accountability];

    public static readonly CodeSet Codes = new((Interview, "约谈"), (Circular, "通报"), (Accountability, "追责"));

    public static string Label(string? code) => Codes.Label(code);

    public static string? Parse(string? input) => Codes.Parse(input);

    public static bool IsValid(string? kind) => kind is not null && All.Contains(kind);
}
