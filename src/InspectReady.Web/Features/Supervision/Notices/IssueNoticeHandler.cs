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

/// <summary>The office issues a 督办单 to a lagging unit: items, deadline, the tasks it is about; the unit is notified.</summary>
public sealed class IssueNoticeHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public const int MaxItems = 50;

    public static bool CanIssue(UserScope actor) => actor.IsInRole(Roles.Office);

    public async Task<Outcome<NoticeDto>> IssueAsync(UserScope actor, Guid campaignId, NoticeRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = await CampaignAccess.LoadAsync(db, reach, campaignId);
        if (!campaign.IsOk)
        {
            return campaign.As<NoticeDto>();
        }
        if (!CampaignAccess.CanRun(reach, campaign.Value!.RegionId))
        {
            return await Visibility.ForbiddenAsync<NoticeDto>(db, actor, $"创建活动 {campaign.Value.Name} 下发督办单");
        }
        var errors = new List<FieldError>();
        var unit = request.UnitId is { } uid ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == uid) : null;
        if (unit is null)
        {
            errors.Add(new(null, "unitId", "被督办单位不存在"));
        }
        var title = request.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200)
        {
            errors.Add(new(null, "title", "督办事由标题不能为空，且不超过200字"));
        }
        if (request.Reason?.Trim() is { Length: > 2000 })
        {
            errors.Add(new(null, "reason", "督办说明不超过2000字"));
        }
        var items = (request.Items ?? []).Select(i => i?.Trim() ?? "").ToList();
        if (items.Count == 0 || items.Count > MaxItems)
        {
            errors.Add(new(null, "items", $"督办事项须有1至{MaxItems}项"));
        }
        foreach (var (text, i) in items.Select((t, i) => (t, i + 1)))
        {
            if (text.Length is 0 or > 1000)
            {
                errors.Add(new(i, "items", $"第{i}项督办事项不能为空，且不超过1000字"));
            }
        }
        if (request.Deadline is not { } deadline)
        {
            errors.Add(new(null, "deadline", "须给出整改期限"));
        }
        else if (deadline < clock.Today)
        {
            errors.Add(new(null, "deadline", "整改期限不能早于今天"));
        }
        var taskIds = (request.TaskIds ?? []).Distinct().ToList();
        if (taskIds.Count > 0 && unit is not null)
        {
            var known = await db.Tasks.Where(t => taskIds.Contains(t.Id) && t.CampaignId == campaignId && t.UnitId == unit.Id).Select(t => t.Id).ToListAsync();
            errors.AddRange(taskIds.Except(known).Select(t => new FieldError(null, "taskIds", $"任务{t}不是该单位在本创建活动中的任务")));
        }
        if (errors.Count > 0)
        {
            return Outcome<NoticeDto>.Invalid(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var no = (await db.SupervisionNotices.Where(n => n.CampaignId == campaignId).MaxAsync(n => (int?)n.No) ?? 0) + 1;
        var notice = new SupervisionNotice
        {
            CampaignId = campaignId, UnitId = unit!.Id, No = no, Title = title, Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            Deadline = request.Deadline!.Value, IssuedAt = clock.UtcNow, IssuedBy = actor.UserName, TaskIds = taskIds,
            Items = [.. items.Select((t, i) => new SupervisionItem { Index = i + 1, Text = t })],
        };
        db.SupervisionNotices.Add(notice);
        db.Record(actor, AuditActions.Create, $"督办单 {notice.Number} {unit.Name}", detail: $"{items.Count}项，期限{notice.Deadline:yyyy-MM-dd}");
        await SupervisionViews.NotifyAsync(db, clock.UtcNow, [Roles.UnitLiaison, Roles.UnitLeader], unit.Id, "收到督办单",
            $"{notice.Number}：{title}，请于{notice.Deadline:yyyy-MM-dd}前逐项答复整改情况", notice.Id);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<NoticeDto>.Ok(SupervisionViews.ToDto(notice, new Dictionary<Guid, string> { [unit.Id] = unit.Name }, clock.Today));
    }
}
