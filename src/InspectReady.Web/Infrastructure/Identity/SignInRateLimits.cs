using System.Globalization;
using System.Threading.RateLimiting;
using InspectReady.Web.Infrastructure.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace InspectReady.Web.Infrastructure.Identity;

/// <summary>
/// Per-client-address limits on sign-in (page and token) and password change, beside the account lockout: one
/// address guessing many accounts meets these, one account guessed from many addresses meets the lockout.
/// <c>Security:RateLimit:SignIn:PermitLimit</c>/<c>WindowSeconds</c> and <c>Security:RateLimit:PasswordChange:…</c>
/// set them; <c>Security:RateLimit:Enabled=false</c> lifts them (test hosts).
/// </summary>
public static class SignInRateLimits
{
    public const string SignIn = "sign-in";
    public const string PasswordChange = "password-change";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var enabled = configuration.GetValue("Security:RateLimit:Enabled", true);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignIn, ctx => Partition(ctx, configuration, "SignIn", enabled, permits: 10, seconds: 60));
            o.AddPolicy(PasswordChange, ctx => Partition(ctx, configuration, "PasswordChange", enabled, permits: 5, seconds: 60));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, ct) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.Status(StatusCodes.Status429TooManyRequests, "请求过于频繁",
                    $"来自本地址的登录或改密请求过多，请{seconds}秒后再试").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext ctx, IConfiguration configuration, string name, bool enabled,
        int permits, int seconds)
    {
        var address = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!enabled)
        {
            return RateLimitPartition.GetNoLimiter(address);
        }
        var limit = configuration.GetValue($"Security:RateLimit:{name}:PermitLimit", permits);
        var window = configuration.GetValue($"Security:RateLimit:{name}:WindowSeconds", seconds);
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromSeconds(window),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
