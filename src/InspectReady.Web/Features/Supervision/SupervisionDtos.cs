using InspectReady.Web.Domain.Supervision;

namespace InspectReady.Web.Features.Supervision;

public sealed record NoticeRequest(Guid? UnitId, string? Title, string? Reason, DateOnly? Deadline, List<string>? Items, List<Guid>? TaskIds = null);

public sealed record AnswerRequest(string? Answer);

public sealed record CloseNoticeRequest(string? Remark);

public sealed record AccountabilityRequest(Guid? UnitId, string? Kind, DateOnly? Date, string? Reason, string? Decision, Guid? NoticeId = null);

public sealed record SupervisionItemDto(int Index, string Text, string? Answer, DateTime? AnsweredAt, string? AnsweredBy);

public sealed record NoticeDto(Guid Id, Guid CampaignId, int No, string Number, Guid UnitId, string UnitName, string Title, string? Reason,
    DateOnly Deadline, string Status, bool Overdue, DateTime IssuedAt, string IssuedBy, DateTime? ClosedAt, string? ClosedBy, string? ClosingRemark,
    IReadOnlyList<Guid> TaskIds, IReadOnlyList<SupervisionItemDto> Items)
{
    public int Answered => Items.Count(i => i.Answer is not null);
    public string StatusLabel => SupervisionStatus.Label(Status);
}

public sealed record AccountabilityDto(Guid Id, Guid CampaignId, Guid UnitId, string UnitName, string Kind, DateOnly Date, string Reason,
    string Decision, Guid? NoticeId, string? NoticeNumber, DateTime CreatedAt, string CreatedBy)
{
    public string KindLabel => AccountabilityKinds.Label(Kind);
}
