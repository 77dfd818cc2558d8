using InspectReady.Web.Features.Shared.Notifications;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Campaigns;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Filing.EditTask;

/// <summary>One task as its editor opens it, and the assisting units' parts of a group.</summary>
public sealed class TaskDetailsHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public async Task<Outcome<TaskDetailDto>> GetAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await TaskViews.LoadVisibleAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<TaskDetailDto>();
        }
        var (_, task, campaign) = loaded.Value!;
        return Outcome<TaskDetailDto>.Ok(await TaskViews.DetailAsync(db, clock.Today, task, campaign));
    }

    /// <summary>Assisting units' filings for the same group, for the lead unit to compose the final one.</summary>
    public async Task<Outcome<IReadOnlyList<TaskDetailDto>>> PartsAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await TaskViews.LoadVisibleAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<IReadOnlyList<TaskDetailDto>>();
        }
        var (reach, task, campaign) = loaded.Value!;
        if (!TaskAccess.SeesParts(reach, campaign, task))
        {
            return await Visibility.ForbiddenAsync<IReadOnlyList<TaskDetailDto>>(db, actor, $"任务 {task.GroupLabel} 配合单位部分");
        }
        var parts = await db.Tasks.AsNoTracking().Include(t => t.Attachments)
            .Where(t => t.CampaignId == task.CampaignId && t.GroupKey == task.GroupKey && t.Id != task.Id && !t.IsLead && !t.Removed).ToListAsync();
        var result = new List<TaskDetailDto>();
        foreach (var part in parts)
        {
            result.Add(await TaskViews.DetailAsync(db, clock.Today, part, campaign));
        }
        return Outcome<IReadOnlyList<TaskDetailDto>>.Ok(result);
    }
}
