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

namespace InspectReady.Web.Features.Supervision.Accountability;

/// <summary>约谈, 通报 and 追责 recorded against units: the office records, a unit sees its own, the leader is told.</summary>
public sealed class AccountabilityHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public async Task<Outcome<IReadOnlyList<AccountabilityDto>>> RecordsAsync(UserScope actor, Guid campaignId, Guid? unitId = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = await CampaignAccess.LoadAsync(db, reach, campaignId);
        if (!campaign.IsOk)
        {
            return campaign.As<IReadOnlyList<AccountabilityDto>>();
        }
        if (unitId is { } u && !reach.SeesUnitOf(campaign.Value!, u))
        {
            await Visibility.DeniedAsync(db, actor, $"问责记录 单位 {u}", "其他单位的问责记录");
            return Outcome<IReadOnlyList<AccountabilityDto>>.NotFound();
        }
        var query = db.AccountabilityRecords.AsNoTracking().Where(r => r.CampaignId == campaignId);
        if (reach.ConfinedTo(campaign.Value!) is { } confined)
        {
            query = query.Where(r => r.UnitId == confined);
        }
        if (unitId is { } unit)
        {
            query = query.Where(r => r.UnitId == unit);
        }
        var records = await query.OrderByDescending(r => r.Date).ThenByDescending(r => r.CreatedAt).ToListAsync();
        return Outcome<IReadOnlyList<AccountabilityDto>>.Ok(await SupervisionViews.RecordDtosAsync(db, records));
    }

    public async Task<Outcome<AccountabilityDto>> RecordAsync(UserScope actor, Guid campaignId, AccountabilityRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = await CampaignAccess.LoadAsync(db, reach, campaignId);
        if (!campaign.IsOk)
        {
            return campaign.As<AccountabilityDto>();
        }
        if (!CampaignAccess.CanRun(reach, campaign.Value!.RegionId))
        {
            return await Visibility.ForbiddenAsync<AccountabilityDto>(db, actor, $"创建活动 {campaign.Value.Name} 登记问责");
        }
        var errors = new List<FieldError>();
        var unit = request.UnitId is { } uid ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == uid) : null;
        if (unit is null)
        {
            errors.Add(new(null, "unitId", "单位不存在"));
        }
        var kind = AccountabilityKinds.Parse(request.Kind);
        if (kind is null)
        {
            errors.Add(new(null, "kind", $"问责方式只能是：{AccountabilityKinds.Codes.Describe()}"));
        }
        if (request.Date is not { } date)
        {
            errors.Add(new(null, "date", "须填写日期"));
        }
        else if (date > clock.Today)
        {
            errors.Add(new(null, "date", "日期不能晚于今天"));
        }
        var reason = request.Reason?.Trim() ?? "";
        var decision = request.Decision?.Trim() ?? "";
        if (reason.Length is 0 or > 2000)
        {
            errors.Add(new(null, "reason", "事由不能为空，且不超过2000字"));
        }
        if (decision.Length is 0 or > 2000)
        {
            errors.Add(new(null, "decision", "处理决定不能为空，且不超过2000字"));
        }
        if (request.NoticeId is { } nid && unit is not null
            && !await db.SupervisionNotices.AnyAsync(n => n.Id == nid && n.CampaignId == campaignId && n.UnitId == unit.Id))
        {
            errors.Add(new(null, "noticeId", "督办单不存在，或不是对该单位下发的"));
        }
        if (errors.Count > 0)
        {
            return Outcome<AccountabilityDto>.Invalid(errors);
        }
        var record = new AccountabilityRecord
        {
            CampaignId = campaignId, UnitId = unit!.Id, Kind = kind!, Date = request.Date!.Value, Reason = reason, Decision = decision,
            NoticeId = request.NoticeId, CreatedAt = clock.UtcNow, CreatedBy = actor.UserName,
        };
        db.AccountabilityRecords.Add(record);
        db.Record(actor, AuditActions.Create, $"问责记录 {AccountabilityKinds.Label(record.Kind)} {unit.Name}", detail: $"{record.Date:yyyy-MM-dd}");
        await SupervisionViews.NotifyAsync(db, clock.UtcNow, [Roles.UnitLeader], unit.Id, $"本单位被{AccountabilityKinds.Label(record.Kind)}", $"{record.Date:yyyy-MM-dd}：{reason}；处理决定：{decision}", null);
        await db.SaveChangesAsync();
        return Outcome<AccountabilityDto>.Ok((await SupervisionViews.RecordDtosAsync(db, [record]))[0]);
    }
}
