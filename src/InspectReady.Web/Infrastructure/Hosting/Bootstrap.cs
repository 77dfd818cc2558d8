using System.Security.Cryptography;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Infrastructure.Hosting;

/// <summary>Start-up work: migrations, roles, and the three administrators (三员) on an empty database.</summary>
public sealed class Bootstrap(IServiceProvider services, DataRoot root, IConfiguration configuration, ILogger<Bootstrap> log)
{
    public const string AdminUserName = "admin";
    public const string SecurityAdminUserName = "secadmin";
    public const string AuditAdminUserName = "auditadmin";
    public const string PasswordFileName = "initial-admin-password.txt";

    public async Task RunAsync(CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db, configuration, ct);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole(role));
            }
        }

        await EnsureBuiltInFrameworksAsync(db, ct);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var account in Accounts)
        {
            await EnsureAdministratorAsync(db, users, account, ct);
        }
    }

    /// <summary>One of the three administrators (三员分立) the product starts with.</summary>
    public sealed record BootstrapAccount(string UserName, string Role, string PasswordVariable, string PasswordFile);

    public static readonly IReadOnlyList<BootstrapAccount> Accounts =
    [
        new(AdminUserName, Roles.SystemAdmin, "INSPECTREADY_ADMIN_PASSWORD", PasswordFileName),
        new(SecurityAdminUserName, Roles.SecurityAdmin, "INSPECTREADY_SECADMIN_PASSWORD", "initial-secadmin-password.txt"),
        new(AuditAdminUserName, Roles.AuditAdmin, "INSPECTREADY_AUDITADMIN_PASSWORD", "initial-auditadmin-password.txt"),
    ];

    /// <summary>
    /// Created when no account holds the role yet and the name is free: on an empty database all three, on one from
    /// before the three administrators existed the missing ones.
    /// </summary>
    private async Task EnsureAdministratorAsync(AppDbContext db, UserManager<AppUser> users, BootstrapAccount account, CancellationToken ct)
    {
        if ((await users.GetUsersInRoleAsync(account.Role)).Count > 0 || await users.FindByNameAsync(account.UserName) is not null)
        {
            return;
        }
        var configured = configuration[account.PasswordVariable];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = account.UserName,
            DisplayName = account.Role,
            MustChangePassword = string.IsNullOrEmpty(configured),
            PasswordChangedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"无法创建初始{account.Role}：" + string.Join("；", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, account.Role);
        db.Record(UserScope.System("bootstrap"), AuditActions.UserCreated, account.UserName, AuditResult.Success,
            string.IsNullOrEmpty(configured)
                ? $"首次启动生成初始{account.Role}，密码须在首次登录时修改"
                : $"首次启动按 {account.PasswordVariable} 创建初始{account.Role}");
        await db.SaveChangesAsync(ct);

        if (string.IsNullOrEmpty(configured))
        {
            var file = root.Combine(account.PasswordFile);
            await File.WriteAllTextAsync(file, password + Environment.NewLine, ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            // Printed once, on purpose: the operator needs it to sign in the first time.
            Console.WriteLine($"初始{account.Role}账号：{account.UserName}  初始密码：{password}  （已写入 {file}，首次登录须修改）");
            log.LogWarning("Generated the initial password of {UserName}; it is in {File} and must be changed at first sign-in", account.UserName, file);
        }
    }

    private static async Task EnsureBuiltInFrameworksAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Frameworks.AnyAsync(f => f.Code == BuiltInFrameworks.Code2021, ct))
        {
            return;
        }
        var framework = BuiltInFrameworks.Load2021().ToFramework(builtIn: true);
        db.Frameworks.Add(framework);
        db.Record(UserScope.System("bootstrap"), AuditActions.Import, $"指标体系 {framework.Code}", detail: $"内置指标{framework.Indicators.Count()}项");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>16 characters (or more) from all four classes, so it always meets the policy.</summary>
    public static string GeneratePassword(int length = 16)
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!@#$%^&*-_+=?";
        var all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < Math.Max(16, length))
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }
        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
    }
}
