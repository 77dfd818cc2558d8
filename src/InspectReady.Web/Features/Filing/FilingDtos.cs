using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;

namespace InspectReady.Web.Features.Filing;

public sealed record TaskDto(Guid Id, Guid CampaignId, Guid UnitId, string? UnitName, IReadOnlyList<int> IndicatorNos, string GroupKey,
    bool IsLead, string Status, DateOnly Deadline, bool Overdue, DateTime? SubmittedAt, string? Reviewer, int ReturnCount, bool Removed,
    IReadOnlyList<string> Methods)
{
    /// <summary>The Chinese label of <see cref="Status"/> (a <see cref="FilingStatus"/> code).</summary>
    public string StatusLabel => FilingStatus.Label(Status);

    /// <summary>The Chinese labels of <see cref="Methods"/> (<see cref="EvaluationMethods"/> codes), in their order.</summary>
    public IReadOnlyList<string> MethodLabels => EvaluationMethods.Labels(Methods);
}

/// <summary>还缺什么 of one task: how many rules its saved filing still breaks, and their messages.</summary>
public sealed record TaskProblemsDto(Guid TaskId, int Count, IReadOnlyList<string> Messages);

public sealed record ChecklistItemDto(int Index, string Text, string Kind, string? CountRule, DateOnly? WindowFrom, DateOnly? WindowTo,
    IReadOnlyList<string> RequiredFields, IReadOnlyList<string>? ListColumns)
{
    /// <summary>The Chinese label of <see cref="Kind"/> (a <see cref="MaterialItemKindExtensions.Codes"/> code).</summary>
    public string KindLabel => MaterialItemKindExtensions.Codes.Label(Kind);
}

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, string Kind, int? ItemIndex,
    DateTime UploadedAt, string UploadedBy, bool Previewable)
{
    public string KindLabel => AttachmentKinds.Label(Kind);
}

public sealed record TransitionDto(string From, string To, DateTime At, string UserName, string? Reason, IReadOnlyDictionary<int, string> ItemReasons,
    DateOnly? NewDeadline)
{
    public string FromLabel => FilingStatus.Label(From);
    public string ToLabel => FilingStatus.Label(To);
}

public sealed record TaskDetailDto(TaskDto Task, IReadOnlyList<string> IndicatorTexts, IReadOnlyList<ChecklistItemDto> Checklist,
    string? Statement, int StatementLength, IReadOnlyList<string> Links, IReadOnlyDictionary<int, List<Dictionary<string, string>>> Lists,
    bool NotApplicable, string? NotApplicableReason, int Version, IReadOnlyList<AttachmentDto> Attachments,
    IReadOnlyList<RuleViolation> Problems, IReadOnlyList<string> Warnings, IReadOnlyList<TransitionDto> History);

public sealed record DraftRequest(string? Statement, List<string>? Links, Dictionary<int, List<Dictionary<string, string>>>? Lists,
    bool? NotApplicable, string? NotApplicableReason, int? Version);

public sealed record DecisionRequest(string? Reason, Dictionary<int, string>? ItemReasons, DateOnly? NewDeadline);

public sealed record BatchRequest(List<Guid>? TaskIds, string? Reason, DateOnly? NewDeadline);

public sealed record BatchResultDto(IReadOnlyList<Guid> Done, IReadOnlyDictionary<Guid, string> Refused);

public sealed record CommentRequest(string? Text);

public sealed record CommentDto(DateTime At, string UserName, string Text);

public sealed record VersionDto(int Number, DateTime At, string SignedOffBy, string? Statement, IReadOnlyList<string> Links,
    IReadOnlyDictionary<int, List<Dictionary<string, string>>> Lists, bool NotApplicable, IReadOnlyList<string> Attachments);

public sealed record DiffLineDto(string Kind, string Text);

public sealed record VersionComparisonDto(int A, int B, IReadOnlyList<DiffLineDto> Statement, IReadOnlyList<string> AttachmentsAdded,
    IReadOnlyList<string> AttachmentsRemoved, IReadOnlyList<string> LinksAdded, IReadOnlyList<string> LinksRemoved);
