using System.Security.Claims;
using InspectReady.Web.Data;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InspectReady.Web.Infrastructure.Security;

/// <summary>
/// Bearer tokens are self-contained, so every API call checks that the account is still enabled and its
/// security stamp unchanged (a disabled user or a reset password ends existing tokens at once), and that a
/// generated or expired password has been changed before anything else is done.
/// </summary>
public sealed class ApiSessionGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext ctx, AppDbContext db, IOptions<IdentityOptions> identity)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api") || ctx.User.Identity?.IsAuthenticated != true)
        {
            await next(ctx);
            return;
        }
        var id = Guid.TryParse(ctx.User.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : Guid.Empty;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.IsDisabled, u.SecurityStamp }).FirstOrDefaultAsync(ctx.RequestAborted);
        var stamp = ctx.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (user is null || user.IsDisabled || (stamp is not null && stamp != user.SecurityStamp))
        {
            await Problems.Status(StatusCodes.Status401Unauthorized, "登录已失效", "账号已停用或密码已重置，请重新登录").ExecuteAsync(ctx);
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
