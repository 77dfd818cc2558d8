using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Organisation;

/// 迎检职责: a person's role in the campaign; English codes stored and returned, Chinese labels shown (ADR 0036).
public static class CampaignRole
{
    /// 主要领导 = 第一责任人
    public const string PrincipalLeader = "principal_leader";
    /// 分管领导 = 直接责任人
    public const string ResponsibleLeader = "responsible_leader";
    /// 联络员
    public const string Liaison = "liaison";
    /// 科室负责人
    public const string SectionHead = "section_head";
    /// 窗口人员
    public const string WindowStaff = "window_staff";
    /// 执法人员
    public const string EnforcementOfficer = "enforcement_officer";

    public static readonly CodeSet Codes = new((PrincipalLeader, "主要领导"), (ResponsibleLeader, "分管领导"), (Liaison, "联络员"),
        (SectionHead, "科室负责人"), (WindowStaff, "窗口人员"), (EnforcementOfficer, "执法人员"));

    public static readonly IReadOnlyList<string> All = Codes.Codes;

    public static bool IsValid(string? role) => role is not null && All.Contains(role);

    public static string Label(string? code) => Codes.Label(code);

    /// <summary>The code an input names (code or Chinese label); null when none.</summary>
    public static string? Parse(string? input) => Codes.Parse(input);

    public static string? Accountability(string role) => role switch
    {
        PrincipalLeader => "第一责任人",
        ResponsibleLeader => "直接责任人",
        _ => null,
    };
}
