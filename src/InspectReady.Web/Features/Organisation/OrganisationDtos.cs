namespace InspectReady.Web.Features.Organisation;

public sealed record RegionRequest(string? Name, Guid? ParentId, string? Level);

public sealed record RegionDto(Guid Id, string Name, Guid? ParentId, string Level, bool IsSample);

public sealed record UnitRequest(string? Name, Guid? RegionId, string? Kind, List<string>? Aliases, List<string>? Tags);

public sealed record UnitDto(Guid Id, string Name, Guid RegionId, string? RegionName, string Kind, IReadOnlyList<string> Aliases, IReadOnlyList<string> Tags, bool IsSample);

public sealed record PersonRequest(string? Name, Guid? UnitId, string? Position, string? CampaignRole, string? Mobile, string? OfficePhone);

/// <summary>The mobile number is masked unless the caller asked to reveal it (which is audited).</summary>
public sealed record PersonDto(Guid Id, string Name, Guid UnitId, string? UnitName, string? Position, string CampaignRole, string? Mobile, string? OfficePhone);
