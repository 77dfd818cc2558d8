using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace InspectReady.Web.Features.Surveys;

/// <summary>
/// The public response endpoint's limit per client address (fingerprint-free: the address is counted in memory and
/// never stored with the answers). <c>Security:RateLimit:Survey:PermitLimit</c>/<c>WindowSeconds</c> set it (default
/// 20 a minute: a household or a service hall's shared address still answers); <c>Security:RateLimit:Survey:Enabled</c>
/// switches it on its own, defaulting to <c>Security:RateLimit:Enabled</c>, so a test host that lifts the sign-in
/// limits can still prove this one. The rejection (429) is the sign-in limiter's <c>OnRejected</c>.
/// </summary>
public static class SurveyRateLimits
{
    public const string Responses = "survey-responses";

    public static IServiceCollection AddSurveyRateLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, configuration) => o.AddPolicy(Responses, ctx =>
        {
            var address = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var enabled = configuration.GetValue("Security:RateLimit:Survey:Enabled", configuration.GetValue("Security:RateLimit:Enabled", true));
            if (!enabled)
            {
                return RateLimitPartition.GetNoLimiter(address);
            }
            var limit = configuration.GetValue("Security:RateLimit:Survey:PermitLimit", 20);
            var window = configuration.GetValue("Security:RateLimit:Survey:WindowSeconds", 60);
            return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit, Window = TimeSpan.FromSeconds(window), QueueLimit = 0, AutoReplenishment = true,
            });
        }));
        return services;
    }
}
