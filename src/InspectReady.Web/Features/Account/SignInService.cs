using System.Security.Claims;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace InspectReady.Web.Features.Account;

public enum SignInOutcomeKind
{
    Success,
    Invalid,
    LockedOut,
    Disabled,
    /// <summary>The password was right; the 动态口令 is owed (missing or wrong).</summary>
    SecondFactorRequired,
    /// <summary>The password was right; the account must use a 动态口令 and has not enrolled one yet.</summary>
    EnrolmentRequired,
}

public sealed record SignInOutcome(SignInOutcomeKind Kind, string Message, ClaimsPrincipal? Principal = null, AppUser? User = null);

/// <summary>
/// The one credential check behind the sign-in page and the token endpoint: the lockout of the security policy
/// (a wrong password or a wrong 动态口令 counts), disabled accounts, the second factor, and an audit entry for
/// every attempt.
/// </summary>
public sealed class SignInService(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecondFactor secondFactor,
    SecurityPolicyStore policies, AppDbContext db)
{
    public const string LockedMessage = "连续5次登录失败，账号已锁定15分钟，请稍后再试或联系安全管理员解锁";
    public const string SecondFactorTitle = "需要动态口令（双因素认证）";
    public const string EnrolFirst = "该账号须使用动态口令（双因素认证），请先在网页登录并用身份验证器扫码绑定";
    public const string CodeMissing = "请提供身份验证器上的6位动态口令（totp），或一个一次性恢复码";
    public const string CodeWrong = "动态口令或恢复码不正确";

    /// <param name="totp">
    /// The token endpoint passes what the client sent (null if none) and the second factor is checked here; the
    /// sign-in page passes <c>checkSecondFactor: false</c> and asks for it on the next page.
    /// </param>
    public async Task<SignInOutcome> CheckAsync(string? userName, string? password, string? clientAddress, string action,
        string? totp = null, bool checkSecondFactor = true)
    {
        var policy = await policies.CurrentAsync();
        await policies.ApplyLockoutAsync(users);
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
            outcome = new(SignInOutcomeKind.LockedOut, SecurityPolicyStore.LockedMessage(policy));
        }
        else
        {
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            if (!result.Succeeded)
            {
                // The attempt that reaches the limit is still a wrong password; the next one meets the lock.
                outcome = new(SignInOutcomeKind.Invalid, result.IsLockedOut ? "用户名或密码错误；" + SecurityPolicyStore.LockedMessage(policy) : "用户名或密码错误");
            }
            else if (!await secondFactor.RequiredAsync(user))
            {
                await users.ResetAccessFailedCountAsync(user);
                outcome = new(SignInOutcomeKind.Success, "登录成功", await signIn.CreateUserPrincipalAsync(user), user);
            }
            else if (!user.TwoFactorEnabled)
            {
                outcome = new(SignInOutcomeKind.EnrolmentRequired, EnrolFirst, User: user);
            }
            else if (!checkSecondFactor)
            {
                // Nothing is recorded yet: the sign-in is recorded when the second factor is given.
                return new(SignInOutcomeKind.SecondFactorRequired, CodeMissing, User: user);
            }
            else if (string.IsNullOrWhiteSpace(totp))
            {
                outcome = new(SignInOutcomeKind.SecondFactorRequired, CodeMissing, User: user);
            }
            else
            {
                outcome = await SecondFactorAsync(user, totp, policy);
            }
        }

        if (outcome.Kind == SignInOutcomeKind.EnrolmentRequired && !checkSecondFactor)
        {
            return outcome;
        }
        Record(actor, action, name, outcome);
        await db.SaveChangesAsync();
        return outcome;
    }

    /// <summary>The sign-in page's second step: the password was right a moment ago, now the code.</summary>
    public async Task<SignInOutcome> CompleteAsync(AppUser user, string? code, string? clientAddress)
    {
        var policy = await policies.CurrentAsync();
        await policies.ApplyLockoutAsync(users);
        var actor = new UserScope(user.Id, user.UserName!, user.UnitId, new HashSet<string>(), clientAddress);
        SignInOutcome outcome = user.IsDisabled ? new(SignInOutcomeKind.Disabled, "账号已停用，请联系系统管理员")
            : await users.IsLockedOutAsync(user) ? new(SignInOutcomeKind.LockedOut, SecurityPolicyStore.LockedMessage(policy))
            : await SecondFactorAsync(user, code, policy);
        Record(actor, AuditActions.SignIn, user.UserName, outcome);
        await db.SaveChangesAsync();
        return outcome;
    }

    /// <summary>Records a sign-in that ended with the enrolment of a second factor.</summary>
    public async Task RecordEnrolledAsync(AppUser user, string? clientAddress)
    {
        var actor = new UserScope(user.Id, user.UserName!, user.UnitId, new HashSet<string>(), clientAddress);
        db.Record(actor, AuditActions.SecondFactorEnabled, user.UserName, detail: $"已绑定身份验证器，生成恢复码{SecondFactor.RecoveryCodeCount}个");
        await db.SaveChangesAsync();
    }

    private async Task<SignInOutcome> SecondFactorAsync(AppUser user, string? code, SecurityPolicy policy)
    {
        var check = await secondFactor.VerifyAsync(user, code);
        if (check == SecondFactorCheck.Invalid)
        {
            await users.AccessFailedAsync(user);
            return new(SignInOutcomeKind.SecondFactorRequired,
                await users.IsLockedOutAsync(user) ? CodeWrong + "；" + SecurityPolicyStore.LockedMessage(policy) : CodeWrong, User: user);
        }
        await users.ResetAccessFailedCountAsync(user);
        return new(SignInOutcomeKind.Success, check == SecondFactorCheck.RecoveryCode ? "登录成功（使用了一个恢复码）" : "登录成功",
            await signIn.CreateUserPrincipalAsync(user), user);
    }

    private void Record(UserScope actor, string action, string? target, SignInOutcome outcome) =>
        db.Record(actor, action, target, outcome.Kind == SignInOutcomeKind.Success ? AuditResult.Success : AuditResult.Failure,
            outcome.Kind == SignInOutcomeKind.Success ? (outcome.Message == "登录成功" ? null : outcome.Message) : outcome.Message);
}
