namespace InspectReady.Web.Domain.Access;

/// 角色, named in Chinese as users and the API know them
public static class Roles
{
    public const string SystemAdmin = "系统管理员";
    public const string SecurityAdmin = "安全管理员";
    public const string AuditAdmin = "审计管理员";
    /// 创建办: the coordinating office
    public const string Office = "创建办";
    public const string UnitLeader = "单位领导";
    public const string UnitLiaison = "单位联络员";
    /// 评查员: case-file reviewer
    public const string Reviewer = "评查员";
    /// 考生: examinee
    public const string Examinee = "考生";
    /// 督查: read-only inspector
    public const string Inspector = "督查";

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, SecurityAdmin, AuditAdmin, Office, UnitLeader, UnitLiaison, Reviewer, Examinee, Inspector];

    /// <summary>三员: the system, security and audit administrators.</summary>
    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, SecurityAdmin, AuditAdmin];

    /// <summary>Roles that read every unit's data; every other role is confined to its own unit.</summary>
    public static readonly IReadOnlyList<string> CrossUnit = [SystemAdmin, Office, Inspector];

    /// <summary>Roles that need a unit: their data is the unit's data.</summary>
    public static readonly IReadOnlyList<string> UnitBound = [UnitLeader, UnitLiaison, Examinee];

    public static bool IsValid(string role) => All.Contains(role);

    /// <summary>
    /// 三员分立 (GB/T 22239 separation of duties): the system, security and audit administrators are three
    /// different people, and none of them also works the campaign's data.
    /// </summary>
    public static string? SeparationViolation(IReadOnlyCollection<string> roles)
    {
        var admins = roles.Where(r => r is SystemAdmin or SecurityAdmin or AuditAdmin).ToList();
        if (admins.Count > 1)
        {
            return $"{string.Join("、", admins)}须由不同人员担任（三员分立）";
        }
        if (admins.Count == 1 && roles.Count > 1)
        {
            return $"{admins[0]}不得兼任业务角色（三员分立）";
        }
        return null;
    }
}
