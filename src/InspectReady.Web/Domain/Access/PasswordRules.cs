namespace InspectReady.Web.Domain.Access;

/// <summary>等保2.0: at least 8 characters with at least three of upper case, lower case, digits and symbols.</summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxAgeDays = 90;

    public static string? Check(string? password) => Check(password, MinLength, 3);

    /// <summary>The same rule with the lengths and classes of the 安全管理员's policy.</summary>
    public static string? Check(string? password, int minLength, int minClasses)
    {
        if (string.IsNullOrEmpty(password) || password.Length < minLength)
        {
            return $"密码至少{minLength}位";
        }
        var classes = 0;
        if (password.Any(char.IsUpper)) classes++;
        if (password.Any(char.IsLower)) classes++;
        if (password.Any(char.IsDigit)) classes++;
        if (password.Any(c => !char.IsLetterOrDigit(c))) classes++;
        return classes >= minClasses ? null
            : minClasses >= 4 ? "密码须同时包含大写字母、小写字母、数字和符号" : "密码须包含大写字母、小写字母、数字、符号中的至少三类";
    }
}
