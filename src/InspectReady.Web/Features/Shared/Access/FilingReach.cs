using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Shared.Access;

/// <summary>
/// Whose filings the actor reads (ADR 0017), resolved once per operation. The 创建办 and 督查 read the campaigns of
/// their region and of the regions below it, whole (督查 only reads); a unit's 联络员 and 领导 read their own unit's
/// part; everybody else (系统管理员, 安全管理员, 审计管理员, 评查员, 考生) reads no filing at all.
/// </summary>
/// <param name="Regions">The regions whose campaigns the actor reads whole (office and inspector).</param>
/// <param name="Unit">The unit whose part the actor reads and works (liaison and leader).</param>
/// <param name="UnitAreas">The unit's region and those above it: the campaigns the unit takes part in.</param>
public sealed record FilingReach(UserScope Actor, Guid[] Regions, Guid? Unit, Guid[] UnitAreas)
{
    /// <summary>Roles that read a region's filings: 创建办 and 督查 (read only).</summary>
    public static bool ReadsRegion(UserScope actor) => actor.IsInAnyRole(Roles.Office, Roles.Inspector);

    /// <summary>Roles that read and work their own unit's filings: 联络员 and 领导.</summary>
    public static bool WorksForUnit(UserScope actor) => actor.UnitId is not null && actor.IsInAnyRole(Roles.UnitLiaison, Roles.UnitLeader);

    /// <summary>创建办 with a region: creates and runs campaigns, returns and approves filings, issues notices.</summary>
    public bool IsOffice => Actor.IsInRole(Roles.Office) && Regions.Length > 0;

    /// <summary>Reads but changes nothing (督查 without another role that works filings).</summary>
    public bool ReadOnly => !IsOffice && Unit is null;

    public bool ReadsNothing => Regions.Length == 0 && Unit is null;

    /// <summary>Whether the actor reads every unit's part of a campaign of this region.</summary>
    public bool ReadsWhole(Guid campaignRegion) => Regions.Contains(campaignRegion);

    /// <summary>For a campaign the actor sees: null when every unit's part is visible, else the one unit whose is.</summary>
    public Guid? ConfinedTo(Campaign campaign) => ReadsWhole(campaign.RegionId) ? null : Unit ?? Guid.Empty;

    public bool SeesUnitOf(Campaign campaign, Guid unitId) => ReadsWhole(campaign.RegionId) || Unit == unitId;

    public static async Task<FilingReach> ResolveAsync(AppDbContext db, UserScope actor, CancellationToken ct = default)
    {
        var readsRegion = ReadsRegion(actor) && actor.RegionId is not null;
        var unit = WorksForUnit(actor) ? actor.UnitId : null;
        if (!readsRegion && unit is null)
        {
            return new FilingReach(actor, [], null, []);
        }
        var tree = await RegionTree.LoadAsync(db, ct);
        var regions = readsRegion ? tree.SubtreeOf(actor.RegionId!.Value) : [];
        Guid[] areas = [];
        if (unit is { } u && await db.Units.Where(x => x.Id == u).Select(x => (Guid?)x.RegionId).FirstOrDefaultAsync(ct) is { } unitRegion)
        {
            areas = tree.AncestorsOf(unitRegion);
        }
        return new FilingReach(actor, regions, unit, areas);
    }
}
