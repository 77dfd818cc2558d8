using System.Security.Claims;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Identity;

namespace InspectReady.Web.Infrastructure.Security;

/// <summary>
/// Bearer tokens are self-contained, so every API call checks that the account still matches the token
/// (<see cref="AccountCheck"/>: enabled, same security stamp, unit and roles; a disabled user, a reset password or a
/// changed unit or role ends existing tokens at once), and that a generated or expired password has been changed
/// before anything else is done.
/// </summary>
public sealed class ApiSessionGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext ctx, AccountCheck account)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api") || ctx.User.Identity?.IsAuthenticated != true)
        {
            await next(ctx);
            return;
        }
        // A cookie was checked when it was read (SessionCookie); a bearer token is checked here.
        if (!ctx.Items.ContainsKey(SessionCookie.CheckedItem) && !await account.IsCurrentAsync(ctx.User, ctx.RequestAborted))
        {
            await Problems.Status(StatusCodes.Status401Unauthorized, "登录已失效", "账号已停用、密码已重置或单位、角色已变更，请重新登录").ExecuteAsync(ctx);
            return;
        }
        if (ctx.User.MustChangePasswordNow() && !ctx.Request.Path.StartsWithSegments("/api/v1/auth")
            && !ctx.Request.Path.StartsWithSegments("/api/v1/me"))
        {
            await Problems.Forbidden("必须先修改初始密码或已过期的密码（POST /api/v1/auth/password）").ExecuteAsync(ctx);
            return;
        }
        await next(ctx);
    }
}

public static class HttpScope
{
    public static Domain.Access.UserScope Scope(this HttpContext ctx) =>
        ctx.User.ToScope(ctx.Connection.RemoteIpAddress?.ToString());
}
