using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace InspectReady.Web.Infrastructure.Identity;

public enum SecondFactorCheck { Authenticator, RecoveryCode, Invalid }

/// <summary>What an authenticator app needs to enrol: the key, the otpauth:// address and its QR code as SVG.</summary>
public sealed record TotpEnrolment(string Key, string FormattedKey, string Uri, string QrSvg);

/// <summary>
/// 动态口令 (TOTP, RFC 6238) through Identity's authenticator token provider, with ten one-time recovery codes
/// (ADR 0015). Who must use it: <see cref="SecurityPolicyStore.TotpRolesAsync"/>, and whoever enrolled.
/// </summary>
public sealed class SecondFactor(UserManager<AppUser> users, SecurityPolicyStore policies)
{
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "InspectReady";

    public async Task<bool> RequiredAsync(AppUser user)
    {
        if (user.TwoFactorEnabled)
        {
            return true;
        }
        var required = await policies.TotpRolesAsync();
        return (await users.GetRolesAsync(user)).Any(required.Contains);
    }

    /// <summary>A six-digit code from the app, or one of the recovery codes (used up by this check).</summary>
    public async Task<SecondFactorCheck> VerifyAsync(AppUser user, string? code)
    {
        var value = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (value.Length == 0)
        {
            return SecondFactorCheck.Invalid;
        }
        if (value.Length == 6 && value.All(char.IsAsciiDigit))
        {
            return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, value)
                ? SecondFactorCheck.Authenticator
                : SecondFactorCheck.Invalid;
        }
        return (await users.RedeemTwoFactorRecoveryCodeAsync(user, value.ToUpperInvariant())).Succeeded
            ? SecondFactorCheck.RecoveryCode
            : SecondFactorCheck.Invalid;
    }

    /// <summary>The key being enrolled; a new one unless one is pending (so a reload shows the same QR code).</summary>
    public async Task<TotpEnrolment> EnrolmentAsync(AppUser user)
    {
        var key = user.TwoFactorEnabled ? null : await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var uri = $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(user.UserName!)}"
            + $"?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5);
        return new TotpEnrolment(key!, Format(key!), uri, svg);
    }

    /// <summary>Turns the second factor on when the code matches the pending key; the recovery codes, else null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(AppUser user, string? code)
    {
        var value = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (user.TwoFactorEnabled || value.Length != 6
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, value))
        {
            return null;
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
    }

    private static string Format(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}

/// <summary>
/// Between a right password and the second factor the browser holds only Identity's short-lived two-factor
/// cookie, naming the user and what is still owed: the code, or the enrolment.
/// </summary>
public static class PendingSignIn
{
    public const string Verify = "totp";
    public const string Enrol = "enrol";
    private const string StageClaim = "inspectready:stage";

    public static Task StartAsync(HttpContext ctx, AppUser user, string stage) =>
        ctx.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Id.ToString()),
            new Claim(StageClaim, stage),
        ], IdentityConstants.TwoFactorUserIdScheme)));

    /// <summary>
    /// The user owing the given stage, or null when there is none, it expired (five minutes) or the account was
    /// disabled. Not bound to the security stamp: enrolling a key changes it.
    /// </summary>
    public static async Task<AppUser?> ReadAsync(HttpContext ctx, UserManager<AppUser> users, string stage)
    {
        var result = await ctx.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!result.Succeeded || result.Principal.FindFirstValue(StageClaim) != stage)
        {
            return null;
        }
        var user = await users.FindByIdAsync(result.Principal.FindFirstValue(ClaimTypes.Name) ?? "");
        return user is { IsDisabled: false } ? user : null;
    }

    public static Task EndAsync(HttpContext ctx) => ctx.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
}
