using InspectReady.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Antiforgery;

namespace InspectReady.Web.Infrastructure.Security;

/// <summary>
/// A browser sends the sign-in cookie with any request, also one another site makes it send, so an unsafe API call
/// authenticated by the cookie must carry the antiforgery token in the <see cref="HeaderName"/> header (from
/// <c>GET /api/v1/auth/antiforgery</c>). A bearer token is never sent by the browser on its own, so bearer calls
/// need none; nor do anonymous calls such as the token endpoint. The token is taken from the header only, so a
/// large upload is refused before its body is read.
/// </summary>
public sealed class CookieApiAntiforgery(RequestDelegate next)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    /// <summary>Anonymous endpoints (the public survey) that never act on the signed-in user's behalf.</summary>
    public const string PublicPrefix = "/api/v1/public";

    public async Task InvokeAsync(HttpContext ctx, IAntiforgery antiforgery)
    {
        // The public survey path acts for nobody (it ignores the caller's identity), so a sign-in cookie sent with it is not used.
        if (ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Path.StartsWithSegments(PublicPrefix) && !IsSafe(ctx.Request.Method)
            && ctx.User.Identity?.IsAuthenticated == true && !IdentityBearer(ctx))
        {
            var valid = ctx.Request.Headers.ContainsKey(HeaderName);
            if (valid)
            {
                try
                {
                    await antiforgery.ValidateRequestAsync(ctx);
                }
                catch (AntiforgeryValidationException)
                {
                    valid = false;
                }
            }
            if (!valid)
            {
                await Problems.Status(StatusCodes.Status403Forbidden, "缺少防伪令牌",
                    $"以登录 Cookie 调用的修改类接口须在请求头 {HeaderName} 中携带防伪令牌（GET /api/v1/auth/antiforgery 获取），或改用令牌（Bearer）调用")
                    .ExecuteAsync(ctx);
                return;
            }
        }
        await next(ctx);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    // The same test the CookieOrBearer policy scheme uses to pick the bearer handler.
    private static bool IdentityBearer(HttpContext ctx) =>
        ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
