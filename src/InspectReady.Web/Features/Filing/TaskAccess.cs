using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Filing;

/// <summary>
/// Who sees and changes which filing tasks, with their attachments, lists, versions and comments (ADR 0017). The
/// 创建办 and 督查 of the campaign's region (or a region above it) see every unit's task; a unit's 联络员 and 领导 see
/// their own unit's, and a unit named first as lead also sees its assisting units' parts of the group. A unit that
/// is in a group entry (区直各有关行政执法部门) is nobody's lead. Another unit's task answers 404; a task of one's own
/// unit the role may not touch answers 403.
/// </summary>
public static class TaskAccess
{
    /// <summary>Every task the actor may open.</summary>
    public static IQueryable<FilingTask> Visible(AppDbContext db, FilingReach reach)
    {
        var regions = reach.Regions;
        var unit = reach.Unit;
        return db.Tasks.Where(t => db.Campaigns.Any(c => c.Id == t.CampaignId && regions.Contains(c.RegionId))
            || (unit != null && (t.UnitId == unit
                || (!t.IsLead && db.Tasks.Any(l => l.CampaignId == t.CampaignId && l.GroupKey == t.GroupKey && l.UnitId == unit && l.IsLead)))));
    }

    /// <summary>The tasks the actor's lists show: a unit's own only (its assisting units' parts are read through the lead's task).</summary>
    public static IQueryable<FilingTask> Listed(AppDbContext db, FilingReach reach)
    {
        var regions = reach.Regions;
        var unit = reach.Unit;
        return db.Tasks.Where(t => db.Campaigns.Any(c => c.Id == t.CampaignId && regions.Contains(c.RegionId)) || (unit != null && t.UnitId == unit));
    }

    /// <summary>
    /// <see cref="Listed"/> within one campaign the actor already sees: the whole campaign when it lies in the actor's
    /// regions, else the actor's own unit's tasks. The same rows as <c>Listed(...).Where(t =&gt; t.CampaignId == id)</c>,
    /// without a campaign lookup per task row, so a queue reads its slice through the (campaign, state) index.
    /// </summary>
    public static IQueryable<FilingTask> ListedIn(AppDbContext db, FilingReach reach, Campaign campaign)
    {
        if (reach.ReadsWhole(campaign.RegionId))
        {
            return db.Tasks.Where(t => t.CampaignId == campaign.Id);
        }
        var unit = reach.Unit;
        return db.Tasks.Where(t => t.CampaignId == campaign.Id && unit != null && t.UnitId == unit);
    }

    /// <summary>The task through <see cref="Visible"/>, or 404 (403 for a task of the actor's own unit), a denial audited.</summary>
    public static async Task<Outcome<FilingTask>> LoadAsync(AppDbContext db, FilingReach reach, Guid id, bool tracked = false)
    {
        var query = Visible(db, reach).Include(t => t.Attachments);
        return await (tracked ? query : query.AsNoTracking()).LoadOr404Async(db, reach.Actor, t => t.Id == id, t => t.UnitId, $"任务 {id}");
    }

    /// <summary>联络员 of the task's unit: edits the draft, uploads and deletes attachments, submits.</summary>
    public static bool CanFile(FilingReach reach, FilingTask task) => reach.Actor.IsInRole(Roles.UnitLiaison) && reach.Unit == task.UnitId;

    /// <summary>领导 of the task's unit: signs off or sends back.</summary>
    public static bool CanSignOff(FilingReach reach, FilingTask task) => reach.Actor.IsInRole(Roles.UnitLeader) && reach.Unit == task.UnitId;

    /// <summary>创建办 of the region: returns, approves, reopens.</summary>
    public static bool CanDecide(FilingReach reach, Campaign campaign) => reach.IsOffice && reach.ReadsWhole(campaign.RegionId);

    /// <summary>Whoever may open the task and is not read-only (督查 only reads).</summary>
    public static bool CanComment(FilingReach reach, Campaign campaign, FilingTask task) =>
        CanDecide(reach, campaign) || (reach.Unit is { } unit && (unit == task.UnitId || !task.IsLead));

    /// <summary>The lead's view of its assisting units' parts: the lead unit's users and whoever reads the campaign whole.</summary>
    public static bool SeesParts(FilingReach reach, Campaign campaign, FilingTask task) =>
        reach.ReadsWhole(campaign.RegionId) || (task.IsLead && reach.Unit == task.UnitId);
}
