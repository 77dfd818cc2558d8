namespace InspectReady.Web.Domain.Audit;

/// <summary>
/// 审计记录: append-only. Each entry carries the SM3 hash of its content and of its predecessor, so a changed
/// or removed record breaks the chain (GB/T 39786-2021).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public long Sequence { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public required string UserName { get; set; }
    public Guid? UnitId { get; set; }
    public string? ClientAddress { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public required string Result { get; set; }
    public string? Detail { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

public static class AuditResult
{
    public const string Success = "成功";
    public const string Failure = "失败";
    public const string Denied = "拒绝";
}
