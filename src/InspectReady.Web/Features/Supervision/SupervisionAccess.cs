using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Supervision;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Supervision;

/// <summary>
/// Who sees and works which 督办单 (ADR 0017): the 创建办 and 督查 of the campaign's region see every unit's, and only
/// the 创建办 issues and closes them; a unit's 联络员 and 领导 see and answer their own unit's. Another unit's notice
/// answers 404; a notice of one's own unit the role may not answer, 403.
/// </summary>
public static class SupervisionAccess
{
    public static IQueryable<SupervisionNotice> Notices(AppDbContext db, FilingReach reach)
    {
        var regions = reach.Regions;
        var unit = reach.Unit;
        return db.SupervisionNotices.Where(n => db.Campaigns.Any(c => c.Id == n.CampaignId && regions.Contains(c.RegionId)) || (unit != null && n.UnitId == unit));
    }

    public static async Task<Outcome<SupervisionNotice>> LoadAsync(AppDbContext db, FilingReach reach, Guid id, bool tracked = false)
    {
        var query = Notices(db, reach).Include(n => n.Items);
        return await (tracked ? query : query.AsNoTracking()).LoadOr404Async(db, reach.Actor, n => n.Id == id, n => n.UnitId, $"督办单 {id}");
    }

    /// <summary>The unit's 联络员 or 领导 answers its own notice.</summary>
    public static bool CanAnswer(FilingReach reach, SupervisionNotice notice) =>
        reach.Unit == notice.UnitId && reach.Actor.IsInAnyRole(Roles.UnitLiaison, Roles.UnitLeader);
}
