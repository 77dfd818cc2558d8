using System.Security.Claims;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace InspectReady.Web.Features.Account;

public enum SignInOutcomeKind { Success, Invalid, LockedOut, Disabled }

public sealed record SignInOutcome(SignInOutcomeKind Kind, string Message, ClaimsPrincipal? Principal = null, AppUser? User = null);

/// <summary>
/// The one credential check behind the sign-in page and the token endpoint: lockout after five failures,
/// disabled accounts, and an audit entry for every attempt.
/// </summary>
public sealed class SignInService(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db)
{
    public const string LockedMessage = "连续5次登录失败，账号已锁定15分钟，请稍后再试或联系安全管理员解锁";

    public async Task<SignInOutcome> CheckAsync(string? userName, string? password, string? clientAddress, string action)
    {
        var name = userName?.Trim() ?? "";
        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        var actor = new UserScope(user?.Id, name.Length == 0 ? "(空)" : name, user?.UnitId, new HashSet<string>(), clientAddress);

        SignInOutcome outcome;
        if (user is null || string.IsNullOrEmpty(password))
        {
            outcome = new(SignInOutcomeKind.Invalid, "用户名或密码错误");
        }
        else if (user.IsDisabled)
        {
            outcome = new(SignInOutcomeKind.Disabled, "账号已停用，请联系系统管理员");
        }
        else if (await users.IsLockedOutAsync(user))
        {
            outcome = new(SignInOutcomeKind.LockedOut, LockedMessage);
        }
        else
        {
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            outcome = result.Succeeded
                ? new(SignInOutcomeKind.Success, "登录成功", await signIn.CreateUserPrincipalAsync(user), user)
                // The attempt that reaches the limit is still a wrong password; the next one meets the lock.
                : new(SignInOutcomeKind.Invalid, result.IsLockedOut ? "用户名或密码错误；" + LockedMessage : "用户名或密码错误");
        }

        db.Record(actor, action, name, outcome.Kind == SignInOutcomeKind.Success ? AuditResult.Success : AuditResult.Failure,
            outcome.Kind == SignInOutcomeKind.Success ? null : outcome.Message);
        await db.SaveChangesAsync();
        return outcome;
    }
}
