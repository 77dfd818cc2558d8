namespace InspectReady.Web.Domain.Campaigns;

/// 任务状态
public static class FilingStatus
{
    public const string Draft = "草稿";
    /// Waiting for the unit's 分管领导 or 主要领导 to sign off.
    public const string AwaitingSignOff = "待单位审核";
    public const string Submitted = "已报送";
    public const string Returned = "退回";
    public const string Approved = "已通过";

    public static readonly IReadOnlyList<string> All = [Draft, AwaitingSignOff, Submitted, Returned, Approved];

    /// <summary>States in which the unit may still edit the filing.</summary>
    public static bool IsEditable(string status) => status is Draft or Returned;
}
