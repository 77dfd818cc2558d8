using System.Security.Claims;
using InspectReady.Web.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InspectReady.Web.Infrastructure.Identity;

public static class AppClaims
{
    public const string UnitId = "inspectready:unit";
    public const string RegionId = "inspectready:region";
    public const string MustChangePassword = "inspectready:must_change_password";
    public const string DisplayName = "inspectready:display_name";

    public static UserScope ToScope(this ClaimsPrincipal principal, string? clientAddress)
    {
        var id = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : (Guid?)null;
        var unit = Guid.TryParse(principal.FindFirstValue(UnitId), out var u) ? u : (Guid?)null;
        var region = Guid.TryParse(principal.FindFirstValue(RegionId), out var r) ? r : (Guid?)null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new UserScope(id, principal.Identity?.Name ?? "anonymous", unit, roles, clientAddress, region);
    }

    public static bool MustChangePasswordNow(this ClaimsPrincipal principal) =>
        principal.HasClaim(MustChangePassword, "true");
}

/// <summary>Carries the unit and the forced-change flag in the principal, for cookies and bearer tokens alike.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.UnitId is { } unit)
        {
            identity.AddClaim(new Claim(AppClaims.UnitId, unit.ToString()));
        }
        if (user.RegionId is { } region)
        {
            identity.AddClaim(new Claim(AppClaims.RegionId, region.ToString()));
        }
        if (PasswordExpiry.MustChange(user, DateTime.UtcNow))
        {
            identity.AddClaim(new Claim(AppClaims.MustChangePassword, "true"));
        }
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName ?? user.UserName ?? ""));
        return identity;
    }
}

public static class PasswordExpiry
{
    public static bool MustChange(AppUser user, DateTime now) =>
        user.MustChangePassword
        || (user.PasswordChangedAt is { } changed && changed.AddDays(PasswordRules.MaxAgeDays) < now);
}
