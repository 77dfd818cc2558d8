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

/// <summary>Start-up work: migrations, roles, and the first administrator on an empty database.</summary>
public sealed class Bootstrap(IServiceProvider services, DataRoot root, IConfiguration configuration, ILogger<Bootstrap> log)
{
    public const string AdminUserName = "admin";
    public const string PasswordFileName = "initial-admin-password.txt";

    public async Task RunAsync(CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db, ct);

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
        if (await db.Users.AnyAsync(ct))
        {
            return;
        }
        var configured = configuration["INSPECTREADY_ADMIN_PASSWORD"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var admin = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = AdminUserName,
            DisplayName = "系统管理员",
            MustChangePassword = string.IsNullOrEmpty(configured),
            PasswordChangedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("无法创建初始管理员：" + string.Join("；", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(admin, Roles.SystemAdmin);
        db.Record(UserScope.System("bootstrap"), AuditActions.UserCreated, AdminUserName, AuditResult.Success,
            string.IsNullOrEmpty(configured) ? "首次启动生成初始管理员，密码须在首次登录时修改" : "首次启动按 INSPECTREADY_ADMIN_PASSWORD 创建初始管理员");
        await db.SaveChangesAsync(ct);

        if (string.IsNullOrEmpty(configured))
        {
            var file = root.Combine(PasswordFileName);
            await File.WriteAllTextAsync(file, password + Environment.NewLine, ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            // Printed once, on purpose: the operator needs it to sign in the first time.
            Console.WriteLine($"初始管理员账号：{AdminUserName}  初始密码：{password}  （已写入 {file}，首次登录须修改）");
            log.LogWarning("Generated the initial admin password; it is in {File} and must be changed at first sign-in", file);
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

    /// <summary>16 characters from all four classes, so it always meets the policy.</summary>
    public static string GeneratePassword()
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
        while (chars.Count < 16)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }
        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
    }
}
