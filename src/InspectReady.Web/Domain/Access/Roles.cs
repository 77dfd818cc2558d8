using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Access;

/// 角色: English codes in the database, the claims and the API; Chinese labels on the pages (ADR 0036).
public static class Roles
{
    /// 系统管理员
    public const string SystemAdmin = "system_admin";
    /// 安全管理员
    public const string SecurityAdmin = "security_admin";
    /// 审计管理员
    public const string AuditAdmin = "audit_admin";
    /// 创建办: the coordinating office
    public const string Office = "office";
    /// 单位领导
    public const string UnitLeader = "unit_leader";
    /// 单位联络员
    public const string UnitLiaison = "unit_liaison";
    /// 评查员: case-file reviewer
    public const string Reviewer = "reviewer";
    /// 考生: examinee
    public const string Examinee = "examinee";
    /// 督查: read-only inspector
    public const string Inspector = "inspector";

    public static readonly CodeSet Codes = new((SystemAdmin, "系统管理员"), (SecurityAdmin, "安全管理员"), (AuditAdmin, "审计管理员"),
        (Office, "创建办"), (UnitLeader, "单位领导"), (UnitLiaison, "单位联络员"), (Reviewer, "评查员"), (Examinee, "考生"),
        (Inspector, "督查"));

    public static readonly IReadOnlyList<string> All = Codes.Codes;

    /// <summary>三员: the system, security and audit administrators.</summary>
    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, SecurityAdmin, AuditAdmin];

    /// <summary>Roles that read every unit's data; every other role is confined to its own unit.</summary>
    public static readonly IReadOnlyList<string> CrossUnit = [SystemAdmin, Office, Inspector];

    /// <summary>Roles that need a unit: their data is the unit's data.</summary>
    public static readonly IReadOnlyList<string> UnitBound = [UnitLeader, UnitLiaison, Examinee];

    public static bool IsValid(string role) => All.Contains(role);

    /// <summary>The Chinese label of a role code (an unknown value as it is).</summary>
    public static string Label(string? code) => Codes.Label(code);

    /// <summary>Labels of role codes, in the order given.</summary>
    public static IReadOnlyList<string> Labels(IEnumerable<string> codes) => [.. codes.Select(Codes.Label)];

    /// <summary>"创建办、单位联络员" for pages and messages.</summary>
    public static string Describe(IEnumerable<string> codes) => string.Join("、", codes.Select(Codes.Label));

    /// <summary>The role code an input names: the code (any case) or the Chinese label; null when none.</summary>
    public static string? Parse(string? input) => Codes.Parse(input);

    /// <summary>
    /// 三员分立 (GB/T 22239 separation of duties): the system, security and audit administrators are three
    /// different people, and none of them also works the campaign's data.
    /// </summary>
    public static string? SeparationViolation(IReadOnlyCollection<string> roles)
    {
        var admins = roles.Where(r => r is SystemAdmin or SecurityAdmin or AuditAdmin).ToList();
        if (admins.Count > 1)
        {
            return $"{Describe(admins)}须由不同人员担任（三员分立）";
        }
        if (admins.Count == 1 && roles.Count > 1)
        {
            return $"{Label(admins[0])}不得兼任业务角色（三员分立）";
        }
        return null;
    }
}
