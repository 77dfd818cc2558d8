using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Shared.Access;

/// <summary>
/// Who sees and runs which campaigns (ADR 0017): the 创建办 and 督查 see the campaigns of their region and the regions
/// below it; a unit's 联络员 and 领导 see the campaigns of their unit's region and those above it; nobody else sees
/// any. Only the 创建办 creates and runs a campaign, and only in its own region or below.
/// </summary>
public static class CampaignAccess
{
    public static IQueryable<Campaign> Visible(AppDbContext db, FilingReach reach)
    {
        var regions = reach.Regions;
        var areas = reach.UnitAreas;
        return db.Campaigns.Where(c => regions.Contains(c.RegionId) || areas.Contains(c.RegionId));
    }

    /// <summary>The campaign, or 404 when it does not exist or lies outside the actor's reach (that denial audited).</summary>
    public static async Task<Outcome<Campaign>> LoadAsync(AppDbContext db, FilingReach reach, Guid id, bool tracked = false)
    {
        var query = Visible(db, reach);
        var found = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id);
        if (found is not null)
        {
            return Outcome<Campaign>.Ok(found);
        }
        if (await db.Campaigns.AnyAsync(c => c.Id == id))
        {
            await Visibility.DeniedAsync(db, reach.Actor, $"创建活动 {id}", "其他区划的创建活动，或角色不读取填报数据");
        }
        return Outcome<Campaign>.NotFound();
    }

    /// <summary>
    /// The campaign for a change by its office: 404 outside the actor's reach, 403 (audited) when the actor may read
    /// but not run it.
    /// </summary>
    public static async Task<Outcome<Campaign>> LoadToRunAsync(AppDbContext db, UserScope actor, Guid id)
    {
        var reach = await FilingReach.ResolveAsync(db, actor);
        var loaded = await LoadAsync(db, reach, id, tracked: true);
        if (loaded.IsOk && !CanRun(reach, loaded.Value!.RegionId))
        {
            return await Visibility.ForbiddenAsync<Campaign>(db, actor, $"创建活动 {loaded.Value.Name}");
        }
        return loaded;
    }

    /// <summary>创建办 only, in a region of its own.</summary>
    public static bool CanRun(FilingReach reach, Guid campaignRegion) => reach.IsOffice && reach.ReadsWhole(campaignRegion);
}
