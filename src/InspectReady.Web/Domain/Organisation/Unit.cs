namespace InspectReady.Web.Domain.Organisation;

/// 单位: a body that is responsible for indicators and files materials
public sealed class Unit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public Guid RegionId { get; set; }
    public Region? Region { get; set; }
    public bool IsSample { get; set; }
    public List<UnitAlias> Aliases { get; set; } = [];
    public List<UnitTag> Tags { get; set; } = [];

    public void SetAliases(IEnumerable<string> aliases) =>
        Aliases = [.. UnitNames.Distinct(aliases).Where(a => a != Name).Select(a => new UnitAlias { Alias = a })];

    public void SetTags(IEnumerable<string> tags) =>
        Tags = [.. UnitNames.Distinct(tags).Select(t => new UnitTag { Tag = t })];

    /// <summary>True when <paramref name="name"/> is this unit's name or one of its aliases.</summary>
    public bool Answers(string name)
    {
        var n = UnitNames.Normalise(name);
        return n == Name || Aliases.Any(a => a.Alias == n);
    }
}

/// 别名, so that 区市场监管局 resolves to 区市场监督管理局
public sealed class UnitAlias
{
    public Guid UnitId { get; set; }
    public required string Alias { get; set; }
}

/// 标签 defining a group such as 行政执法单位 or 有行政审批职能
public sealed class UnitTag
{
    public Guid UnitId { get; set; }
    public required string Tag { get; set; }
}
