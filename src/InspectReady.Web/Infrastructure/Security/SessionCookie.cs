using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace InspectReady.Web.Infrastructure.Security;

/// <summary>
/// The sign-in cookie's session rules. Sliding renewal re-issues the cookie (and its IssuedUtc), so the time of
/// sign-in is kept in the ticket's properties, which renewal carries over, and checked against the absolute
/// lifetime on every request. Every request also checks the account (<see cref="AccountCheck"/>).
/// </summary>
public static class SessionCookie
{
    /// <summary>Ticket property: when the user signed in (round-trip format, UTC).</summary>
    public const string StartedItem = "inspectready.session_started";

    /// <summary>The same instant as a claim of the request's principal, so an open page (circuit) sees it too.</summary>
    public const string StartedClaim = "inspectready:session_started";

    /// <summary>An open page calls this while its user is active; the cookie is renewed on each call.</summary>
    public const string KeepAlivePath = "/account/keepalive";

    /// <summary>Set on a request whose cookie principal was checked against the account already.</summary>
    public const string CheckedItem = "inspectready.account_checked";

    public static Task OnSigningInAsync(CookieSigningInContext ctx)
    {
        if (!ctx.Properties.Items.ContainsKey(StartedItem))
        {
            var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            ctx.Properties.Items[StartedItem] = now.ToString("O", CultureInfo.InvariantCulture);
        }
        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipalAsync(CookieValidatePrincipalContext ctx)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
        if (ctx.Principal is null)
        {
            return;
        }
        var services = ctx.HttpContext.RequestServices;
        var limits = services.GetRequiredService<EffectiveSessionLimits>();
        var (idle, absolute) = await limits.CurrentAsync(ctx.HttpContext.RequestAborted);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var started = Parse(ctx.Properties.Items.TryGetValue(StartedItem, out var s) ? s : null) ?? ctx.Properties.IssuedUtc ?? now;
        // The cookie's own sliding expiry follows the configured idle limit; a tighter policy limit is checked here
        // against the last renewal, and every request then renews the cookie so that renewal is the last activity.
        var tighterIdle = idle < limits.Configured.IdleTimeout;
        if (now - started >= absolute
            || (tighterIdle && ctx.Properties.IssuedUtc is { } issued && now - issued >= idle)
            || !await services.GetRequiredService<AccountCheck>().IsCurrentAsync(ctx.Principal, ctx.HttpContext.RequestAborted))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        ctx.HttpContext.Items[CheckedItem] = true;
        if (ctx.Principal.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == StartedClaim))
        {
            identity.AddClaim(new Claim(StartedClaim, started.ToString("O", CultureInfo.InvariantCulture)));
        }
        if (tighterIdle || ctx.HttpContext.Request.Path.StartsWithSegments(KeepAlivePath))
        {
            ctx.ShouldRenew = true;
        }
    }

    public static DateTimeOffset? StartedAt(ClaimsPrincipal principal) => Parse(principal.FindFirstValue(StartedClaim));

    private static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
