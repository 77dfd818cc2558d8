using InspectReady.Web.Data;
using InspectReady.Web.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Shared.Access;

/// <summary>An account's region (ADR 0017): its unit's when it has a unit, otherwise the one set for it.</summary>
public static class AccountRegion
{
    /// <summary>
    /// The unit's region; else the requested region (which must exist); else the account's current region; else the
    /// only top-level region when there is exactly one. A region that contradicts the unit's is an error.
    /// </summary>
    public static async Task<Guid?> ResolveAsync(AppDbContext db, Guid? unitId, Guid? requested, Guid? current, List<FieldError> errors)
    {
        if (unitId is { } u)
        {
            var unitRegion = await db.Units.Where(x => x.Id == u).Select(x => (Guid?)x.RegionId).FirstOrDefaultAsync();
            if (requested is { } r && unitRegion is { } ur && r != ur)
            {
                errors.Add(new(null, "regionId", "有所属单位的账号，所属区划即该单位的区划"));
            }
            return unitRegion;
        }
        if (requested is { } region)
        {
            if (!await db.Regions.AnyAsync(x => x.Id == region))
            {
                errors.Add(new(null, "regionId", "所属区划不存在"));
            }
            return region;
        }
        if (current is not null)
        {
            return current;
        }
        var roots = await db.Regions.Where(x => x.ParentId == null).Select(x => x.Id).Take(2).ToListAsync();
        return roots.Count == 1 ? roots[0] : null;
    }
}
