using InspectReady.Web.Domain.Organisation;

namespace InspectReady.Web.Domain.Frameworks;

/// <summary>Whether a unit is named by an indicator's 责任单位 entries: by name, alias, or a group it belongs to.</summary>
public static class ResponsibleUnits
{
    public static bool Names(IEnumerable<string> entries, string unitName, IEnumerable<string> aliases, IEnumerable<string> tags, string kind)
    {
        var names = new HashSet<string>(aliases.Append(unitName).Select(UnitNames.Normalise));
        var tagSet = tags.ToHashSet();
        foreach (var entry in entries.Select(UnitNames.Normalise))
        {
            if (names.Contains(entry))
            {
                return true;
            }
            if (UnitGroups.TagOfGroup.TryGetValue(entry, out var tag)
                && (tag == UnitGroups.AllDepartments ? kind == UnitKind.DistrictDepartment : tagSet.Contains(tag)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the unit is the first entry, by name or alias: the lead unit (牵头).</summary>
    public static bool Leads(IReadOnlyList<string> entries, string unitName, IEnumerable<string> aliases) =>
        entries.Count > 0 && aliases.Append(unitName).Select(UnitNames.Normalise).Contains(UnitNames.Normalise(entries[0]));
}
