namespace InspectReady.Web.Domain.Organisation;

/// 单位类别
public static class UnitKind
{
    public const string PartyDepartment = "区委部门";
    public const string DistrictDepartment = "区直单位";
    public const string Subdistrict = "街道";
    /// 垂直管理, e.g. 卫东公安分局, 卫东区税务局
    public const string Vertical = "垂直管理";
    /// 创建办 and other coordinating bodies
    public const string Coordinating = "协调机构";

    public static readonly IReadOnlyList<string> All = [PartyDepartment, DistrictDepartment, Subdistrict, Vertical, Coordinating];

    public static bool IsValid(string? kind) => kind is not null && All.Contains(kind);
}
