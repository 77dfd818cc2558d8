namespace InspectReady.Web.Domain.Reminders;

/// <summary>
/// One reminder sent: unique by task, event and date. The row is inserted before anyone is notified, in the same
/// transaction, so a second sweep (a restart, another node) finds the key taken and sends nothing.
/// </summary>
public sealed class ReminderLog
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public required string Event { get; set; }
    /// The deadline for D-7/D-3/D-1, the day for overdue (see <see cref="ReminderEvents.Due"/>).
    public DateOnly Date { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Recipients { get; set; }
}
