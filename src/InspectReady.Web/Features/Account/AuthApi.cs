using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Identity;
using InspectReady.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace InspectReady.Web.Features.Account;

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record MeResponse(Guid Id, string UserName, string? DisplayName, Guid? UnitId, IReadOnlyList<string> Roles, bool MustChangePassword,
    Guid? RegionId = null);

public static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("认证");
        group.MapPost("/token", IssueToken).AllowAnonymous()
            .WithSummary("用户名和密码换取访问令牌；5次失败后锁定15分钟（423）")
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked);
        group.MapPost("/password", ChangePassword).RequireAuthorization()
            .WithSummary("修改本人密码").Produces(StatusCodes.Status204NoContent).ProducesValidationProblem();
        app.MapGet("/api/v1/me", (HttpContext ctx, UserManager<AppUser> users) => Me(ctx, users))
            .RequireAuthorization().WithTags("认证").WithSummary("当前用户");
    }

    private static async Task<IResult> IssueToken(TokenRequest request, HttpContext ctx, SignInService signIn)
    {
        var outcome = await signIn.CheckAsync(request.UserName, request.Password, ctx.Connection.RemoteIpAddress?.ToString(), AuditActions.TokenIssued);
        return outcome.Kind switch
        {
            SignInOutcomeKind.Success => Results.SignIn(outcome.Principal!, authenticationScheme: IdentityConstants.BearerScheme),
            SignInOutcomeKind.LockedOut => Problems.Status(StatusCodes.Status423Locked, "账号已锁定", outcome.Message),
            _ => Problems.Status(StatusCodes.Status401Unauthorized, "登录失败", outcome.Message),
        };
    }

    private static async Task<IResult> ChangePassword(ChangePasswordRequest request, HttpContext ctx, PasswordService passwords)
    {
        var error = await passwords.ChangeOwnAsync(ctx.Scope(), request.CurrentPassword, request.NewPassword);
        return error is null ? Results.NoContent() : Problems.Validation("newPassword", error);
    }

    private static async Task<IResult> Me(HttpContext ctx, UserManager<AppUser> users)
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
