using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Identity;
using InspectReady.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace InspectReady.Web.Features.Account;

/// <param name="Totp">The 动态口令 from the authenticator app, or a recovery code, for accounts that use one.</param>
public sealed record TokenRequest(string? UserName, string? Password, string? Totp = null);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record MeResponse(Guid Id, string UserName, string? DisplayName, Guid? UnitId, IReadOnlyList<string> Roles, bool MustChangePassword,
    Guid? RegionId = null)
{
    /// <summary>Chinese labels of <see cref="Roles"/> (codes), in the same order.</summary>
    public IReadOnlyList<string> RoleLabels => Domain.Access.Roles.Labels(Roles);
}

public static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("认证");
        group.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimits.SignIn)
            .WithSummary("用户名、密码（及动态口令 totp 或恢复码）换取访问令牌；缺少或错误的动态口令 → 401；连续失败达安全策略阈值后锁定（423）；同一地址请求过多 → 429")
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization().RequireRateLimiting(SignInRateLimits.PasswordChange)
            .WithSummary("修改本人密码；原密码错误计入登录失败次数").Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapGet("/api/v1/me", (HttpContext ctx, UserManager<AppUser> users) => MeAsync(ctx, users))
            .RequireAuthorization().WithTags("认证").WithSummary("当前用户");
    }

    private static async Task<IResult> IssueTokenAsync(TokenRequest request, HttpContext ctx, SignInService signIn)
    {
        var outcome = await signIn.CheckAsync(request.UserName, request.Password, ctx.Connection.RemoteIpAddress?.ToString(), AuditActions.TokenIssued,
            request.Totp);
        return outcome.Kind switch
        {
            SignInOutcomeKind.Success => Results.SignIn(outcome.Principal!, authenticationScheme: IdentityConstants.BearerScheme),
            SignInOutcomeKind.LockedOut => Problems.Status(StatusCodes.Status423Locked, "账号已锁定", outcome.Message),
            SignInOutcomeKind.SecondFactorRequired or SignInOutcomeKind.EnrolmentRequired =>
                Problems.Status(StatusCodes.Status401Unauthorized, SignInService.SecondFactorTitle, outcome.Message),
            _ => Problems.Status(StatusCodes.Status401Unauthorized, "登录失败", outcome.Message),
        };
    }

    private static async Task<IResult> ChangePasswordAsync(ChangePasswordRequest request, HttpContext ctx, PasswordService passwords)
    {
        var error = await passwords.ChangeOwnAsync(ctx.Scope(), request.CurrentPassword, request.NewPassword);
        return error is null ? Results.NoContent()
            : error.Field == "currentPassword" && error.LockedOut ? Problems.Status(StatusCodes.Status423Locked, "账号已锁定", error.Message)
            : Problems.Validation(error.Field, error.Message);
    }

    private static async Task<IResult> MeAsync(HttpContext ctx, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(ctx.User);
        if (user is null)
        {
            return Problems.NotFound("用户");
        }
        var roles = await users.GetRolesAsync(user);
        return Results.Ok(new MeResponse(user.Id, user.UserName!, user.DisplayName, user.UnitId, [.. roles], PasswordExpiry.MustChange(user, DateTime.UtcNow), user.RegionId));
    }
}
