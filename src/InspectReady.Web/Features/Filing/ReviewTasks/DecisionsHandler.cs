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

namespace InspectReady.Web.Features.Filing.ReviewTasks;

/// <summary>
/// The decisions on a filing: the unit leader signs off or sends back, the office approves, returns (one or many at
/// once) or reopens an approved filing.
/// </summary>
public sealed class DecisionsHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock, TaskMoves moves)
{
    public async Task<Outcome<TaskDetailDto>> SignOffAsync(UserScope actor, Guid id) =>
        await DecideAsync(actor, id, (r, _, t) => TaskAccess.CanSignOff(r, t), async (db, task) =>
        {
            task.SignOff(clock.UtcNow);
            var number = await db.TaskVersions.CountAsync(v => v.TaskId == task.Id) + 1;
            db.TaskVersions.Add(new TaskVersion
            {
                TaskId = task.Id, Number = number, SignedOffBy = actor.UserName, Statement = task.Statement, Links = [.. task.Links],
                Lists = task.Lists.ToDictionary(kv => kv.Key, kv => kv.Value.Select(r => new Dictionary<string, string>(r)).ToList()),
                NotApplicable = task.NotApplicable, NotApplicableReason = task.NotApplicableReason,
                Attachments = [.. task.Attachments.Select(a => $"{a.Sha256} {a.FileName}")],
            });
        }, null, (Roles.Office, null, "有单位报送了迎检材料"));

    public Task<Outcome<TaskDetailDto>> SendBackAsync(UserScope actor, Guid id, DecisionRequest request) =>
        DecideAsync(actor, id, (r, _, t) => TaskAccess.CanSignOff(r, t), (_, task) => { task.SendBack(); return Task.CompletedTask; }, request, (Roles.UnitLiaison, null, "单位领导退回了迎检材料"),
            requireReason: true);

    public Task<Outcome<TaskDetailDto>> ReturnAsync(UserScope actor, Guid id, DecisionRequest request) =>
        DecideAsync(actor, id, (r, c, _) => TaskAccess.CanDecide(r, c), (_, task) => { task.Return(request.NewDeadline!.Value, actor.UserName); return Task.CompletedTask; },
            request, (Roles.UnitLiaison, null, "创建办退回了迎检材料"), requireReason: true, requireDeadline: true);

    public Task<Outcome<TaskDetailDto>> ApproveAsync(UserScope actor, Guid id) =>
        DecideAsync(actor, id, (r, c, _) => TaskAccess.CanDecide(r, c), (_, task) => { task.Approve(actor.UserName); return Task.CompletedTask; }, null,
            (Roles.UnitLiaison, null, "迎检材料已审核通过"));

    public Task<Outcome<TaskDetailDto>> ReopenAsync(UserScope actor, Guid id, DecisionRequest request) =>
        DecideAsync(actor, id, (r, c, _) => TaskAccess.CanDecide(r, c), (_, task) => { task.Reopen(request.NewDeadline!.Value, actor.UserName); return Task.CompletedTask; },
            request, (Roles.UnitLiaison, null, "创建办重新打开了已通过的迎检材料"), requireReason: true, requireDeadline: true);

    /// <summary>The office approves or returns many filings at once; each is decided on its own.</summary>
    /// <summary>The office's batch decisions on its review queue; any other role is refused outright (audited).</summary>
    public async Task<Outcome<BatchResultDto>> BatchAsync(UserScope actor, BatchRequest request, bool approve)
    {
        if (!actor.IsInRole(Roles.Office))
        {
            await using var db = await factory.CreateDbContextAsync();
            return await Visibility.ForbiddenAsync<BatchResultDto>(db, actor, approve ? "批量通过" : "批量退回");
        }
        var done = new List<Guid>();
        var refused = new Dictionary<Guid, string>();
        foreach (var id in request.TaskIds ?? [])
        {
            var outcome = approve
                ? await ApproveAsync(actor, id)
                : await ReturnAsync(actor, id, new DecisionRequest(request.Reason, null, request.NewDeadline));
            if (outcome.IsOk)
            {
                done.Add(id);
            }
            else
            {
                refused[id] = outcome.Kind == OutcomeKind.NotFound ? "任务不存在" : outcome.Kind == OutcomeKind.Forbidden ? "无权操作" : outcome.Message;
            }
        }
        return Outcome<BatchResultDto>.Ok(new BatchResultDto(done, refused));
    }

    private async Task<Outcome<TaskDetailDto>> DecideAsync(UserScope actor, Guid id, Func<FilingReach, Campaign, FilingTask, bool> allowed,
        Func<AppDbContext, FilingTask, Task> move, DecisionRequest? request, (string Role, Guid? Unit, string Title) notify,
        bool requireReason = false, bool requireDeadline = false)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await TaskViews.LoadVisibleAsync(db, actor, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<TaskDetailDto>();
        }
        var (reach, task, campaign) = loaded.Value!;
        if (!allowed(reach, campaign, task))
        {
            return await Visibility.ForbiddenAsync<TaskDetailDto>(db, actor, $"任务 {task.GroupLabel}");
        }
        var errors = new List<FieldError>();
        if (requireReason && string.IsNullOrWhiteSpace(request?.Reason) && (request?.ItemReasons is not { Count: > 0 }))
        {
            errors.Add(new(null, "reason", "退回须说明理由（总体或逐项）"));
        }
        if (requireDeadline && request?.NewDeadline is not { } deadline)
        {
            errors.Add(new(null, "newDeadline", "退回须给出新的报送期限"));
        }
        else if (requireDeadline && request!.NewDeadline < clock.Today)
        {
            errors.Add(new(null, "newDeadline", "新的报送期限不能早于今天"));
        }
        if (errors.Count > 0)
        {
            return Outcome<TaskDetailDto>.Invalid(errors);
        }
        return await moves.MoveAsync(db, actor, task, campaign, t => move(db, t), request, notify);
    }
}
