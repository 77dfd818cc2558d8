namespace InspectReady.Web.Infrastructure.Security;

/// <summary>
/// How long a session may last: idle, absolute, and how often an open page re-checks the account. Bound from the
/// <c>Security</c> section today; one place so the security policy set by the 安全管理员 can feed it later.
/// Fractions are allowed (tests run with seconds).
/// </summary>
public sealed class SessionLimits
{
    public const string Section = "Security";

    /// <summary>No request and no activity in an open page for this long ends the session (等保: 30 minutes).</summary>
    public double IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in however busy it is, sliding renewal or not.</summary>
    public double AbsoluteLifetimeHours { get; set; } = 8;

    /// <summary>An open page (a Blazor circuit makes no HTTP requests) re-checks the account this often.</summary>
    public double RevalidationIntervalSeconds { get; set; } = 60;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(AbsoluteLifetimeHours);

    public TimeSpan RevalidationInterval => TimeSpan.FromSeconds(RevalidationIntervalSeconds);

    /// <summary>The page warns this long before the idle limit: a minute, or half the limit when that is shorter.</summary>
    public TimeSpan IdleWarning => EffectiveSessionLimits.WarningBefore(IdleTimeout);
}
