using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Infrastructure.Identity;

/// <summary>
/// The 安全管理员's policy as it stands in the database (read per use, so every node applies a change at once),
/// and who must use a second factor: the three administrators unless <c>Security:RequireTotp</c> is false, the
/// roles in <c>Security:TotpRoles</c>, and the roles the policy adds.
/// </summary>
public sealed class SecurityPolicyStore(IDbContextFactory<AppDbContext> factory, IConfiguration configuration)
{
    public async Task<SecurityPolicy> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.SecurityPolicies.AsNoTracking().FirstOrDefaultAsync(ct) ?? new SecurityPolicy();
    }

    public bool AdministratorsRequireTotp => configuration.GetValue("Security:RequireTotp", true);

    /// <summary>Roles from configuration: a list (<c>Security:TotpRoles:0</c>) or one value separated by commas.</summary>
    public IReadOnlyList<string> ConfiguredTotpRoles
    {
        get
        {
            var section = configuration.GetSection("Security:TotpRoles");
            var values = section.Value is { } joined
                ? joined.Split([',', '，', '、', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : section.GetChildren().Select(c => c.Value).OfType<string>();
            return [.. values.Select(Roles.Parse).OfType<string>().Distinct()];
        }
    }

    public async Task<IReadOnlySet<string>> TotpRolesAsync(CancellationToken ct = default)
    {
        var policy = await CurrentAsync(ct);
        var roles = new HashSet<string>(ConfiguredTotpRoles.Concat(policy.TotpRoles));
        if (AdministratorsRequireTotp)
        {
            roles.UnionWith(Roles.Administrators);
        }
        return roles;
    }

    /// <summary>The lockout threshold and duration of the policy, for one scope's user manager.</summary>
    public async Task ApplyLockoutAsync(UserManager<AppUser> users, CancellationToken ct = default)
    {
        var policy = await CurrentAsync(ct);
        var o = users.Options;
        users.Options = new IdentityOptions
        {
            ClaimsIdentity = o.ClaimsIdentity,
            User = o.User,
            Password = o.Password,
            SignIn = o.SignIn,
            Tokens = o.Tokens,
            Stores = o.Stores,
            Lockout = new LockoutOptions
            {
                AllowedForNewUsers = o.Lockout.AllowedForNewUsers,
                MaxFailedAccessAttempts = policy.LockoutThreshold,
                DefaultLockoutTimeSpan = TimeSpan.FromMinutes(policy.LockoutMinutes),
            },
        };
    }

    public static string LockedMessage(SecurityPolicy policy) =>
        $"连续{policy.LockoutThreshold}次登录失败，账号已锁定{policy.LockoutMinutes}分钟，请稍后再试或联系安全管理员解锁";
}
