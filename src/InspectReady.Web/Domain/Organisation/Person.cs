namespace InspectReady.Web.Domain.Organisation;

/// 人员: a member of a unit with a role in the campaign
public sealed class Person
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// 职务
    public string? Position { get; set; }
    public required string CampaignRole { get; set; }
    public string? Mobile { get; set; }
    public string? OfficePhone { get; set; }
}
