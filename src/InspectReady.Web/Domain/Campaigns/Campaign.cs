using InspectReady.Web.Domain.Filing;
namespace InspectReady.Web.Domain.Campaigns;

/// <summary>创建活动: a district's run of one framework, with its windows and the materials cut-off.</summary>
public sealed class Campaign
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Guid FrameworkId { get; set; }
    /// The district (区) whose units file.
    public Guid RegionId { get; set; }
    /// Materials asked "…年以来" end here (注意事项一).
    public DateOnly CutoffDate { get; set; }
    /// Filing deadline for every task unless a return sets a new one.
    public DateOnly Deadline { get; set; }
    public DateOnly? SelfCheckFrom { get; set; }
    public DateOnly? SelfCheckTo { get; set; }
    public DateOnly? SurveyFrom { get; set; }
    public DateOnly? SurveyTo { get; set; }
    public DateOnly? OnSiteFrom { get; set; }
    public DateOnly? OnSiteTo { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    /// Row version (concurrency token): bumped by every change of the campaign (windows, deadline, mappings, tasks planned).
    public int RowVersion { get; private set; }

    /// <summary>Marks a change of the campaign for the concurrency check.</summary>
    public void Touch() => RowVersion++;
    /// Entries of the 责任单位 column the office mapped to units by hand (names that match no unit).
    public List<EntryMapping> EntryMappings { get; set; } = [];
}

/// <summary>An entry of the 责任单位 column mapped to units by the office.</summary>
public sealed class EntryMapping
{
    public Guid CampaignId { get; set; }
    public required string Entry { get; set; }
    public List<Guid> UnitIds { get; set; } = [];
}
