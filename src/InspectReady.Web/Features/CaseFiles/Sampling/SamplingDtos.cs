using InspectReady.Web.Domain.CaseFiles;

namespace InspectReady.Web.Features.CaseFiles.Sampling;

/// <param name="Seed">Optional; a random seed is generated and recorded when absent.</param>
/// <param name="RedoReason">Required when the unit and kind already have a current draw: the new draw replaces it, on record.</param>
public sealed record SamplingDrawRequest(Guid? UnitId, string? Kind, int? Count, long? Seed, string? DecidedFrom, string? DecidedTo, string? RedoReason);

public sealed record SampledFileDto(int Position, Guid CaseFileId, string CaseNumber, string Cause);

public sealed record SamplingDrawDto(Guid Id, Guid UnitId, string? UnitName, string Kind, int Requested, long Seed, string? DecidedFrom, string? DecidedTo,
    int PopulationCount, IReadOnlyList<SampledFileDto> Files, string DrawnBy, DateTime DrawnAt, Guid? Replaces, string? RedoReason, Guid? SupersededBy)
{
    public string KindLabel => CaseKind.Label(Kind);
}

/// <param name="Matches">Whether drawing again with the recorded seed over the recorded population gives the recorded files.</param>
public sealed record SamplingVerificationDto(Guid DrawId, long Seed, bool Matches, IReadOnlyList<Guid> Recorded, IReadOnlyList<Guid> Redrawn);
