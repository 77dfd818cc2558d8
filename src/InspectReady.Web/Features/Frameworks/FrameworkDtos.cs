using InspectReady.Web.Domain.Frameworks;

namespace InspectReady.Web.Features.Frameworks;

public sealed record FrameworkDto(Guid Id, string Code, string Name, string Version, int IndicatorCount, bool IsBuiltIn, bool IsLocked, DateOnly? DefaultCutoff);

/// <summary>The count rule of a materials request: relation 不超过 / 恰好 / 任选, count, unit 个/件/家.</summary>
public sealed record CountRuleDto(string Relation, int Count, string Unit);

public sealed record MaterialItemDto(int Index, string Text, string Kind, CountRuleDto? Count, int? SinceYear, string? Period,
    IReadOnlyList<string> RequiredFields, DateOnly? WindowFrom, DateOnly? WindowTo)
{
    /// <summary>The Chinese label of <see cref="Kind"/> (a <see cref="MaterialItemKindExtensions.Codes"/> code).</summary>
    public string KindLabel => MaterialItemKindExtensions.Codes.Label(Kind);
}

public sealed record IndicatorDto(int No, string Level1, string Level2, string Text, IReadOnlyList<string> Methods, string? Materials,
    IReadOnlyList<MaterialItemDto> MaterialItems, IReadOnlyList<string> Units, IReadOnlyList<int>? MaterialsGroup, CountRuleDto? MaxItems,
    int? Since, bool ItemsCorrected)
{
    /// <summary>The Chinese labels of <see cref="Methods"/> (<see cref="EvaluationMethods"/> codes), in their order.</summary>
    public IReadOnlyList<string> MethodLabels => EvaluationMethods.Labels(Methods);
}

public sealed record FrameworkTreeDto(Guid Id, string Code, string Name, string Version, IReadOnlyList<HeadingDto> Headings);

public sealed record HeadingDto(int Level, int Order, string Name, IReadOnlyList<HeadingDto> Children, IReadOnlyList<int> Indicators);

public sealed record MaterialItemRequest(int Index, string? Text, string? Kind, CountRuleDto? Count, int? SinceYear, string? Period, List<string>? RequiredFields);

public sealed record MappingEntryDto(int FromNo, int? ToNo, bool IsDefault);

public sealed record MappingRequest(List<MappingEntryDto>? Entries);
