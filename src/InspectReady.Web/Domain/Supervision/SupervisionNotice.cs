using InspectReady.Web.Domain.Common;
namespace InspectReady.Web.Domain.Supervision;

/// <summary>
/// 督办单: the office tells a lagging unit what to put right and by when; the unit answers each item; the office
/// closes it. The state changes only through the methods below.
/// </summary>
public sealed class SupervisionNotice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid UnitId { get; set; }
    /// Running number within the campaign (督办〔n〕号).
    public int No { get; set; }
    public required string Title { get; set; }
    public string? Reason { get; set; }
    public DateOnly Deadline { get; set; }
    /// A <see cref="SupervisionStatus"/> code; moves only through the methods below.
    public string Status { get; private set; } = SupervisionStatus.Issued;
    /// Row version (concurrency token): bumped by every change of the notice.
    public int RowVersion { get; private set; }
    public DateTime IssuedAt { get; set; }
    public required string IssuedBy { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? ClosingRemark { get; set; }
    /// Tasks the notice is about, if any.
    public List<Guid> TaskIds { get; set; } = [];
    public List<SupervisionItem> Items { get; set; } = [];

    public string Number => $"督办〔{ChinaTime.DayOf(IssuedAt).Year}〕{No}号";

    public bool IsOverdue(DateOnly today) => Status == SupervisionStatus.Issued && today > Deadline;

    /// <summary>The unit answers one item; when every item has an answer the notice counts as answered.</summary>
    public void Answer(int index, string answer, string userName, DateTime now)
    {
        if (Status == SupervisionStatus.Closed)
        {
            throw new SupervisionException("督办单已办结，不能再答复");
        }
        var item = Items.FirstOrDefault(i => i.Index == index) ?? throw new SupervisionException($"督办单没有第{index}项");
        item.Answer = answer;
        item.AnsweredAt = now;
        item.AnsweredBy = userName;
        Status = Items.All(i => i.Answer is not null) ? SupervisionStatus.Answered : SupervisionStatus.Issued;
        RowVersion++;
    }

    /// <summary>The office closes a notice once the unit has answered every item.</summary>
    public void Close(string userName, string? remark, DateTime now)
    {
        if (Status == SupervisionStatus.Closed)
        {
            throw new SupervisionException("督办单已办结");
        }
        if (Status != SupervisionStatus.Answered)
        {
            var open = Items.Where(i => i.Answer is null).Select(i => i.Index).ToList();
            throw new SupervisionException($"第{string.Join("、", open)}项尚未答复，不能办结");
        }
        Status = SupervisionStatus.Closed;
        ClosedAt = now;
        ClosedBy = userName;
        ClosingRemark = remark;
        RowVersion++;
    }

    /// <summary>Marks an edit of the notice other than a transition (title, items, deadline).</summary>
    public void Touch() => RowVersion++;
}

/// 督办事项
public sealed class SupervisionItem
{
    public long Id { get; set; }
    public Guid NoticeId { get; set; }
    public int Index { get; set; }
    public required string Text { get; set; }
    /// 整改情况
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
}

/// 督办状态
public static class SupervisionStatus
{
    /// 待答复
    public const string Issued = "issued";
    /// 已答复
    public const string Answered = "answered";
    /// 已办结
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Issued, Answered, Closed];

    public static readonly CodeSet Codes = new((Issued, "待答复"), (Answered, "已答复"), (Closed, "已办结"));

    public static string Label(string? code) => Codes.Label(code);

    public static string? Parse(string? input) => Codes.Parse(input);
}

public sealed class SupervisionException(string message) : InvalidOperationException(message);
