using System.Security.Claims;
using InspectReady.Web.Data;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InspectReady.Web.Infrastructure.Security;

/// <summary>
/// Whether a signed-in principal (cookie, bearer token or open page) still matches its account: the account
/// exists and is enabled, its security stamp is unchanged (a reset or changed password), and its unit and roles
/// are those the principal was issued with. Unit and roles are compared as well as the stamp, so a change ends the
/// session even where a code path forgot to renew the stamp.
/// </summary>
public sealed class AccountCheck(AppDbContext db, IOptions<IdentityOptions> identity)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (!Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var id))
        {
            return false;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.IsDisabled, u.SecurityStamp, u.UnitId }).FirstOrDefaultAsync(ct);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (user is null || user.IsDisabled || stamp is null || stamp != user.SecurityStamp)
        {
            return false;
        }
        var unit = Guid.TryParse(principal.FindFirstValue(AppClaims.UnitId), out var u) ? u : (Guid?)null;
        if (unit != user.UnitId)
        {
            return false;
        }
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == id
                           select r.Name!).ToListAsync(ct);
        return roles.ToHashSet(StringComparer.Ordinal)
            .SetEquals(principal.FindAll(claims.RoleClaimType).Select(c => c.Value));
    }
}
