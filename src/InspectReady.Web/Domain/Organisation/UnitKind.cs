using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Organisation;

/// 单位类别: English codes stored and returned, Chinese labels shown (ADR 0036).
public static class UnitKind
{
    /// 区委部门
    public const string PartyDepartment = "party_department";
    /// 区直单位
    public const string DistrictDepartment = "district_department";
    /// 街道
    public const string Subdistrict = "street";
    /// 垂直管理, e.g. 卫东公安分局, 卫东区税务局
    public const string Vertical = "vertical";
    /// 协调机构: 创建办 and other coordinating bodies
    public const string Coordinating = "coordinating";

    public static readonly CodeSet Codes = new((PartyDepartment, "区委部门"), (DistrictDepartment, "区直单位"), (Subdistrict, "街道"),
        (Vertical, "垂直管理"), (Coordinating, "协调机构"));

    public static readonly IReadOnlyList<string> All = Codes.Codes;

    public static bool IsValid(string? kind) => kind is not null && All.Contains(kind);

    public static string Label(string? code) => Codes.Label(code);

    /// <summary>The code an input names (code or Chinese label); null when none.</summary>
    public static string? Parse(string? input) => Codes.Parse(input);
}
