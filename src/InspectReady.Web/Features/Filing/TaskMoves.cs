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

namespace InspectReady.Web.Features.Filing;

/// <summary>
/// The filing workflow's one way to move a task: 草稿 → 待单位审核 → 已报送 → 退回 ↔ … → 已通过. The transition, its history
/// row, the notice to whoever acts next and the audit record are saved together, guarded by the task's row version.
/// </summary>
public sealed class TaskMoves(IChinaClock clock)
{
    public async Task<Outcome<TaskDetailDto>> MoveAsync(AppDbContext db, UserScope actor, FilingTask task, Campaign campaign, Func<FilingTask, Task> move,
        DecisionRequest? request, (string Role, Guid? Unit, string Title) notify)
    {
        var from = task.Status;
        try
        {
            // Awaited, never blocked on: a page's circuit on PostgreSQL deadlocked on the blocking call.
            await move(task);
        }
        catch (WorkflowException e)
        {
            return Outcome<TaskDetailDto>.Conflict(e.Message);
        }
        db.TaskTransitions.Add(new TaskTransition
        {
            TaskId = task.Id, From = from, To = task.Status, UserName = actor.UserName, At = clock.UtcNow,
            Reason = request?.Reason?.Trim(), ItemReasons = request?.ItemReasons ?? [], NewDeadline = request?.NewDeadline,
        });
        var unitName = await db.Units.Where(u => u.Id == task.UnitId).Select(u => u.Name).FirstOrDefaultAsync();
        var officeRegions = notify.Role == Roles.Office ? (await RegionTree.LoadAsync(db)).AncestorsOf(campaign.RegionId) : null;
        Notifier.Send(db, new NotifyMessage(notify.Title, $"{unitName} {task.GroupLabel}：{FilingStatus.Label(from)} → {FilingStatus.Label(task.Status)}" + (request?.Reason is { Length: > 0 } r ? $"（{r}）" : ""),
                $"/tasks/{task.Id}", clock.UtcNow),
            await Notifier.RecipientsAsync(db, notify.Role, notify.Role == Roles.Office ? null : task.UnitId, officeRegions));
        db.Record(actor, AuditActions.Update, $"任务 {unitName} {task.GroupLabel}", detail: $"{FilingStatus.Label(from)} → {FilingStatus.Label(task.Status)}");
        // The row version read with the task must still be current: of two moves at the same moment (approve and
        // return, sign-off and an upload) the second writes nothing and answers 409.
        if (!await db.TrySaveChangesAsync())
        {
            return Outcome<TaskDetailDto>.Conflict($"任务 {task.GroupLabel}：{Concurrency.Message}");
        }
        return Outcome<TaskDetailDto>.Ok(await TaskViews.DetailAsync(db, clock.Today, task, campaign));
    }
}
