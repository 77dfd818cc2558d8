using InspectReady.Web.Domain.Notifications;
using InspectReady.Web.Domain.Reminders;

namespace InspectReady.UnitTests.Reminders;

public sealed class ReminderEventsTests
{
    private static readonly DateOnly Deadline = new(2026, 6, 30);

    [Theory]
    [InlineData(8, null)]
    [InlineData(7, ReminderEvents.SevenDays)]
    [InlineData(4, ReminderEvents.SevenDays)]
    [InlineData(3, ReminderEvents.ThreeDays)]
    [InlineData(2, ReminderEvents.ThreeDays)]
    [InlineData(1, ReminderEvents.OneDay)]
    [InlineData(0, ReminderEvents.OneDay)]
    [InlineData(-1, ReminderEvents.Overdue)]
    [InlineData(-30, ReminderEvents.Overdue)]
    public void The_reminder_due_depends_on_the_days_left(int daysLeft, string? expected)
    {
        var due = ReminderEvents.Due(Deadline, Deadline.AddDays(-daysLeft));
        Assert.Equal(expected, due?.Event);
        if (due is not null)
        {
            Assert.Equal(daysLeft, due.DaysLeft);
        }
    }

    [Fact]
    public void Reminders_before_the_deadline_are_keyed_by_the_deadline_so_days_inside_a_bracket_share_one_key()
    {
        var keys = Enumerable.Range(4, 4).Select(d => ReminderEvents.Due(Deadline, Deadline.AddDays(-d))!).Select(r => (r.Event, r.Key)).Distinct();
        Assert.Equal([(ReminderEvents.SevenDays, Deadline)], keys);
        var later = Deadline.AddDays(10);
        Assert.NotEqual(ReminderEvents.Due(Deadline, Deadline.AddDays(-3))!.Key, ReminderEvents.Due(later, later.AddDays(-3))!.Key);
    }

    [Fact]
    public void Overdue_reminders_are_keyed_by_the_day_so_there_is_one_each_day()
    {
        var first = ReminderEvents.Due(Deadline, Deadline.AddDays(1))!;
        var second = ReminderEvents.Due(Deadline, Deadline.AddDays(2))!;
        Assert.Equal(Deadline.AddDays(1), first.Key);
        Assert.NotEqual(first.Key, second.Key);
        Assert.Contains("已逾期2天", second.Describe("区司法局", "第2项", Deadline), StringComparison.Ordinal);
        Assert.True(second.IsOverdue);
    }

    [Fact]
    public void The_text_names_the_unit_the_indicators_and_the_days()
    {
        Assert.Equal("区司法局 第26、27项：报送期限为2026-06-30，还有3天。",
            ReminderEvents.Due(Deadline, Deadline.AddDays(-3))!.Describe("区司法局", "第26、27项", Deadline));
        Assert.Contains("今天（2026-06-30）是报送期限", ReminderEvents.Due(Deadline, Deadline)!.Describe("区司法局", "第1项", Deadline), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_outbox_message_backs_off_longer_each_time_and_a_sent_one_clears_its_error()
    {
        var now = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        var message = new OutboxMessage { Channel = OutboxChannels.Mail, Recipient = "a@example.gov.cn", Subject = "s", Body = "b" };
        message.Failed("连接被拒绝", now);
        var firstPause = message.ClaimedUntil!.Value - now;
        message.Failed("连接被拒绝", now);
        Assert.True(message.ClaimedUntil!.Value - now > firstPause);
        Assert.Equal(2, message.Attempts);
        message.Sent(now);
        Assert.Equal((3, null, now), (message.Attempts, message.LastError, message.SentAt!.Value));
        var hopeless = new OutboxMessage { Channel = OutboxChannels.Sms, Recipient = "13800000000", Subject = "s", Body = "b" };
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            Assert.False(hopeless.GaveUp);
            hopeless.Failed("网关无响应", now);
        }
        Assert.True(hopeless.GaveUp);
    }
}
