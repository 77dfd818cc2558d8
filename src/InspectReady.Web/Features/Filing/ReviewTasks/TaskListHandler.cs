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

public sealed record TaskFilter(Guid? UnitId = null, string? Status = null, string? Method = null, int? IndicatorNo = null, bool? Overdue = null,
    bool IncludeRemoved = false);

/// <summary>The campaign's task lists: the review queue, 我的任务, the counts by state and 还缺什么 for a whole list.</summary>
public sealed class TaskListHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock, FrameworkMethods frameworkMethods)
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
        var methods = await frameworkMethods.OfAsync(db, campaign.FrameworkId);
        var today = clock.Today;
        // GroupKey is the group's first indicator number: ordered by length, then text, it sorts as a number. The count
        // and the page of ids come from the queue index (ADR 0039); then only the page's rows are read.
        var ordered = from t in filtered.Value!
                      join u in db.Units on t.UnitId equals u.Id
                      orderby t.GroupKey.Length, t.GroupKey, u.Name, t.Id
                      select t.Id;
        var request = page ?? PageRequest.First;
        var total = await ordered.CountAsync();
        var ids = await ordered.Skip(request.Skip).Take(request.PageSize).ToListAsync();
        var rows = (await (from t in db.Tasks.AsNoTracking()
                           where ids.Contains(t.Id)
                           join u in db.Units on t.UnitId equals u.Id
                           select new TaskRow(t.Id, t.CampaignId, t.UnitId, u.Name, t.IndicatorNos, t.GroupKey, t.IsLead, t.Status, t.Deadline,
                               t.SubmittedAt, t.Reviewer, t.ReturnCount, t.Removed)).ToListAsync())
            .ToDictionary(r => r.Id);
        return Outcome<Paged<TaskDto>>.Ok(new Paged<TaskDto>([.. ids.Where(rows.ContainsKey).Select(id => TaskViews.ToDto(rows[id], methods, today))],
            total, request.Page, request.PageSize));
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
        var query = TaskAccess.ListedIn(db, reach, campaign).AsNoTracking();
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
            var method = EvaluationMethods.Parse(filter.Method) ?? filter.Method;
            var numbers = (await frameworkMethods.OfAsync(db, campaign.FrameworkId)).Where(kv => kv.Value.Contains(method)).Select(kv => kv.Key).ToList();
            query = query.Where(t => t.IndicatorNos.Any(n => numbers.Contains(n)));
        }
        if (filter.Overdue is { } overdue)
        {
            var today = clock.Today;
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
        var query = TaskAccess.ListedIn(db, reach, campaign).AsNoTracking().Include(t => t.Attachments).Where(t => !t.Removed);
        var tasks = await query.ToListAsync();
        var checklists = (await db.FrameworkNodes.AsNoTracking().Where(n => n.FrameworkId == campaign.FrameworkId && n.No != null).ToListAsync())
            .ToDictionary(n => n.No!.Value, n => n.MaterialItems);
        return Outcome<IReadOnlyList<TaskProblemsDto>>.Ok([.. tasks.Select(t =>
        {
            var problems = FilingValidator.Validate(t, checklists.GetValueOrDefault(t.IndicatorNos[0]) ?? [], campaign.CutoffDate);
            return new TaskProblemsDto(t.Id, problems.Count, [.. problems.Select(p => p.Message)]);
        })]);
    }
}
