using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Filing;

/// 任务状态: English codes in the database and the API, Chinese labels on the pages.
public static class FilingStatus
{
    /// 草稿
    public const string Draft = "draft";
    /// 待单位审核: waiting for the unit's 分管领导 or 主要领导 to sign off.
    public const string AwaitingSignOff = "pending_signoff";
    /// 已报送
    public const string Submitted = "submitted";
    /// 退回
    public const string Returned = "returned";
    /// 已通过
    public const string Approved = "approved";

    public static readonly IReadOnlyList<string> All = [Draft, AwaitingSignOff, Submitted, Returned, Approved];

    public static readonly CodeSet Codes = new((Draft, "草稿"), (AwaitingSignOff, "待单位审核"), (Submitted, "已报送"), (Returned, "退回"),
        (Approved, "已通过"));

    public static string Label(string? code) => Codes.Label(code);

    /// <summary>The code an input names (the code or, for older clients, the Chinese label); null when none.</summary>
    public static string? Parse(string? input) => Codes.Parse(input);

    /// <summary>States in which the unit may still edit the filing.</summary>
    public static bool IsEditable(string status) => status is Draft or Returned;
}
