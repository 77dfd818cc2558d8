using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Jobs;

/// <summary>
/// 后台任务: long work (packages) queued in the database, taken by one node at a time through a lease, with its
/// progress and its result file under the data directory.
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }
    /// A <see cref="JobStates"/> code.
    public string State { get; set; } = JobStates.Queued;
    /// Row version (concurrency token): bumped by every claim, progress report and finish.
    public int RowVersion { get; set; }
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
    /// 排队中
    public const string Queued = "queued";
    /// 进行中
    public const string Running = "running";
    /// 已完成
    public const string Succeeded = "succeeded";
    /// 失败
    public const string Failed = "failed";
    /// 已删除: the result file was removed by retention (expired, or a newer package of the campaign exists); the
    /// record stays.
    public const string Removed = "removed";

    /// What a download of a removed result answers (410).
    public const string RemovedMessage = "该汇编包已按保留期限删除，请重新生成";

    public static readonly CodeSet Codes = new((Queued, "排队中"), (Running, "进行中"), (Succeeded, "已完成"), (Failed, "失败"), (Removed, "已删除"));

    public static string Label(string? code) => Codes.Label(code);

    public static bool IsFinished(string state) => state is Succeeded or Failed or Removed;
}
