using InspectReady.Web.Features.Shared.Notifications;
using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Supervision;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace InspectReady.Web.Features.Supervision.Notices;

/// <summary>The campaign's 督办单 the actor may see (a unit only its own), and one of them.</summary>
public sealed class NoticeListHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public async Task<Outcome<IReadOnlyList<NoticeDto>>> NoticesAsync(UserScope actor, Guid campaignId, Guid? unitId = null, string? status = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = await CampaignAccess.LoadAsync(db, reach, campaignId);
        if (!campaign.IsOk)
        {
            return campaign.As<IReadOnlyList<NoticeDto>>();
        }
        if (unitId is { } u && !reach.SeesUnitOf(campaign.Value!, u))
        {
            await Visibility.DeniedAsync(db, actor, $"督办单 单位 {u}", "其他单位的督办单");
            return Outcome<IReadOnlyList<NoticeDto>>.NotFound();
        }
        var query = SupervisionAccess.Notices(db, reach).Where(n => n.CampaignId == campaignId);
        if (unitId is { } unit)
        {
            query = query.Where(n => n.UnitId == unit);
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(n => n.Status == status);
        }
        var notices = await query.Include(n => n.Items).OrderByDescending(n => n.No).ToListAsync();
        var names = await SupervisionViews.UnitNamesAsync(db);
        return Outcome<IReadOnlyList<NoticeDto>>.Ok([.. notices.Select(n => SupervisionViews.ToDto(n, names, clock.Today))]);
    }

    public async Task<Outcome<NoticeDto>> NoticeAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var notice = await SupervisionAccess.LoadAsync(db, await FilingReach.ResolveAsync(db, actor), id);
        return notice.IsOk ? Outcome<NoticeDto>.Ok(SupervisionViews.ToDto(notice.Value!, await SupervisionViews.UnitNamesAsync(db), clock.Today)) : notice.As<NoticeDto>();
    }
}
