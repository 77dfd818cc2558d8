using InspectReady.Web.Infrastructure.Identity;

namespace InspectReady.Web.Infrastructure.Security;

/// <summary>A user with a generated or expired password reaches no page until it is changed.</summary>
public sealed class ForcedPasswordChange(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/account", "/api", "/_framework", "/_content", "/_blazor", "/css", "/js", "/lib", "/healthz", "/openapi", "/favicon"];

    public Task InvokeAsync(HttpContext ctx)
    {
        if (ctx.User.Identity?.IsAuthenticated == true && ctx.User.MustChangePasswordNow()
            && HttpMethods.IsGet(ctx.Request.Method) && !Allowed.Any(p => ctx.Request.Path.StartsWithSegments(p)))
        {
            ctx.Response.Redirect("/account/change-password?forced=1");
            return Task.CompletedTask;
        }
        return next(ctx);
    }
}
