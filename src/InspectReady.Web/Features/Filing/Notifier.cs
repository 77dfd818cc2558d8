using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Filing;

/// <summary>Who must act next: the enabled users with a role, in a unit when one is given.</summary>
internal static class Notifier
{
    /// <param name="regions">When given, only accounts of these regions (an office hears of the campaigns it sees).</param>
    public static async Task<IReadOnlyList<Guid>> RecipientsAsync(AppDbContext db, string role, Guid? unitId, Guid[]? regions = null) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == role && !u.IsDisabled && (unitId == null || u.UnitId == unitId)
                   && (regions == null || (u.RegionId != null && regions.Contains(u.RegionId.Value)))
               select u.Id).Distinct().ToListAsync();
}
