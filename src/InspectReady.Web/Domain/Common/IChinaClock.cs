namespace InspectReady.Web.Domain.Common;

/// <summary>
/// The one clock of the product: "now" as an instant and "today" as China (Asia/Shanghai) reads it, from the host's
/// <see cref="TimeProvider"/> so tests can set the hour. Deadlines, overdue, reminders and printed dates go through it.
/// </summary>
public interface IChinaClock
{
    /// <summary>The current instant in UTC, as stored.</summary>
    DateTime UtcNow { get; }

    /// <summary>The current instant as Beijing time (offset +08:00).</summary>
    DateTimeOffset Now { get; }

    /// <summary>Today's date in China, whatever the host's zone.</summary>
    DateOnly Today { get; }
}

public sealed class ChinaClock(TimeProvider time) : IChinaClock
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTimeOffset Now => ChinaTime.Now(time);

    public DateOnly Today => ChinaTime.Today(time);
}
