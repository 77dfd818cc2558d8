using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace InspectReady.Web.Infrastructure.Security;

/// <summary>
/// An open page (a Blazor circuit) makes no HTTP requests, so the cookie checks never see it: this re-checks the
/// account and the absolute lifetime every <see cref="SessionLimits.RevalidationInterval"/> and ends the page's
/// authentication when either fails. The layout then sends the page to the sign-in page (<see cref="EndedReason"/>).
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory logs, IServiceScopeFactory scopes, IOptions<SessionLimits> limits, TimeProvider time,
    EffectiveSessionLimits effective)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    public const string Ended = "ended";
    public const string Expired = "expired";

    /// <summary>Why the page's session ended (<see cref="Ended"/>, <see cref="Expired"/>), null while it lasts.</summary>
    public string? EndedReason { get; private set; }

    private bool leaving;

    /// <summary>
    /// True for the first caller only: the layout and the route view both react to the ended session, and a second
    /// navigation would abort the first.
    /// </summary>
    public bool TryLeave()
    {
        if (leaving)
        {
            return false;
        }
        leaving = true;
        return true;
    }

    protected override TimeSpan RevalidationInterval => limits.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        var user = state.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }
        if (SessionCookie.StartedAt(user) is { } started && time.GetUtcNow() - started >= (await effective.CurrentAsync(cancellationToken)).Absolute)
        {
            EndedReason = Expired;
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<AccountCheck>().IsCurrentAsync(user, cancellationToken))
        {
            EndedReason = Ended;
            return false;
        }
        return true;
    }

    /// <summary>The sign-in page, telling the user why they are there.</summary>
    public static string LoginUrl(string reason, string? returnUrl = null) =>
        $"/account/login?error={reason}" + (returnUrl is null ? "" : $"&returnUrl={Uri.EscapeDataString(returnUrl)}");
}
