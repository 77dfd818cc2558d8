using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Organisation;

/// 行政区划层级: English codes stored and returned, Chinese labels shown (ADR 0036).
public static class RegionLevel
{
    /// 省
    public const string Province = "province";
    /// 市
    public const string City = "city";
    /// 区
    public const string District = "district";
    /// 县
    public const string County = "county";
    /// 街道
    public const string Subdistrict = "street";
    /// 乡镇
    public const string Township = "township";

    public static readonly CodeSet Codes = new((Province, "省"), (City, "市"), (District, "区"), (County, "县"), (Subdistrict, "街道"),
        (Township, "乡镇"));

    public static readonly IReadOnlyList<string> All = Codes.Codes;

    public static bool IsValid(string? level) => level is not null && All.Contains(level);

    public static string Label(string? code) => Codes.Label(code);

    /// <summary>The code an input names (code or Chinese label); null when none.</summary>
    public static string? Parse(string? input) => Codes.Parse(input);

    /// <summary>Rank from the top of the tree; a child must sit strictly below its parent.</summary>
    public static int Rank(string level) => level switch
    {
        Province => 0,
        City => 1,
        District or County => 2,
        _ => 3,
    };
}
