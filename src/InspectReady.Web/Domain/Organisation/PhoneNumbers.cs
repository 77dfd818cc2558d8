using System.Text.RegularExpressions;

namespace InspectReady.Web.Domain.Organisation;

public static partial class PhoneNumbers
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$")]
    private static partial Regex LandlinePattern();

    public static bool IsMobile(string? value) => value is not null && MobilePattern().IsMatch(value.Trim());

    public static bool IsLandline(string? value) => value is not null && LandlinePattern().IsMatch(value.Trim());

    /// <summary>Masked by default (138****1234); revealing the full number is audited.</summary>
    public static string? Mask(string? mobile) =>
        mobile is { Length: 11 } m ? $"{m[..3]}****{m[7..]}" : mobile;
}
