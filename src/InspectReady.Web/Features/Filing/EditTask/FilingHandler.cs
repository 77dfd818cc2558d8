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

/// <summary>The liaison's filing: saving the draft (optimistic, by draft version) and submitting it to the unit's leader.</summary>
public sealed class FilingHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock, TaskMoves moves)
{
    public async Task<Outcome<TaskDetailDto>> SaveDraftAsync(UserScope actor, Guid id, DraftRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await TaskViews.LoadVisibleAsync(db, actor, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<TaskDetailDto>();
        }
        var (reach, task, campaign) = loaded.Value!;
        if (!TaskAccess.CanFile(reach, task))
        {
            return await Visibility.ForbiddenAsync<TaskDetailDto>(db, actor, $"任务 {task.GroupLabel}");
        }
        if (!FilingStatus.IsEditable(task.Status))
        {
            return Outcome<TaskDetailDto>.Conflict($"任务状态为“{FilingStatus.Label(task.Status)}”，不能修改");
        }
        if (request.Version is { } expected && expected != task.DraftVersion)
        {
            return Outcome<TaskDetailDto>.Conflict($"该草稿已被{task.DraftSavedBy}于{(task.DraftSavedAt is { } savedAt ? ChinaTime.Minutes(savedAt) : "")}修改，请刷新后再保存，以免覆盖对方的内容");
        }
        var checklist = await TaskViews.ChecklistAsync(db, campaign, task);
        var errors = new List<FieldError>();
        var lists = request.Lists ?? [];
        foreach (var index in lists.Keys.Where(k => checklist.All(c => c.Index != k || ListTemplates.For(c) is null)))
        {
            errors.Add(new(null, "lists", $"第{index}项材料不要求填写清单"));
        }
        if (StatementLength.Count(request.Statement) > StatementLength.Maximum * 4)
        {
            errors.Add(new(null, "statement", "情况说明过长"));
        }
        if (errors.Count > 0)
        {
            return Outcome<TaskDetailDto>.Invalid(errors);
        }
        task.Statement = request.Statement;
        task.Links = [.. (request.Links ?? []).Select(l => l.Trim()).Where(l => l.Length > 0)];
        task.Lists = lists.ToDictionary(kv => kv.Key, kv => kv.Value.Select(r => r.ToDictionary(c => c.Key, c => c.Value?.Trim() ?? "")).ToList());
        task.NotApplicable = request.NotApplicable ?? false;
        task.NotApplicableReason = request.NotApplicableReason?.Trim();
        task.DraftVersion++;
        task.DraftSavedAt = clock.UtcNow;
        task.DraftSavedBy = actor.UserName;
        db.Record(actor, AuditActions.Update, $"任务 {task.GroupLabel} 草稿", detail: $"版本{task.DraftVersion}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<TaskDetailDto>.Conflict("该草稿刚被他人修改，请刷新后再保存，以免覆盖对方的内容");
        }
        return Outcome<TaskDetailDto>.Ok(await TaskViews.DetailAsync(db, clock.Today, task, campaign));
    }

    /// <summary>The liaison sends the filing to the unit's leader; the document's rules must hold (else 422, nothing changes).</summary>
    public async Task<Outcome<TaskDetailDto>> SubmitAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await TaskViews.LoadVisibleAsync(db, actor, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<TaskDetailDto>();
        }
        var (reach, task, campaign) = loaded.Value!;
        if (!TaskAccess.CanFile(reach, task))
        {
            return await Visibility.ForbiddenAsync<TaskDetailDto>(db, actor, $"任务 {task.GroupLabel}");
        }
        var problems = FilingValidator.Validate(task, await TaskViews.ChecklistAsync(db, campaign, task), campaign.CutoffDate);
        if (problems.Count > 0)
        {
            return new Outcome<TaskDetailDto>(OutcomeKind.Unprocessable, null,
                [.. problems.Select(p => new FieldError(p.Row, p.Field ?? p.Rule, p.Message))]) { Violations = problems };
        }
        return await moves.MoveAsync(db, actor, task, campaign, t => { t.SubmitForSignOff(); return Task.CompletedTask; }, null, notify: (Roles.UnitLeader, task.UnitId, "有待审核的迎检材料"));
    }
}
