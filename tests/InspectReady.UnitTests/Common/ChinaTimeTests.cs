using InspectReady.Web.Domain.Common;

namespace InspectReady.UnitTests.Common;

public sealed class ChinaTimeTests
{
    private sealed class FixedClock(DateTimeOffset utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => utc;

        // A host in UTC: "today" must not follow it.
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    [Fact]
    public void At_half_past_midnight_in_Beijing_it_is_already_the_next_day_on_a_UTC_host()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 12, 2), ChinaTime.Today(clock));
        Assert.Equal("2026-12-02 00:30", ChinaTime.Minutes(clock.GetUtcNow()));
    }

    [Fact]
    public void A_stored_utc_instant_is_printed_and_dated_in_Beijing_time()
    {
        var utc = new DateTime(2026, 12, 31, 17, 5, 0, DateTimeKind.Unspecified);
        Assert.Equal("2027-01-01 01:05", ChinaTime.Minutes(utc));
        Assert.Equal(new DateOnly(2027, 1, 1), ChinaTime.DayOf(utc));
    }
}
