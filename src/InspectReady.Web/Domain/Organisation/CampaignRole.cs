namespace InspectReady.Web.Domain.Organisation;

/// 迎检职责: a person's role in the campaign
public static class CampaignRole
{
    /// 主要领导 = 第一责任人
    public const string PrincipalLeader = "主要领导";
    /// 分管领导 = 直接责任人
    public const string ResponsibleLeader = "分管领导";
    public const string Liaison = "联络员";
    public const string SectionHead = "科室负责人";
    public const string WindowStaff = "窗口人员";
    public const string EnforcementOfficer = "执法人员";

    public static readonly IReadOnlyList<string> All =
        [PrincipalLeader, ResponsibleLeader, Liaison, SectionHead, WindowStaff, EnforcementOfficer];

    public static bool IsValid(string? role) => role is not null && All.Contains(role);

    public static string? Accountability(string role) => role switch
    {
        PrincipalLeader => "第一责任人",
        ResponsibleLeader => "直接责任人",
        _ => null,
    };
}
