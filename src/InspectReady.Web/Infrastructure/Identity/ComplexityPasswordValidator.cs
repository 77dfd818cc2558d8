using InspectReady.Web.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace InspectReady.Web.Infrastructure.Identity;

/// <summary>The password rule with the lengths and classes of the 安全管理员's policy.</summary>
public sealed class ComplexityPasswordValidator(SecurityPolicyStore policies) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var policy = await policies.CurrentAsync();
        var error = PasswordRules.Check(password, policy.PasswordMinLength, policy.PasswordMinClasses);
        if (error is null && password is not null && user.UserName is { Length: > 0 } name
            && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            error = "密码不得包含用户名";
        }
        return error is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordComplexity", Description = error });
    }
}

/// <summary>Identity's own messages are English; these are the ones users can meet.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已存在" };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效：只能包含字母、数字和 -._@" };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "原密码不正确" };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"密码至少{length}位" };
}
