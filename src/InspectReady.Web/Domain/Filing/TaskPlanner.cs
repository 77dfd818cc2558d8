using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Domain.Organisation;

namespace InspectReady.Web.Domain.Filing;

public sealed record PlannedIndicator(int No, IReadOnlyList<string> Units, IReadOnlyList<int>? MaterialsGroup);

public sealed record PlannedUnit(Guid Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Tags, string Kind);

public sealed record PlannedTask(string GroupKey, IReadOnlyList<int> IndicatorNos, Guid UnitId, bool IsLead);

/// <summary>A 责任单位 entry that names no unit: listed for the office to map, never dropped.</summary>
public sealed record UnmatchedEntry(string Entry, IReadOnlyList<int> IndicatorNos);

/// <summary>
/// Turns a framework into tasks: one per materials group and responsible unit. The group's lead entry (the first
/// unit of its first indicator) gives the lead unit when it names one; every other named unit assists. Group entries
/// expand to the units carrying their tag, and a group entry listed first makes no unit lead (ADR 0017).
/// </summary>
public static class TaskPlanner
{
    public static (IReadOnlyList<PlannedTask> Tasks, IReadOnlyList<UnmatchedEntry> Unmatched) Plan(
        IReadOnlyList<PlannedIndicator> indicators, IReadOnlyList<PlannedUnit> units, IReadOnlyDictionary<string, IReadOnlyList<Guid>> mappings)
    {
        var byNo = indicators.ToDictionary(i => i.No);
        var tasks = new List<PlannedTask>();
        var unmatched = new Dictionary<string, SortedSet<int>>();
        var done = new HashSet<int>();
        foreach (var indicator in indicators.OrderBy(i => i.No))
        {
            if (done.Contains(indicator.No))
            {
                continue;
            }
            var group = (indicator.MaterialsGroup is { Count: > 1 } g ? g : [indicator.No]).Where(byNo.ContainsKey).Order().ToList();
            done.UnionWith(group);
            var first = byNo[group[0]];
            var entries = group.SelectMany(n => byNo[n].Units).Select(UnitNames.Normalise).Distinct().ToList();
            var leadEntry = first.Units.Count > 0 ? UnitNames.Normalise(first.Units[0]) : null;
            // A group entry (区直各有关行政执法部门) leads nobody: each of its units files its own part, the office compiles.
            if (leadEntry is not null && IsGroupEntry(leadEntry, units, mappings))
            {
                leadEntry = null;
            }
            var assigned = new Dictionary<Guid, bool>();
            foreach (var entry in entries)
            {
                var resolved = Resolve(entry, units, mappings);
                if (resolved.Count == 0)
                {
                    if (!unmatched.TryGetValue(entry, out var numbers))
                    {
                        unmatched[entry] = numbers = [];
                    }
                    numbers.UnionWith(group);
                    continue;
                }
                foreach (var unit in resolved)
                {
                    assigned[unit] = assigned.GetValueOrDefault(unit) || entry == leadEntry;
                }
            }
            tasks.AddRange(assigned.Select(a => new PlannedTask(group[0].ToString(System.Globalization.CultureInfo.InvariantCulture), group, a.Key, a.Value)));
        }
        return (tasks, [.. unmatched.Select(u => new UnmatchedEntry(u.Key, [.. u.Value]))]);
    }

    /// <summary>True when the entry stands for several units (a tag group, or an office mapping to more than one unit).</summary>
    public static bool IsGroupEntry(string entry, IReadOnlyList<PlannedUnit> units, IReadOnlyDictionary<string, IReadOnlyList<Guid>> mappings)
    {
        if (mappings.TryGetValue(entry, out var mapped))
        {
            return mapped.Count > 1;
        }
        return !units.Any(u => u.Name == entry || u.Aliases.Contains(entry)) && UnitGroups.TagOfGroup.ContainsKey(entry);
    }

    public static IReadOnlyList<Guid> Resolve(string entry, IReadOnlyList<PlannedUnit> units, IReadOnlyDictionary<string, IReadOnlyList<Guid>> mappings)
    {
        if (mappings.TryGetValue(entry, out var mapped))
        {
            return mapped;
        }
        var named = units.Where(u => u.Name == entry || u.Aliases.Contains(entry)).Select(u => u.Id).ToList();
        if (named.Count > 0)
        {
            return named;
        }
        if (UnitGroups.TagOfGroup.TryGetValue(entry, out var tag))
        {
            return [.. units.Where(u => tag == UnitGroups.AllDepartments ? u.Kind == UnitKind.DistrictDepartment : u.Tags.Contains(tag)).Select(u => u.Id)];
        }
        return [];
    }
}
