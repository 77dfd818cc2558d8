using System.Net;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InspectReady.Web.Infrastructure.Security;

/// <summary>Sessions, antiforgery on cookie API calls and the proxies whose forwarded headers are believed.</summary>
public static class SessionSetup
{
    public static IServiceCollection AddSessionSecurity(this IServiceCollection services)
    {
        services.AddOptions<SessionLimits>().BindConfiguration(SessionLimits.Section)
            .Validate(l => l.IdleTimeoutMinutes > 0 && l.AbsoluteLifetimeHours > 0 && l.RevalidationIntervalSeconds > 0,
                "Security:IdleTimeoutMinutes、AbsoluteLifetimeHours、RevalidationIntervalSeconds 必须大于 0")
            .ValidateOnStart();
        services.AddScoped<AccountCheck>();
        services.AddSingleton<EffectiveSessionLimits>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionLimits>>((o, limits) =>
            {
                // 等保: idle sessions end (30 minutes by default); the absolute lifetime is checked on every request.
                o.ExpireTimeSpan = limits.Value.IdleTimeout;
                o.SlidingExpiration = true;
                o.Events.OnSigningIn = SessionCookie.OnSigningInAsync;
                o.Events.OnValidatePrincipal = SessionCookie.OnValidatePrincipalAsync;
            });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddAntiforgery(o => o.HeaderName = CookieApiAntiforgery.HeaderName);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>(TrustConfiguredProxies);
        return services;
    }

    /// <summary>
    /// X-Forwarded-For and -Proto are believed only from the addresses in <c>ForwardedHeaders:KnownProxies</c>
    /// (a list, or one comma-separated value); from anyone else they are ignored. With no proxy listed nobody is
    /// believed (<see cref="UseTrustedForwardedHeaders"/>): the middleware itself would believe everyone.
    /// </summary>
    private static void TrustConfiguredProxies(ForwardedHeadersOptions o, IConfiguration configuration)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.KnownIPNetworks.Clear();
        o.KnownProxies.Clear();
        var section = configuration.GetSection("ForwardedHeaders:KnownProxies");
        var values = section.Value is { Length: > 0 } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        foreach (var value in values.Select(v => v.Trim()).Where(v => v.Length > 0))
        {
            o.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies 中的“{value}”不是 IP 地址"));
        }
    }

    /// <summary>Forwarded headers when <c>ForwardedHeaders:Enabled</c> and at least one proxy is listed.</summary>
    public static void UseTrustedForwardedHeaders(this WebApplication app)
    {
        if (!app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            return;
        }
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count == 0)
        {
            app.Logger.LogWarning("ForwardedHeaders:Enabled 为 true 但未配置 ForwardedHeaders:KnownProxies，转发头将被忽略");
            return;
        }
        app.UseForwardedHeaders();
    }

    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SessionCookie.KeepAlivePath, () => Results.NoContent()).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/api/v1/auth/antiforgery", (HttpContext ctx, IAntiforgery antiforgery) =>
                Results.Ok(new AntiforgeryTokenDto(CookieApiAntiforgery.HeaderName, antiforgery.GetAndStoreTokens(ctx).RequestToken!)))
            .RequireAuthorization()
            .WithTags("认证")
            .WithSummary("取得防伪令牌：以登录 Cookie 调用修改类接口时放在请求头中");
    }
}

public sealed record AntiforgeryTokenDto(string HeaderName, string Token);
