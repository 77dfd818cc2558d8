using InspectReady.Web.Domain.CaseFiles;

namespace InspectReady.Web.Features.CaseFiles;

public sealed record OfficerRequest(string? Name, string? CertificateNumber);

/// <summary>
/// A case as entered: dates as YYYY-MM-DD, yes/no fields as booleans. Which fields a kind uses is listed by
/// GET /api/v1/case-files/kinds; a field the kind does not use must be left empty.
/// </summary>
public sealed record CaseFileRequest(
    Guid? UnitId, string? Kind, string? CaseNumber, string? Cause, string? Party,
    string? FiledOn, string? InvestigationEndedOn, string? LegalReviewStartedOn, string? LegalReviewEndedOn,
    string? DecidedOn, string? ServedOn, string? PublishedOn, string? CommentStartedOn, string? CommentEndedOn,
    string? CommentRule, string? DiscretionStandard, bool? HasAudioVisualRecord, bool? IsMajor, string? ArchivedOn,
    IReadOnlyList<OfficerRequest>? Officers);

public sealed record OfficerDto(string Name, string? CertificateNumber);

/// <param name="Fields">Every field of the kind by its API name (caseNumber, decidedOn, …), as text.</param>
public sealed record CaseFileDto(Guid Id, Guid UnitId, string? UnitName, string Kind, string CaseNumber, string Cause, string? Party,
    IReadOnlyDictionary<string, string?> Fields, IReadOnlyList<OfficerDto> Officers, bool Sampled, int FailedChecks, DateTime UpdatedAt)
{
    /// <summary>Chinese label of <see cref="Kind"/> (a code: penalty, licensing, …).</summary>
    public string KindLabel => CaseKind.Label(Kind);
}

public sealed record CheckDateDto(string Label, string? Date);

/// <param name="Status">通过, 不通过, 期限未到, 信息不全 or 无法计算.</param>
public sealed record CheckDto(string Code, string Title, string Rule, string Status, IReadOnlyList<CheckDateDto> Dates,
    int? WorkingDays, int? CalendarDays, string? Deadline, string Finding);

public sealed record ReviewSummaryDto(Guid Id, string ReviewerName, decimal Total, bool Submitted, DateTime? SubmittedAt);

public sealed record CaseFileDetailDto(CaseFileDto File, IReadOnlyList<CheckDto> Checks, IReadOnlyList<ReviewSummaryDto> Reviews);

public sealed record CaseFieldDto(string Key, string Header, string Type, bool Required);

public sealed record CaseKindDto(string Kind, IReadOnlyList<CaseFieldDto> Fields)
{
    public string KindLabel => CaseKind.Label(Kind);
}

public sealed record CaseImportSummaryDto(int Imported);
