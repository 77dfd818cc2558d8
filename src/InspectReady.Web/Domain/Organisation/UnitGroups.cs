namespace InspectReady.Web.Domain.Organisation;

/// <summary>
/// Entries of the task list's 责任单位 column that name a group of units, not a unit. Each resolves to the
/// units carrying a tag (or, for 区直有关单位 and 区政府各部门, to every district department).
/// </summary>
public static class UnitGroups
{
    public const string EnforcementTag = "行政执法单位";
    public const string LicensingTag = "有行政审批职能";
    public const string FeesTag = "有下属单位收费事项";
    public const string DecisionTag = "重大决策承办单位";
    public const string DraftingTag = "规范性文件起草单位";
    public const string AllDepartments = "*区直单位";

    public static readonly IReadOnlyDictionary<string, string> TagOfGroup = new Dictionary<string, string>
    {
        ["区直有行政审批职能的单位"] = LicensingTag,
        ["区直各有关行政执法部门"] = EnforcementTag,
        ["区直各行政执法单位"] = EnforcementTag,
        ["有下属事业单位、行业协会涉及收费事项的区直部门"] = FeesTag,
        ["决策承办单位按职责分工负责"] = DecisionTag,
        ["行政规范性文件起草单位"] = DraftingTag,
        ["区直有关单位"] = AllDepartments,
        ["区政府各部门"] = AllDepartments,
    };

    public static bool IsGroup(string name) => TagOfGroup.ContainsKey(UnitNames.Normalise(name));

    /// <summary>The kind a unit's name suggests: 区委… is a party department, 卫东公安分局 and 卫东区税务局 are vertical.</summary>
    public static string GuessKind(string name) =>
        name.EndsWith("街道", StringComparison.Ordinal) ? UnitKind.Subdistrict
        : name.Contains("公安分局", StringComparison.Ordinal) || name.Contains("税务局", StringComparison.Ordinal) ? UnitKind.Vertical
        : name.StartsWith("区委", StringComparison.Ordinal) || name.StartsWith("区纪委", StringComparison.Ordinal) ? UnitKind.PartyDepartment
        : UnitKind.DistrictDepartment;
}
