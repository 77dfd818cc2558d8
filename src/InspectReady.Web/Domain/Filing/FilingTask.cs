using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
namespace InspectReady.Web.Domain.Filing;

/// <summary>
/// 任务: one unit's filing for one materials group (a single indicator is a group of one) of a campaign.
/// The status changes only through the methods below, which guard the workflow.
/// </summary>
public sealed class FilingTask
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid UnitId { get; set; }
    /// The indicator numbers this filing serves, e.g. 26, 27, 28, 29.
    public List<int> IndicatorNos { get; set; } = [];
    /// "26" for a group led by no. 26; unique with campaign and unit.
    public required string GroupKey { get; set; }
    /// 牵头 (true) or 配合 (false).
    public bool IsLead { get; set; }
    /// A <see cref="FilingStatus"/> code; moves only through the transitions below.
    public string Status { get; private set; } = FilingStatus.Draft;
    /// Row version (concurrency token): bumped by every transition and every change that must not cross one (an upload).
    public int RowVersion { get; private set; }
    public DateOnly Deadline { get; set; }
    /// 情况说明
    public string? Statement { get; set; }
    /// 公开网址
    public List<string> Links { get; set; } = [];
    /// Structured list rows per checklist item index.
    public Dictionary<int, List<Dictionary<string, string>>> Lists { get; set; } = [];
    /// 不涉及本部门职责 (rule 5): counts as filed.
    public bool NotApplicable { get; set; }
    public string? NotApplicableReason { get; set; }
    /// Bumped on every save of the draft; a save that names an older version is refused.
    public int DraftVersion { get; set; }
    public DateTime? DraftSavedAt { get; set; }
    public string? DraftSavedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? Reviewer { get; set; }
    public int ReturnCount { get; set; }
    public bool Removed { get; set; }
    public List<TaskAttachment> Attachments { get; set; } = [];

    public string GroupLabel => IndicatorLabel.Of(IndicatorNos);

    public bool IsOverdue(DateOnly today) => Overdue(Status, Deadline, today);

    /// <summary>The overdue rule on a task's state and deadline alone (for narrow projections of tasks).</summary>
    public static bool Overdue(string status, DateOnly deadline, DateOnly today) =>
        status is not (FilingStatus.Submitted or FilingStatus.Approved or FilingStatus.AwaitingSignOff) && today > deadline;

    public void EnsureEditable()
    {
        if (!FilingStatus.IsEditable(Status))
        {
            throw new WorkflowException($"任务状态为“{FilingStatus.Label(Status)}”，不能修改；如需修改请先退回");
        }
    }

    /// <summary>The liaison asks the unit's leader to sign off.</summary>
    public void SubmitForSignOff() => Move(FilingStatus.AwaitingSignOff, FilingStatus.Draft, FilingStatus.Returned);

    /// <summary>The leader signs off: the filing reaches the office.</summary>
    public void SignOff(DateTime now)
    {
        Move(FilingStatus.Submitted, FilingStatus.AwaitingSignOff);
        SubmittedAt = now;
    }

    /// <summary>The leader sends the draft back to the liaison.</summary>
    public void SendBack() => Move(FilingStatus.Draft, FilingStatus.AwaitingSignOff);

    /// <summary>The office returns the filing with reasons and a new deadline.</summary>
    public void Return(DateOnly newDeadline, string reviewer)
    {
        Move(FilingStatus.Returned, FilingStatus.Submitted);
        Deadline = newDeadline;
        Reviewer = reviewer;
        ReturnCount++;
    }

    public void Approve(string reviewer)
    {
        Move(FilingStatus.Approved, FilingStatus.Submitted);
        Reviewer = reviewer;
    }

    /// <summary>Only the office reopens an approved filing; it goes back to the unit as returned.</summary>
    public void Reopen(DateOnly newDeadline, string reviewer)
    {
        Move(FilingStatus.Returned, FilingStatus.Approved);
        Deadline = newDeadline;
        Reviewer = reviewer;
        ReturnCount++;
    }

    private void Move(string to, params string[] from)
    {
        if (!from.Contains(Status))
        {
            throw new WorkflowException($"任务状态为“{FilingStatus.Label(Status)}”，不能变为“{FilingStatus.Label(to)}”");
        }
        Status = to;
        RowVersion++;
    }

    /// <summary>
    /// Marks a change that must not cross a transition (an attachment added or removed): the save then fails with a
    /// concurrency conflict if the task moved since it was read.
    /// </summary>
    public void Touch() => RowVersion++;
}

public sealed class WorkflowException(string message) : InvalidOperationException(message);
