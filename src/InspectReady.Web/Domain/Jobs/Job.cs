namespace InspectReady.Web.Domain.Jobs;

/// <summary>
/// 后台任务: long work (packages) queued in the database, taken by one node at a time through a lease, with its
/// progress and its result file under the data directory.
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }
    public string State { get; set; } = JobStates.Queued;
    public int Progress { get; set; }
    public string? Message { get; set; }
    /// JSON parameters of the job kind.
    public string Parameters { get; set; } = "{}";
    public Guid? CreatedByUserId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    /// Relative to the data directory.
    public string? ResultPath { get; set; }
    public string? ResultName { get; set; }
    public long? ResultSize { get; set; }
}

public static class JobStates
{
    public const string Queued = "排队中";
    public const string Running = "进行中";
    public const string Succeeded = "已完成";
    public const string Failed = "失败";
}
