namespace InspectReady.Web.Domain.Notifications;

/// 站内通知
public sealed class Notification
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
    public required string Title { get; set; }
    public string? Body { get; set; }
    public string? Link { get; set; }
    public DateTime? ReadAt { get; set; }
}
