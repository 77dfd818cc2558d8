using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.UnitTests.Security;

public sealed class SessionLimitsTests
{
    [Fact]
    public void The_defaults_are_30_idle_minutes_8_hours_and_a_check_every_minute()
    {
        var limits = new SessionLimits();
        Assert.Equal(TimeSpan.FromMinutes(30), limits.IdleTimeout);
        Assert.Equal(TimeSpan.FromHours(8), limits.AbsoluteLifetime);
        Assert.Equal(TimeSpan.FromMinutes(1), limits.RevalidationInterval);
    }

    [Fact]
    public void The_idle_warning_comes_a_minute_before_the_limit()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), new SessionLimits().IdleWarning);
    }

    [Fact]
    public void A_limit_shorter_than_two_minutes_warns_at_its_half()
    {
        Assert.Equal(TimeSpan.FromSeconds(9), new SessionLimits { IdleTimeoutMinutes = 0.3 }.IdleWarning);
    }
}
