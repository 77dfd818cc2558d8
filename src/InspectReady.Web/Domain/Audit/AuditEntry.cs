namespace InspectReady.Web.Domain.Audit;

/// <summary>
/// 审计记录: append-only. Each entry carries the HMAC-SM3 of its content and of its predecessor's MAC under the
/// audit key named by <see cref="KeyId"/> (entries of earlier versions: plain SM3, no key id), so a changed or
/// removed record breaks the chain (GB/T 39786-2021, ADR 0040).
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
    /// <summary>The key store's id of the key the MAC is under (<c>audit.v1</c>, …); empty for plain SM3 (segment 0).</summary>
    public string KeyId { get; set; } = "";
}

public static class AuditResult
{
    public const string Success = "成功";
    public const string Failure = "失败";
    public const string Denied = "拒绝";
}
