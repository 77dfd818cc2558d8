namespace InspectReady.Web.Domain.Organisation;

/// 行政区划: 市 → 区/县 → 街道/乡镇
public sealed class Region
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Level { get; set; }
    public Guid? ParentId { get; set; }
    public Region? Parent { get; set; }
    /// 示例: not named by the source document, created for demonstration only
    public bool IsSample { get; set; }
}
