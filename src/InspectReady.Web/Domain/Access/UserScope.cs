namespace InspectReady.Web.Domain.Access;

/// <summary>Who is acting, from where, and which units' data they may see.</summary>
/// <param name="RegionId">所属区划: the account's region (its unit's, or set for an office or inspector without a unit);
/// the 创建办 and 督查 read the filings of this region and the regions below it (ADR 0017).</param>
public sealed record UserScope(Guid? UserId, string UserName, Guid? UnitId, IReadOnlySet<string> Roles, string? ClientAddress, Guid? RegionId = null)
{
    public static UserScope System(string what) => new(null, $"system:{what}", null, new HashSet<string>(), null);

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>Organisation data only (regions, units, people); filing data goes through <c>FilingReach</c> (ADR 0017).</summary>
    public bool SeesAllUnits => Roles.Any(r => Access.Roles.CrossUnit.Contains(r));

    public bool CanSeeUnit(Guid unitId) => SeesAllUnits || UnitId == unitId;

    /// 组织机构维护: regions, units, people
    public bool CanManageOrganisation => IsInAnyRole(Access.Roles.SystemAdmin, Access.Roles.Office);

    /// 账号管理: create, disable, reset accounts; grants no role (三员分立)
    public bool CanManageUsers => IsInRole(Access.Roles.SystemAdmin);

    /// 授权与安全策略: grants and removes roles, sets the security policy
    public bool CanGrantRoles => IsInRole(Access.Roles.SecurityAdmin);

    /// Reads the account list: the one who manages accounts and the one who grants roles.
    public bool CanListUsers => CanManageUsers || CanGrantRoles;

    public bool CanReadAudit => IsInRole(Access.Roles.AuditAdmin);
}
