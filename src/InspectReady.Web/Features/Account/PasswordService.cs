using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace InspectReady.Web.Features.Account;

public sealed class PasswordService(UserManager<AppUser> users, AppDbContext db)
{
    /// <summary>Returns null on success, else the reason in Chinese.</summary>
    public async Task<string?> ChangeOwnAsync(UserScope actor, string? current, string? next)
    {
        var user = actor.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null)
        {
            return "用户不存在";
        }
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next))
        {
            return "请填写原密码和新密码";
        }
        if (current == next)
        {
            return "新密码不能与原密码相同";
        }
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            db.Record(actor, AuditActions.PasswordChanged, user.UserName, AuditResult.Failure, Describe(result));
            await db.SaveChangesAsync();
            return Describe(result);
        }
        user.MustChangePassword = false;
        user.PasswordChangedAt = DateTime.UtcNow;
        await users.UpdateAsync(user);
        db.Record(actor, AuditActions.PasswordChanged, user.UserName);
        await db.SaveChangesAsync();
        return null;
    }

    public static string Describe(IdentityResult result) => string.Join("；", result.Errors.Select(e => e.Description));
}
