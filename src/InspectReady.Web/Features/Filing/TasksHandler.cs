using InspectReady.Web.Features.Shared.Notifications;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Campaigns;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Filing;

public sealed record TaskFilter(Guid? UnitId = null, string? Status = null, string? Method = null, int? IndicatorNo = null, bool? Overdue = null,
    bool IncludeRemoved = false);

/// <summary>
/// The filing workflow: 草稿 → 待单位审核 → 已报送 → 退回 ↔ … → 已通过. Liaisons edit and submit, their leader signs off,
/// the office returns or approves; only the office reopens an approved filing.
/// </summary>
public sealed class TasksHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    /// <summary>
    /// The campaign's tasks the actor may list (the review queue with <c>status</c>), one page of them: every filter,
    /// the sort (indicator, then unit name) and the slice are applied in the database.
    /// </summary>
    public async Task<Outcome<Paged<TaskDto>>> ListAsync(UserScope actor, Guid campaignId, TaskFilter filter, PageRequest? page = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = await CampaignAccess.Visible(db, reach).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId);
        if (campaign is null)
        {
            return Outcome<Paged<TaskDto>>.NotFound();
        }
        var filtered = await FilteredAsync(db, reach, campaign, filter);
        if (!filtered.IsOk)
        {
            return filtered.As<Paged<TaskDto>>();
        }
        var methods = await MethodsAsync(db, campaign.FrameworkId);
        var today = Today;
        // GroupKey is the group's first indicator number: ordered by length, then text, it sorts as a number.
        var ordered = from t in filtered.Value!
                      join u in db.Units on t.UnitId equals u.Id
                      orderby t.GroupKey.Length, t.GroupKey, u.Name, t.Id
                      select new { Task = t, UnitName = u.Name };
        var slice = await ordered.ToPageAsync(page ?? PageRequest.First);
        return Outcome<Paged<TaskDto>>.Ok(slice.Map(r => ToDto(r.Task, r.UnitName, methods, today)));
    }

    /// <summary>How many of the listed tasks (same filters, status aside) are in each state: the summary above a list.</summary>
    public async Task<Outcome<IReadOnlyDictionary<string, int>>> CountByStatusAsync(UserScope actor, Guid campaignId, TaskFilter filter)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = await CampaignAccess.Visible(db, reach).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId);
        if (campaign is null)
        {
            return Outcome<IReadOnlyDictionary<string, int>>.NotFound();
        }
        var filtered = await FilteredAsync(db, reach, campaign, filter with { Status = null });
        if (!filtered.IsOk)
        {
            return filtered.As<IReadOnlyDictionary<string, int>>();
        }
        var counts = await filtered.Value!.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return Outcome<IReadOnlyDictionary<string, int>>.Ok(counts.ToDictionary(c => c.Key, c => c.Count));
    }

    private async Task<Outcome<IQueryable<FilingTask>>> FilteredAsync(AppDbContext db, FilingReach reach, Campaign campaign, TaskFilter filter)
    {
        var query = TaskAccess.Listed(db, reach).AsNoTracking().Where(t => t.CampaignId == campaign.Id);
        if (filter.UnitId is { } unit)
        {
            query = query.Where(t => t.UnitId == unit);
        }
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            var status = FilingStatus.Parse(filter.Status);
            if (status is null)
            {
                return Outcome<IQueryable<FilingTask>>.Invalid("status", $"状态“{filter.Status}”无效，可用：{FilingStatus.Codes.Describe()}");
            }
            query = query.Where(t => t.Status == status);
        }
        if (!filter.IncludeRemoved)
        {
            query = query.Where(t => !t.Removed);
        }
        if (filter.IndicatorNo is { } no)
        {
            query = query.Where(t => t.IndicatorNos.Contains(no));
        }
        if (!string.IsNullOrWhiteSpace(filter.Method))
        {
            var method = filter.Method;
            var numbers = (await MethodsAsync(db, campaign.FrameworkId)).Where(kv => kv.Value.Contains(method)).Select(kv => kv.Key).ToList();
            query = query.Where(t => t.IndicatorNos.Any(n => numbers.Contains(n)));
        }
        if (filter.Overdue is { } overdue)
        {
            var today = Today;
            // The same rule as FilingTask.IsOverdue, in SQL.
            query = overdue
                ? query.Where(t => t.Status != FilingStatus.Submitted && t.Status != FilingStatus.Approved && t.Status != FilingStatus.AwaitingSignOff && t.Deadline < today)
                : query.Where(t => t.Status == FilingStatus.Submitted || t.Status == FilingStatus.Approved || t.Status == FilingStatus.AwaitingSignOff || t.Deadline >= today);
        }
        return Outcome<IQueryable<FilingTask>>.Ok(query);
    }

    /// <summary>
    /// 还缺什么: the rules each visible task still breaks, for a whole list at once (tasks with their attachments and
    /// the framework's checklists are read in two queries, then checked in memory).
    /// </summary>
    public async Task<Outcome<IReadOnlyList<TaskProblemsDto>>> ProblemsAsync(UserScope actor, Guid campaignId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = await CampaignAccess.Visible(db, reach).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId);
        if (campaign is null)
        {
            return Outcome<IReadOnlyList<TaskProblemsDto>>.NotFound();
        }
        var query = TaskAccess.Listed(db, reach).AsNoTracking().Include(t => t.Attachments).Where(t => t.CampaignId == campaignId && !t.Removed);
        var tasks = await query.ToListAsync();
        var checklists = (await db.FrameworkNodes.AsNoTracking().Where(n => n.FrameworkId == campaign.FrameworkId && n.No != null).ToListAsync())
            .ToDictionary(n => n.No!.Value, n => n.MaterialItems);
        return Outcome<IReadOnlyList<TaskProblemsDto>>.Ok([.. tasks.Select(t =>
        {
            var problems = FilingValidator.Validate(t, checklists.GetValueOrDefault(t.IndicatorNos[0]) ?? [], campaign.CutoffDate);
            return new TaskProblemsDto(t.Id, problems.Count, [.. problems.Select(p => p.Message)]);
        })]);
    }

    public async Task<Outcome<TaskDetailDto>> GetAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadVisibleAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<TaskDetailDto>();
        }
        var (_, task, campaign) = loaded.Value!;
        return Outcome<TaskDetailDto>.Ok(await DetailAsync(db, task, campaign));
    }

    /// <summary>Assisting units' filings for the same group, for the lead unit to compose the final one.</summary>
    public async Task<Outcome<IReadOnlyList<TaskDetailDto>>> PartsAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadVisibleAsync(db, actor, id);
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
            result.Add(await DetailAsync(db, part, campaign));
        }
        return Outcome<IReadOnlyList<TaskDetailDto>>.Ok(result);
    }

    public async Task<Outcome<TaskDetailDto>> SaveDraftAsync(UserScope actor, Guid id, DraftRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadVisibleAsync(db, actor, id, tracked: true);
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
        var checklist = await ChecklistAsync(db, campaign, task);
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
        return Outcome<TaskDetailDto>.Ok(await DetailAsync(db, task, campaign));
    }

    /// <summary>The liaison sends the filing to the unit's leader; the document's rules must hold (else 422, nothing changes).</summary>
    public async Task<Outcome<TaskDetailDto>> SubmitAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadVisibleAsync(db, actor, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<TaskDetailDto>();
        }
        var (reach, task, campaign) = loaded.Value!;
        if (!TaskAccess.CanFile(reach, task))
        {
            return await Visibility.ForbiddenAsync<TaskDetailDto>(db, actor, $"任务 {task.GroupLabel}");
        }
        var problems = FilingValidator.Validate(task, await ChecklistAsync(db, campaign, task), campaign.CutoffDate);
        if (problems.Count > 0)
        {
            return new Outcome<TaskDetailDto>(OutcomeKind.Unprocessable, null,
                [.. problems.Select(p => new FieldError(p.Row, p.Field ?? p.Rule, p.Message))]) { Violations = problems };
        }
        return await MoveAsync(db, actor, task, campaign, t => { t.SubmitForSignOff(); return Task.CompletedTask; }, null, notify: (Roles.UnitLeader, task.UnitId, "有待审核的迎检材料"));
    }

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

    public async Task<Outcome<IReadOnlyList<CommentDto>>> CommentsAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadVisibleAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<IReadOnlyList<CommentDto>>();
        }
        return Outcome<IReadOnlyList<CommentDto>>.Ok(await db.TaskComments.AsNoTracking().Where(c => c.TaskId == id).OrderBy(c => c.Id)
            .Select(c => new CommentDto(c.At, c.UserName, c.Text)).ToListAsync());
    }

    public async Task<Outcome<CommentDto>> AddCommentAsync(UserScope actor, Guid id, CommentRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadVisibleAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<CommentDto>();
        }
        var (reach, task, campaign) = loaded.Value!;
        if (!TaskAccess.CanComment(reach, campaign, task))
        {
            return await Visibility.ForbiddenAsync<CommentDto>(db, actor, $"任务 {task.GroupLabel} 评论");
        }
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 2000)
        {
            return Outcome<CommentDto>.Invalid("text", "评论内容不能为空，且不超过2000字");
        }
        var comment = new TaskComment { TaskId = id, UserName = actor.UserName, Text = request.Text.Trim(), At = clock.UtcNow };
        db.TaskComments.Add(comment);
        db.Record(actor, AuditActions.Create, $"任务 {task.GroupLabel} 评论");
        await db.SaveChangesAsync();
        return Outcome<CommentDto>.Ok(new CommentDto(comment.At, comment.UserName, comment.Text));
    }

    public async Task<Outcome<IReadOnlyList<VersionDto>>> VersionsAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadVisibleAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<IReadOnlyList<VersionDto>>();
        }
        var versions = await db.TaskVersions.AsNoTracking().Where(v => v.TaskId == id).OrderBy(v => v.Number).ToListAsync();
        return Outcome<IReadOnlyList<VersionDto>>.Ok([.. versions.Select(v => new VersionDto(v.Number, v.At, v.SignedOffBy, v.Statement, v.Links,
            v.Lists, v.NotApplicable, [.. v.Attachments.Select(a => a[65..])]))]);
    }

    public async Task<Outcome<VersionComparisonDto>> CompareAsync(UserScope actor, Guid id, int a, int b)
    {
        var versions = await VersionsAsync(actor, id);
        if (!versions.IsOk)
        {
            return new Outcome<VersionComparisonDto>(versions.Kind, null, versions.Errors);
        }
        await using var db = await factory.CreateDbContextAsync();
        var raw = await db.TaskVersions.AsNoTracking().Where(v => v.TaskId == id && (v.Number == a || v.Number == b)).ToListAsync();
        var left = raw.FirstOrDefault(v => v.Number == a);
        var right = raw.FirstOrDefault(v => v.Number == b);
        if (left is null || right is null)
        {
            return Outcome<VersionComparisonDto>.NotFound();
        }
        var lines = TextDiff.Lines(left.Statement ?? "", right.Statement ?? "").Select(l => new DiffLineDto(l.Kind, l.Text)).ToList();
        static string Name(string entry) => entry[65..];
        return Outcome<VersionComparisonDto>.Ok(new VersionComparisonDto(a, b, lines,
            [.. right.Attachments.Except(left.Attachments).Select(Name)], [.. left.Attachments.Except(right.Attachments).Select(Name)],
            [.. right.Links.Except(left.Links)], [.. left.Links.Except(right.Links)]));
    }

    private async Task<Outcome<TaskDetailDto>> DecideAsync(UserScope actor, Guid id, Func<FilingReach, Campaign, FilingTask, bool> allowed,
        Func<AppDbContext, FilingTask, Task> move, DecisionRequest? request, (string Role, Guid? Unit, string Title) notify,
        bool requireReason = false, bool requireDeadline = false)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadVisibleAsync(db, actor, id, tracked: true);
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
        else if (requireDeadline && request!.NewDeadline < Today)
        {
            errors.Add(new(null, "newDeadline", "新的报送期限不能早于今天"));
        }
        if (errors.Count > 0)
        {
            return Outcome<TaskDetailDto>.Invalid(errors);
        }
        return await MoveAsync(db, actor, task, campaign, t => move(db, t), request, notify);
    }

    private async Task<Outcome<TaskDetailDto>> MoveAsync(AppDbContext db, UserScope actor, FilingTask task, Campaign campaign, Func<FilingTask, Task> move,
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
        return Outcome<TaskDetailDto>.Ok(await DetailAsync(db, task, campaign));
    }

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

    private DateOnly Today => clock.Today;

    internal static async Task<IReadOnlyList<MaterialItem>> ChecklistAsync(AppDbContext db, Campaign campaign, FilingTask task)
    {
        var node = await db.FrameworkNodes.AsNoTracking().FirstOrDefaultAsync(n => n.FrameworkId == campaign.FrameworkId && n.No == task.IndicatorNos[0]);
        return node?.MaterialItems ?? [];
    }

    private static async Task<Dictionary<int, IReadOnlyList<string>>> MethodsAsync(AppDbContext db, Guid frameworkId) =>
        (await db.FrameworkNodes.AsNoTracking().Where(n => n.FrameworkId == frameworkId && n.No != null).ToListAsync())
            .ToDictionary(n => n.No!.Value, n => (IReadOnlyList<string>)n.Methods);

    private async Task<TaskDetailDto> DetailAsync(AppDbContext db, FilingTask task, Campaign campaign)
    {
        var checklist = await ChecklistAsync(db, campaign, task);
        var nodes = await db.FrameworkNodes.AsNoTracking().Where(n => n.FrameworkId == campaign.FrameworkId && n.No != null && task.IndicatorNos.Contains(n.No.Value)).ToListAsync();
        var methods = nodes.ToDictionary(n => n.No!.Value, n => (IReadOnlyList<string>)n.Methods);
        var unitName = await db.Units.Where(u => u.Id == task.UnitId).Select(u => u.Name).FirstOrDefaultAsync();
        var history = await db.TaskTransitions.AsNoTracking().Where(t => t.TaskId == task.Id).OrderBy(t => t.Id)
            .Select(t => new TransitionDto(t.From, t.To, t.At, t.UserName, t.Reason, t.ItemReasons, t.NewDeadline)).ToListAsync();
        return new TaskDetailDto(
            ToDto(task, unitName, methods, Today),
            [.. nodes.OrderBy(n => n.No).Select(n => $"{n.No}. {n.Text}")],
            [.. checklist.Select(i =>
            {
                var (from, to) = MaterialWindow.Of(i, campaign.CutoffDate);
                return new ChecklistItemDto(i.Index, i.Text, i.Kind.ChineseLabel(),
                    i.Count is { } c ? $"{ChecklistLabels.Of(c.Relation)}{c.Count}{c.Unit}" : null, from, to,
                    [.. i.RequiredFields.Select(ChecklistLabels.Of)], ListTemplates.For(i));
            })],
            task.Statement, StatementLength.Count(task.Statement), task.Links, task.Lists, task.NotApplicable, task.NotApplicableReason, task.DraftVersion,
            [.. task.Attachments.OrderBy(a => a.UploadedAt).Select(AttachmentsHandler.ToDto)],
            FilingValidator.Validate(task, checklist, campaign.CutoffDate), FilingValidator.Warnings(task), history);
    }

    private static TaskDto ToDto(FilingTask t, string? unitName, IReadOnlyDictionary<int, IReadOnlyList<string>> methods, DateOnly today) =>
        new(t.Id, t.CampaignId, t.UnitId, unitName, t.IndicatorNos, t.GroupKey, t.IsLead, t.Status, t.Deadline, t.IsOverdue(today), t.SubmittedAt,
            t.Reviewer, t.ReturnCount, t.Removed, [.. t.IndicatorNos.SelectMany(n => methods.GetValueOrDefault(n) ?? []).Distinct()]);
}
