using InspectReady.Web.Data;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Identity;
using InspectReady.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace InspectReady.Web.Features.Account;

/// <summary>
/// Sign-in, sign-out and password change are plain form posts: cookies are set on an HTTP response, never
/// from an interactive circuit.
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimits.SignIn);
        group.MapPost("/totp", SecondStepAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimits.SignIn);
        group.MapPost("/logout", LogoutAsync);
        group.MapPost("/change-password", ChangePasswordAsync).RequireAuthorization().RequireRateLimiting(SignInRateLimits.PasswordChange);
    }

    private static async Task<IResult> LoginAsync([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext ctx, SignInService check, SignInManager<AppUser> signIn)
    {
        var outcome = await check.CheckAsync(userName, password, ctx.Connection.RemoteIpAddress?.ToString(), AuditActions.SignIn,
            checkSecondFactor: false);
        if (outcome.Kind is SignInOutcomeKind.SecondFactorRequired or SignInOutcomeKind.EnrolmentRequired)
        {
            var enrol = outcome.Kind == SignInOutcomeKind.EnrolmentRequired;
            await PendingSignIn.StartAsync(ctx, outcome.User!, enrol ? PendingSignIn.Enrol : PendingSignIn.Verify);
            return Results.LocalRedirect($"/account/{(enrol ? "totp/enrol" : "totp")}?returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
        }
        if (outcome.Kind != SignInOutcomeKind.Success)
        {
            var code = outcome.Kind switch
            {
                SignInOutcomeKind.LockedOut => "locked",
                SignInOutcomeKind.Disabled => "disabled",
                _ when outcome.Message.Contains("锁定", StringComparison.Ordinal) => "locked",
                _ => "invalid",
            };
            return Results.LocalRedirect($"/account/login?error={code}&userName={Uri.EscapeDataString(userName ?? "")}");
        }
        return await SignedInAsync(signIn, outcome.User!, returnUrl);
    }

    /// <summary>The second step of a sign-in: the 动态口令 or a recovery code after the right password.</summary>
    private static async Task<IResult> SecondStepAsync([FromForm] string? code, [FromForm] string? returnUrl, HttpContext ctx,
        SignInService check, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        var user = await PendingSignIn.ReadAsync(ctx, users, PendingSignIn.Verify);
        if (user is null)
        {
            return Results.LocalRedirect("/account/login?error=pending");
        }
        var outcome = await check.CompleteAsync(user, code, ctx.Connection.RemoteIpAddress?.ToString());
        if (outcome.Kind != SignInOutcomeKind.Success)
        {
            if (outcome.Kind != SignInOutcomeKind.SecondFactorRequired || await users.IsLockedOutAsync(user))
            {
                await PendingSignIn.EndAsync(ctx);
                return Results.LocalRedirect("/account/login?error=locked");
            }
            return Results.LocalRedirect($"/account/totp?error=1&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
        }
        await PendingSignIn.EndAsync(ctx);
        return await SignedInAsync(signIn, user, returnUrl);
    }

    private static async Task<IResult> SignedInAsync(SignInManager<AppUser> signIn, AppUser user, string? returnUrl)
    {
        await signIn.SignInAsync(user, isPersistent: false);
        if (PasswordExpiry.MustChange(user, DateTime.UtcNow))
        {
            return Results.LocalRedirect("/account/change-password?forced=1");
        }
        return Results.LocalRedirect(SafeReturn(returnUrl));
    }

    private static async Task<IResult> LogoutAsync([FromQuery] string? reason, HttpContext ctx, SignInManager<AppUser> signIn, AppDbContext db)
    {
        if (ctx.User.Identity?.IsAuthenticated == true)
        {
            db.Record(ctx.Scope(), AuditActions.SignOut, ctx.User.Identity.Name);
            await db.SaveChangesAsync();
        }
        await signIn.SignOutAsync();
        // An open page signs out at the idle limit (js/session.js); the sign-in page then says so.
        return Results.LocalRedirect(reason == "idle" ? "/account/login?error=idle" : "/account/login");
    }

    private static async Task<IResult> ChangePasswordAsync([FromForm] string? currentPassword, [FromForm] string? newPassword,
        [FromForm] string? confirmPassword, HttpContext ctx, PasswordService passwords, SignInManager<AppUser> signIn,
        UserManager<AppUser> users)
    {
        var error = newPassword != confirmPassword ? "两次输入的新密码不一致" : null;
        error ??= (await passwords.ChangeOwnAsync(ctx.Scope(), currentPassword, newPassword))?.Message;
        if (error is not null)
        {
            return Results.LocalRedirect($"/account/change-password?error={Uri.EscapeDataString(error)}");
        }
        var user = await users.GetUserAsync(ctx.User);
        if (user is not null)
        {
            await signIn.RefreshSignInAsync(user);
        }
        return Results.LocalRedirect("/?passwordChanged=1");
    }

    public static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
