using InspectReady.Web.Domain.Organisation;

namespace InspectReady.Web.Features.Organisation;

public sealed record RegionRequest(string? Name, Guid? ParentId, string? Level);

/// <param name="Level">A code: province, city, district, county, street or township; <see cref="LevelLabel"/> is its Chinese name.</param>
public sealed record RegionDto(Guid Id, string Name, Guid? ParentId, string Level, bool IsSample)
{
    public string LevelLabel => RegionLevel.Label(Level);
}

public sealed record UnitRequest(string? Name, Guid? RegionId, string? Kind, List<string>? Aliases, List<string>? Tags);

/// <param name="Kind">A code: party_department, district_department, street, vertical or coordinating; <see cref="KindLabel"/> is its Chinese name.</param>
public sealed record UnitDto(Guid Id, string Name, Guid RegionId, string? RegionName, string Kind, IReadOnlyList<string> Aliases, IReadOnlyList<string> Tags, bool IsSample)
{
    public string KindLabel => UnitKind.Label(Kind);
}

public sealed record PersonRequest(string? Name, Guid? UnitId, string? Position, string? CampaignRole, string? Mobile, string? OfficePhone);

/// <summary>The mobile number is masked unless the caller asked to reveal it (which is audited).</summary>
/// <param name="CampaignRole">A code (principal_leader, responsible_leader, liaison, …); <see cref="CampaignRoleLabel"/> is its Chinese name.</param>
public sealed record PersonDto(Guid Id, string Name, Guid UnitId, string? UnitName, string? Position, string CampaignRole, string? Mobile, string? OfficePhone)
{
    public string CampaignRoleLabel => Domain.Organisation.CampaignRole.Label(CampaignRole);
}
