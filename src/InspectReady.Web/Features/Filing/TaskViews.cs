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

/// <summary>Reading one task through its access policy, and the task's views shared by the filing use cases.</summary>
internal static class TaskViews
{
    internal sealed record LoadedTask(FilingReach Reach, FilingTask Task, Campaign Campaign);

    /// <summary>The task and its campaign through <see cref="TaskAccess"/>: 404 for another unit's, 403 for the own unit's the role may not open.</summary>
    internal static async Task<Outcome<LoadedTask>> LoadVisibleAsync(AppDbContext db, UserScope actor, Guid id, bool tracked = false)
    {
        var reach = await FilingReach.ResolveAsync(db, actor);
        var task = await TaskAccess.LoadAsync(db, reach, id, tracked);
        if (!task.IsOk)
        {
            return task.As<LoadedTask>();
        }
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == task.Value!.CampaignId);
        return Outcome<LoadedTask>.Ok(new LoadedTask(reach, task.Value!, campaign));
    }

    internal static async Task<IReadOnlyList<MaterialItem>> ChecklistAsync(AppDbContext db, Campaign campaign, FilingTask task)
    {
        var node = await db.FrameworkNodes.AsNoTracking().FirstOrDefaultAsync(n => n.FrameworkId == campaign.FrameworkId && n.No == task.IndicatorNos[0]);
        return node?.MaterialItems ?? [];
    }

    /// <summary>The task as its editor shows it: checklist, rules still broken, attachments, history.</summary>
    internal static async Task<TaskDetailDto> DetailAsync(AppDbContext db, DateOnly today, FilingTask task, Campaign campaign)
    {
        var checklist = await ChecklistAsync(db, campaign, task);
        var nodes = await db.FrameworkNodes.AsNoTracking().Where(n => n.FrameworkId == campaign.FrameworkId && n.No != null && task.IndicatorNos.Contains(n.No.Value)).ToListAsync();
        var methods = nodes.ToDictionary(n => n.No!.Value, n => (IReadOnlyList<string>)n.Methods);
        var unitName = await db.Units.Where(u => u.Id == task.UnitId).Select(u => u.Name).FirstOrDefaultAsync();
        var history = await db.TaskTransitions.AsNoTracking().Where(t => t.TaskId == task.Id).OrderBy(t => t.Id)
            .Select(t => new TransitionDto(t.From, t.To, t.At, t.UserName, t.Reason, t.ItemReasons, t.NewDeadline)).ToListAsync();
        return new TaskDetailDto(
            ToDto(task, unitName, methods, today),
            [.. nodes.OrderBy(n => n.No).Select(n => $"{n.No}. {n.Text}")],
            [.. checklist.Select(i =>
            {
                var (from, to) = MaterialWindow.Of(i, campaign.CutoffDate);
                return new ChecklistItemDto(i.Index, i.Text, i.Kind.Code(),
                    i.Count is { } c ? $"{ChecklistLabels.Of(c.Relation)}{c.Count}{c.Unit}" : null, from, to,
                    [.. i.RequiredFields.Select(ChecklistLabels.Of)], ListTemplates.For(i));
            })],
            task.Statement, StatementLength.Count(task.Statement), task.Links, task.Lists, task.NotApplicable, task.NotApplicableReason, task.DraftVersion,
            [.. task.Attachments.OrderBy(a => a.UploadedAt).Select(AttachmentsHandler.ToDto)],
            FilingValidator.Validate(task, checklist, campaign.CutoffDate), FilingValidator.Warnings(task), history);
    }

    internal static TaskDto ToDto(FilingTask t, string? unitName, IReadOnlyDictionary<int, IReadOnlyList<string>> methods, DateOnly today) =>
        new(t.Id, t.CampaignId, t.UnitId, unitName, t.IndicatorNos, t.GroupKey, t.IsLead, t.Status, t.Deadline, t.IsOverdue(today), t.SubmittedAt,
            t.Reviewer, t.ReturnCount, t.Removed, MethodsOf(t.IndicatorNos, methods));

    internal static TaskDto ToDto(TaskRow t, IReadOnlyDictionary<int, IReadOnlyList<string>> methods, DateOnly today) =>
        new(t.Id, t.CampaignId, t.UnitId, t.UnitName, t.IndicatorNos, t.GroupKey, t.IsLead, t.Status, t.Deadline,
            FilingTask.Overdue(t.Status, t.Deadline, today), t.SubmittedAt, t.Reviewer, t.ReturnCount, t.Removed, MethodsOf(t.IndicatorNos, methods));

    private static List<string> MethodsOf(IEnumerable<int> numbers, IReadOnlyDictionary<int, IReadOnlyList<string>> methods) =>
        [.. numbers.SelectMany(n => methods.GetValueOrDefault(n) ?? []).Distinct()];
}

/// <summary>The columns of a task a list shows: statements, lists and links stay in the database.</summary>
internal sealed record TaskRow(Guid Id, Guid CampaignId, Guid UnitId, string? UnitName, List<int> IndicatorNos, string GroupKey, bool IsLead,
    string Status, DateOnly Deadline, DateTime? SubmittedAt, string? Reviewer, int ReturnCount, bool Removed);
