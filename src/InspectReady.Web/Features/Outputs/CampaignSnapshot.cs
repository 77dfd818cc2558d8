using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Outputs;

/// <summary>What every output reads: the campaign, its framework, and the tasks the user may see.</summary>
public sealed record CampaignSnapshot(Campaign Campaign, Framework Framework, IReadOnlyList<FilingTask> Tasks, IReadOnlyDictionary<Guid, string> UnitNames)
{
    public static async Task<CampaignSnapshot?> LoadAsync(AppDbContext db, UserScope actor, Guid campaignId, CancellationToken ct = default)
    {
        var reach = await FilingReach.ResolveAsync(db, actor, ct);
        var campaign = await CampaignAccess.Visible(db, reach).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            if (await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct))
            {
                await Visibility.DeniedAsync(db, actor, $"创建活动 {campaignId} 输出", "其他区划的创建活动，或角色不读取填报数据", ct);
            }
            return null;
        }
        var confined = reach.ConfinedTo(campaign);
        var framework = await db.Frameworks.AsNoTracking().Include(f => f.Nodes).AsSplitQuery().FirstAsync(f => f.Id == campaign.FrameworkId, ct);
        var tasks = await db.Tasks.AsNoTracking().Include(t => t.Attachments)
            .Where(t => t.CampaignId == campaignId && !t.Removed && (confined == null || t.UnitId == confined)).ToListAsync(ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new CampaignSnapshot(campaign, framework, tasks, names);
    }

    /// <summary>Tasks serving an indicator, lead units first.</summary>
    public IEnumerable<FilingTask> TasksOf(int no) =>
        Tasks.Where(t => t.IndicatorNos.Contains(no)).OrderByDescending(t => t.IsLead).ThenBy(t => UnitNames.GetValueOrDefault(t.UnitId), StringComparer.Ordinal);

    public string UnitName(FilingTask t) => UnitNames.GetValueOrDefault(t.UnitId) ?? t.UnitId.ToString();

    public IEnumerable<(FrameworkNode L1, FrameworkNode L2, FrameworkNode Indicator)> Outline()
    {
        foreach (var indicator in Framework.Indicators)
        {
            var ancestors = Framework.AncestorsOf(indicator);
            if (ancestors.Count >= 2)
            {
                yield return (ancestors[0], ancestors[1], indicator);
            }
        }
    }
}
