namespace InspectReady.Web.Domain.Organisation;

/// 行政区划层级
public static class RegionLevel
{
    public const string Province = "省";
    public const string City = "市";
    public const string District = "区";
    public const string County = "县";
    public const string Subdistrict = "街道";
    public const string Township = "乡镇";

    public static readonly IReadOnlyList<string> All = [Province, City, District, County, Subdistrict, Township];

    public static bool IsValid(string? level) => level is not null && All.Contains(level);

    /// <summary>Rank from the top of the tree; a child must sit strictly below its parent.</summary>
    public static int Rank(string level) => level switch
    {
        Province => 0,
        City => 1,
        District or County => 2,
        _ => 3,
    };
}
