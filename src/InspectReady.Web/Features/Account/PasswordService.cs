using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace InspectReady.Web.Features.Account;

/// <summary>Why a password change was refused, and whether the account is now locked.</summary>
public sealed record PasswordChangeError(string Field, string Message, bool LockedOut = false)
{
    public override string ToString() => Message;
}

public sealed class PasswordService(UserManager<AppUser> users, SecurityPolicyStore policies, AppDbContext db, IChinaClock clock)
{
    /// <summary>
    /// Null on success, else the reason in Chinese. A wrong current password counts towards the lockout like a
    /// wrong password at sign-in, so a stolen session cannot be used to guess it.
    /// </summary>
    public async Task<PasswordChangeError?> ChangeOwnAsync(UserScope actor, string? current, string? next)
    {
        var user = actor.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null)
        {
            return new("currentPassword", "用户不存在");
        }
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next))
        {
            return new("newPassword", "请填写原密码和新密码");
        }
        var policy = await policies.CurrentAsync();
        await policies.ApplyLockoutAsync(users);
        if (await users.IsLockedOutAsync(user))
        {
            return await RefusedAsync(actor, user, new("currentPassword", SecurityPolicyStore.LockedMessage(policy), LockedOut: true));
        }
        if (!await users.CheckPasswordAsync(user, current))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            return await RefusedAsync(actor, user, new("currentPassword",
                locked ? "原密码不正确；" + SecurityPolicyStore.LockedMessage(policy) : "原密码不正确", locked));
        }
        if (current == next)
        {
            return new("newPassword", "新密码不能与原密码相同");
        }
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            return await RefusedAsync(actor, user, new("newPassword", Describe(result)));
        }
        await users.ResetAccessFailedCountAsync(user);
        user.MustChangePassword = false;
        user.PasswordChangedAt = clock.UtcNow;
        await users.UpdateAsync(user);
        db.Record(actor, AuditActions.PasswordChanged, user.UserName);
        await db.SaveChangesAsync();
        return null;
    }

    private async Task<PasswordChangeError> RefusedAsync(UserScope actor, AppUser user, PasswordChangeError error)
    {
        db.Record(actor, AuditActions.PasswordChanged, user.UserName, AuditResult.Failure, error.Message);
        await db.SaveChangesAsync();
        return error;
    }

    public static string Describe(IdentityResult result) => string.Join("；", result.Errors.Select(e => e.Description));
}
