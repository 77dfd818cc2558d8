namespace InspectReady.Web.Domain.Frameworks;

/// <summary>A framework read from a file, before it is stored: headings nest, leaves are indicators.</summary>
public sealed record FrameworkDraft(string Code, string Name, string Version, DateOnly? DefaultCutoff, IReadOnlyList<DraftNode> Nodes)
{
    public IEnumerable<DraftNode> Indicators() => Flatten(Nodes).Where(n => n.No is not null);

    private static IEnumerable<DraftNode> Flatten(IEnumerable<DraftNode> nodes) =>
        nodes.SelectMany(n => new[] { n }.Concat(Flatten(n.Children)));

    public Framework ToFramework(bool builtIn = false)
    {
        var framework = new Framework { Code = Code, Name = Name, Version = Version, IsBuiltIn = builtIn, DefaultCutoff = DefaultCutoff };
        void Add(IReadOnlyList<DraftNode> nodes, Guid? parent, int level)
        {
            var order = 0;
            foreach (var d in nodes)
            {
                var node = new FrameworkNode
                {
                    FrameworkId = framework.Id, ParentId = parent, Level = level, Order = ++order, No = d.No, Text = d.Text,
                    Methods = [.. d.Methods], Materials = d.Materials, Units = [.. d.Units],
                    MaterialsGroup = d.MaterialsGroup is null ? null : [.. d.MaterialsGroup],
                    CorrectedItems = d.CorrectedItems is null ? null : [.. d.CorrectedItems],
                };
                framework.Nodes.Add(node);
                Add(d.Children, node.Id, level + 1);
            }
        }
        Add(Nodes, null, 1);
        return framework;
    }
}

public sealed record DraftNode(
    string Text,
    int? No = null,
    IReadOnlyList<string>? MethodsOrNull = null,
    string? Materials = null,
    IReadOnlyList<string>? UnitsOrNull = null,
    IReadOnlyList<int>? MaterialsGroup = null,
    IReadOnlyList<DraftNode>? ChildrenOrNull = null,
    IReadOnlyList<MaterialItem>? CorrectedItems = null)
{
    public IReadOnlyList<string> Methods => MethodsOrNull ?? [];
    public IReadOnlyList<string> Units => UnitsOrNull ?? [];
    public IReadOnlyList<DraftNode> Children => ChildrenOrNull ?? [];
}
