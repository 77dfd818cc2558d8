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

/// <summary>The office closes an answered 督办单 with its remark; the unit is told.</summary>
public sealed class CloseNoticeHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public async Task<Outcome<NoticeDto>> CloseAsync(UserScope actor, Guid id, CloseNoticeRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var loaded = await SupervisionAccess.LoadAsync(db, reach, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<NoticeDto>();
        }
        var notice = loaded.Value!;
        if (!reach.IsOffice)
        {
            return await Visibility.ForbiddenAsync<NoticeDto>(db, actor, $"督办单 {notice.Number} 办结");
        }
        if (request.Remark?.Trim() is { Length: > 2000 })
        {
            return Outcome<NoticeDto>.Invalid("remark", "办结意见不超过2000字");
        }
        try
        {
            notice.Close(actor.UserName, string.IsNullOrWhiteSpace(request.Remark) ? null : request.Remark.Trim(), clock.UtcNow);
        }
        catch (SupervisionException e)
        {
            return Outcome<NoticeDto>.Conflict(e.Message);
        }
        db.Record(actor, AuditActions.Update, $"督办单 {notice.Number} 办结");
        await SupervisionViews.NotifyAsync(db, clock.UtcNow, [Roles.UnitLiaison, Roles.UnitLeader], notice.UnitId, "督办单已办结", $"{notice.Number}：{notice.Title}", notice.Id);
        if (!await db.TrySaveChangesAsync())
        {
            return Outcome<NoticeDto>.Conflict($"督办单 {notice.Number}：{Concurrency.Message}");
        }
        return Outcome<NoticeDto>.Ok(SupervisionViews.ToDto(notice, await SupervisionViews.UnitNamesAsync(db), clock.Today));
    }
}
