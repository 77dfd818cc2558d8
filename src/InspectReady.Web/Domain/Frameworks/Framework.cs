namespace InspectReady.Web.Domain.Frameworks;

/// <summary>
/// 指标体系: a tree of nodes of any depth whose leaves are the numbered indicators. Once a campaign uses it,
/// it is locked: a new edition is a new framework.
/// </summary>
public sealed class Framework
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Version { get; set; }
    public bool IsBuiltIn { get; set; }
    /// Materials asked "…年以来" end here unless a campaign says otherwise (2021-06-30 for the 2021 edition).
    public DateOnly? DefaultCutoff { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? LockedAt { get; set; }
    public List<FrameworkNode> Nodes { get; set; } = [];

    public bool IsLocked => LockedAt is not null;

    public IEnumerable<FrameworkNode> Indicators => Nodes.Where(n => n.No is not null).OrderBy(n => n.No);

    /// <summary>Called when a campaign starts using the framework.</summary>
    public void Lock(DateTime now) => LockedAt ??= now;

    public void EnsureMutable()
    {
        if (IsLocked)
        {
            throw new FrameworkLockedException(Code);
        }
    }

    /// <summary>The chain of ancestors' names of a node, top first (一级, 二级, …).</summary>
    public IReadOnlyList<FrameworkNode> AncestorsOf(FrameworkNode node)
    {
        var chain = new List<FrameworkNode>();
        var current = node.ParentId is { } p ? Nodes.FirstOrDefault(n => n.Id == p) : null;
        while (current is not null)
        {
            chain.Insert(0, current);
            current = current.ParentId is { } pp ? Nodes.FirstOrDefault(n => n.Id == pp) : null;
        }
        return chain;
    }
}

public sealed class FrameworkLockedException(string code)
    : InvalidOperationException($"指标体系“{code}”已被创建活动使用，不能修改；请导入新版本")
{
    public string Code { get; } = code;
}
