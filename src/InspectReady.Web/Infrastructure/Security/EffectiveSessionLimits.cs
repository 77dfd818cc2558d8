using InspectReady.Web.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace InspectReady.Web.Infrastructure.Security;

/// <summary>
/// The session limits in force: configuration (<see cref="SessionLimits"/>) sets the ceiling, the 安全管理员's policy
/// may tighten it. Read per use, so a policy change applies on every node at the next request or page check.
/// </summary>
public sealed class EffectiveSessionLimits(IOptions<SessionLimits> configured, SecurityPolicyStore policies)
{
    public SessionLimits Configured => configured.Value;

    public async Task<(TimeSpan Idle, TimeSpan Absolute)> CurrentAsync(CancellationToken ct = default)
    {
        var policy = await policies.CurrentAsync(ct);
        var idle = Min(Configured.IdleTimeout, TimeSpan.FromMinutes(policy.SessionIdleMinutes));
        var absolute = Min(Configured.AbsoluteLifetime, TimeSpan.FromHours(policy.SessionAbsoluteHours));
        return (idle, absolute);
    }

    /// <summary>The page warns this long before the idle limit: a minute, or half the limit when that is shorter.</summary>
    public static TimeSpan WarningBefore(TimeSpan idle) => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, idle.Ticks / 2));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a <= b ? a : b;
}
