namespace InspectReady.Web.Domain.Frameworks;

/// <summary>
/// A node of a framework: a heading (一级, 二级 …) or, when it has a number, an indicator (三级指标) with its
/// methods, materials request and responsible units.
/// </summary>
public sealed class FrameworkNode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FrameworkId { get; set; }
    public Guid? ParentId { get; set; }
    /// 1 for 一级, 2 for 二级, …
    public int Level { get; set; }
    /// Position among its siblings, from 1.
    public int Order { get; set; }
    /// 序号 of an indicator; null for headings.
    public int? No { get; set; }
    /// The heading's name, or the indicator's full text.
    public required string Text { get; set; }
    public List<string> Methods { get; set; } = [];
    /// 填报材料, as printed.
    public string? Materials { get; set; }
    /// 责任单位 in the document's order; the first leads.
    public List<string> Units { get; set; } = [];
    /// The numbers that share one materials request ("第26、27、28、29项指标，请合并提供下列材料").
    public List<int>? MaterialsGroup { get; set; }
    /// An administrator's correction of the parsed checklist; null means "as parsed from the text".
    public List<MaterialItem>? CorrectedItems { get; set; }

    public IReadOnlyList<MaterialItem> MaterialItems => CorrectedItems ?? MaterialsParser.Parse(Materials);
}
