namespace InspectReady.Web.Domain.Access;

/// <summary>
/// 安全策略: the rules the 安全管理员 sets (password, lockout, session lifetimes, who needs a second factor).
/// One row; its absence means the defaults below.
/// </summary>
public sealed class SecurityPolicy
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public int PasswordMinLength { get; set; } = PasswordRules.MinLength;
    /// <summary>How many of upper case, lower case, digits and symbols a password needs.</summary>
    public int PasswordMinClasses { get; set; } = 3;
    public int LockoutThreshold { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int SessionIdleMinutes { get; set; } = 30;
    public int SessionAbsoluteHours { get; set; } = 8;
    /// <summary>Roles that need a second factor besides the three administrators (e.g. 创建办).</summary>
    public List<string> TotpRoles { get; set; } = [];
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public string? UpdatedBy { get; set; }

    /// <summary>The reasons the values are outside what 等保2.0 三级 allows, empty when they are acceptable.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (PasswordMinLength is < PasswordRules.MinLength or > 64)
        {
            problems.Add(("passwordMinLength", $"密码最小长度须在{PasswordRules.MinLength}至64位之间"));
        }
        if (PasswordMinClasses is < 3 or > 4)
        {
            problems.Add(("passwordMinClasses", "密码须包含的字符类别数须为3或4"));
        }
        if (LockoutThreshold is < 3 or > 10)
        {
            problems.Add(("lockoutThreshold", "锁定阈值须在3至10次之间"));
        }
        if (LockoutMinutes is < 5 or > 1440)
        {
            problems.Add(("lockoutMinutes", "锁定时长须在5至1440分钟之间"));
        }
        if (SessionIdleMinutes is < 5 or > 120)
        {
            problems.Add(("sessionIdleMinutes", "会话空闲超时须在5至120分钟之间"));
        }
        if (SessionAbsoluteHours is < 1 or > 24)
        {
            problems.Add(("sessionAbsoluteHours", "会话最长时长须在1至24小时之间"));
        }
        foreach (var role in TotpRoles.Where(r => !Roles.IsValid(r)))
        {
            problems.Add(("totpRoles", $"角色“{role}”不存在，可选：{Roles.Codes.Describe()}"));
        }
        return problems;
    }
}
