namespace InspectReady.Web.Domain.Reminders;

/// <summary>
/// The reminders an open task gets: 7, 3 and 1 days before its deadline, then once a day while overdue.
/// A sweep that missed a day (the host was down) still sends the reminder of the bracket the task is now in,
/// so a deadline is never approached without warning.
/// </summary>
public static class ReminderEvents
{
    public const string SevenDays = "D-7";
    public const string ThreeDays = "D-3";
    public const string OneDay = "D-1";
    public const string Overdue = "overdue";

    public static readonly IReadOnlyList<string> All = [SevenDays, ThreeDays, OneDay, Overdue];

    /// <summary>The reminder due on <paramref name="today"/> for a deadline, or null when none is due.</summary>
    public static ReminderDue? Due(DateOnly deadline, DateOnly today)
    {
        var daysLeft = deadline.DayNumber - today.DayNumber;
        return daysLeft switch
        {
            // Pre-deadline reminders are keyed by the deadline: once per deadline, again after a new deadline is set.
            >= 4 and <= 7 => new ReminderDue(SevenDays, deadline, daysLeft),
            >= 2 and <= 3 => new ReminderDue(ThreeDays, deadline, daysLeft),
            >= 0 and <= 1 => new ReminderDue(OneDay, deadline, daysLeft),
            // Overdue reminders are keyed by the day: one each day.
            < 0 => new ReminderDue(Overdue, today, daysLeft),
            _ => null,
        };
    }
}

/// <summary>A reminder to send: its event, the date that makes it unique, and the days left (negative when overdue).</summary>
public sealed record ReminderDue(string Event, DateOnly Key, int DaysLeft)
{
    public bool IsOverdue => Event == ReminderEvents.Overdue;

    public string Title => IsOverdue ? "迎检材料报送已逾期" : "迎检材料报送期限临近";

    public string Describe(string unitName, string taskLabel, DateOnly deadline) => IsOverdue
        ? $"{unitName} {taskLabel}：报送期限为{deadline:yyyy-MM-dd}，已逾期{-DaysLeft}天，请尽快报送。"
        : DaysLeft == 0
            ? $"{unitName} {taskLabel}：今天（{deadline:yyyy-MM-dd}）是报送期限，请及时报送。"
            : $"{unitName} {taskLabel}：报送期限为{deadline:yyyy-MM-dd}，还有{DaysLeft}天。";
}
