using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Reminders;
using InspectReady.Web.Domain.Supervision;
using Microsoft.Extensions.Time.Testing;

namespace InspectReady.UnitTests.Common;

/// <summary>
/// The product's clock with the host in UTC at 00:30 Beijing time (16:30 UTC the day before): "today", overdue,
/// reminders and printed dates all follow Beijing, none the host.
/// </summary>
public sealed class ChinaClockTests
{
    private static readonly DateTimeOffset HalfPastMidnightInBeijing = new(2026, 12, 1, 16, 30, 0, TimeSpan.Zero);

    private static (FakeTimeProvider Time, ChinaClock Clock) UtcHost()
    {
        var time = new FakeTimeProvider(HalfPastMidnightInBeijing);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        return (time, new ChinaClock(time));
    }

    [Fact]
    public void Today_is_the_Beijing_date_while_the_host_is_still_on_the_day_before()
    {
        var (time, clock) = UtcHost();
        Assert.Equal(new DateOnly(2026, 12, 1), DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        Assert.Equal(new DateOnly(2026, 12, 2), clock.Today);
        Assert.Equal(TimeSpan.FromHours(8), clock.Now.Offset);
        Assert.Equal(new DateTime(2026, 12, 1, 16, 30, 0, DateTimeKind.Utc), clock.UtcNow);
    }

    [Fact]
    public void A_task_due_yesterday_in_Beijing_is_overdue_though_it_is_still_that_day_in_UTC()
    {
        var (_, clock) = UtcHost();
        var task = new FilingTask { GroupKey = "1", Deadline = new DateOnly(2026, 12, 1) };
        Assert.True(task.IsOverdue(clock.Today));
        Assert.False(new FilingTask { GroupKey = "1", Deadline = new DateOnly(2026, 12, 2) }.IsOverdue(clock.Today));
    }

    [Fact]
    public void Reminders_count_the_days_left_from_the_Beijing_date()
    {
        var (_, clock) = UtcHost();
        var due = ReminderEvents.Due(new DateOnly(2026, 12, 1), clock.Today);
        Assert.NotNull(due);
        Assert.True(due.IsOverdue);
        Assert.Equal(new DateOnly(2026, 12, 2), due.Key);
        Assert.Equal(ReminderEvents.OneDay, ReminderEvents.Due(new DateOnly(2026, 12, 3), clock.Today)!.Event);
        Assert.Equal(1, ReminderEvents.Due(new DateOnly(2026, 12, 3), clock.Today)!.DaysLeft);
    }

    [Fact]
    public void Printed_times_and_numbers_are_Beijing_time()
    {
        var (time, clock) = UtcHost();
        Assert.Equal("2026-12-02 00:30", ChinaTime.Minutes(clock.Now));
        Assert.Equal("2026-12-02 00:30", ChinaTime.Minutes(clock.UtcNow));
        Assert.Equal("2026-12-02 00:30:00", ChinaTime.Seconds(clock.UtcNow));
        // A notice issued at 00:30 on New Year's Day in Beijing carries the new year's number.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));
        var notice = new SupervisionNotice { Title = "督办", IssuedBy = "office", IssuedAt = clock.UtcNow, No = 1 };
        Assert.Equal("督办〔2027〕1号", notice.Number);
        Assert.Equal(new DateOnly(2027, 1, 1), ChinaTime.DayOf(notice.IssuedAt));
    }

    [Fact]
    public void An_input_time_without_an_offset_is_Beijing_wall_time_and_one_with_an_offset_or_in_UTC_is_kept()
    {
        var utc = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
        Assert.Equal(utc, ChinaTime.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal(utc, ChinaTime.ToUtc(utc));
        Assert.Equal(utc, ChinaTime.ToUtc(new DateTimeOffset(utc).LocalDateTime));
    }
}
