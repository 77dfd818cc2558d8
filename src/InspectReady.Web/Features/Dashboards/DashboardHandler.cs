using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Campaigns;
using InspectReady.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Dashboards;

/// <summary>
/// The campaign's figures, computed from the tasks and their transitions at the time of asking. A unit's users see only
/// their unit's figures (another unit's answers 404); the office and 督查 of the campaign's region see every unit;
/// other roles see none (ADR 0017).
/// </summary>
public sealed class DashboardHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public const int DueSoonDays = 3;

    private DateOnly Today => clock.Today;

    public async Task<Outcome<DashboardOverviewDto>> OverviewAsync(UserScope actor, Guid campaignId, Guid? unitId = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var data = await LoadAsync(db, actor, campaignId, unitId);
        if (data is null)
        {
            return Outcome<DashboardOverviewDto>.NotFound();
        }
        var today = Today;
        var units = Rank(data.Tasks, data.UnitNames, today);
        return Outcome<DashboardOverviewDto>.Ok(new DashboardOverviewDto(campaignId, data.Campaign.Name, today, DueSoonDays, unitId,
            Count(data.Tasks, today), ByLevel1(data, today),
            [.. EvaluationMethods.All.Select(m => new BreakdownRowDto(m, Count(data.Tasks.Where(t => data.MethodsOf(t).Contains(m)), today)))
                .Where(r => r.Counts.Tasks > 0)],
            units));
    }

    public async Task<Outcome<MatrixDto>> MatrixAsync(UserScope actor, Guid campaignId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var data = await LoadAsync(db, actor, campaignId, null);
        if (data is null)
        {
            return Outcome<MatrixDto>.NotFound();
        }
        var today = Today;
        var units = data.Tasks.Select(t => t.UnitId).Distinct()
            .Select(id => new MatrixUnitDto(id, data.UnitNames.GetValueOrDefault(id) ?? "")).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        var byUnitAndNo = data.Tasks.SelectMany(t => t.IndicatorNos.Select(no => (t.UnitId, No: no, Task: t)))
            .GroupBy(x => (x.UnitId, x.No)).ToDictionary(g => g.Key, g => g.First().Task);
        var rows = data.Indicators.Select(i => new MatrixRowDto(i.No!.Value, i.Text, data.Level1Of(i.No.Value),
            [.. units.Select(u => byUnitAndNo.TryGetValue((u.Id, i.No.Value), out var t) ? new MatrixCellDto(t.Id, t.Status, t.IsOverdue(today), t.IsLead) : null)]))
            .ToList();
        return Outcome<MatrixDto>.Ok(new MatrixDto(campaignId, today, units, rows));
    }

    public async Task<Outcome<DeadlinesDto>> DeadlinesAsync(UserScope actor, Guid campaignId, int days = DueSoonDays)
    {
        days = Math.Clamp(days, 0, 60);
        await using var db = await factory.CreateDbContextAsync();
        var data = await LoadAsync(db, actor, campaignId, null);
        if (data is null)
        {
            return Outcome<DeadlinesDto>.NotFound();
        }
        var today = Today;
        var rows = data.Tasks.Select(t => Row(t, data, today)).ToList();
        return Outcome<DeadlinesDto>.Ok(new DeadlinesDto(campaignId, today, days,
            [.. rows.Where(r => r.Overdue).OrderBy(r => r.DaysLeft).ThenBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.IndicatorNos[0])],
            [.. rows.Where(r => IsDueWithin(r, days)).OrderBy(r => r.DaysLeft).ThenBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.IndicatorNos[0])]));
    }

    public async Task<Outcome<ProgressDto>> ProgressAsync(UserScope actor, Guid campaignId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var data = await LoadAsync(db, actor, campaignId, null);
        if (data is null)
        {
            return Outcome<ProgressDto>.NotFound();
        }
        var ids = data.Tasks.Select(t => t.Id).ToList();
        var moves = await db.TaskTransitions.AsNoTracking()
            .Where(m => ids.Contains(m.TaskId) && (m.To == FilingStatus.Submitted || m.To == FilingStatus.Approved))
            .Select(m => new { m.TaskId, m.To, m.At }).ToListAsync();
        // The first time each task reached the office, and the first time it was approved.
        var submitted = moves.Where(m => m.To == FilingStatus.Submitted).GroupBy(m => m.TaskId).Select(g => LocalDay(g.Min(m => m.At))).ToList();
        var approved = moves.Where(m => m.To == FilingStatus.Approved).GroupBy(m => m.TaskId).Select(g => LocalDay(g.Min(m => m.At))).ToList();
        var today = Today;
        var start = LocalDay(data.Campaign.CreatedAt);
        if (submitted.Concat(approved).DefaultIfEmpty(start).Min() is var first && first < start)
        {
            start = first;
        }
        var end = submitted.Concat(approved).DefaultIfEmpty(today).Max() is var last && last > today ? last : today;
        // At most a year of points: the latest ones.
        if (end.DayNumber - start.DayNumber > 365)
        {
            start = end.AddDays(-365);
        }
        var points = new List<ProgressPointDto>();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            var d = day;
            points.Add(new ProgressPointDto(d, submitted.Count(x => x <= d), approved.Count(x => x <= d), submitted.Count(x => x == d), approved.Count(x => x == d)));
        }
        return Outcome<ProgressDto>.Ok(new ProgressDto(campaignId, data.Tasks.Count, points));
    }

    /// <summary>A unit's own page: its figures, its rank among the campaign's units, and its tasks.</summary>
    public async Task<Outcome<UnitDashboardDto>> UnitAsync(UserScope actor, Guid campaignId, Guid unitId)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await LoadAsync(db, actor, campaignId, unitId) is null)
        {
            return Outcome<UnitDashboardDto>.NotFound();
        }
        // The rank needs every unit's completion; only this unit's figures leave the handler.
        var all = await LoadAsync(db, UserScope.System("dashboard"), campaignId, null, seeAll: true);
        if (all is null || !all.Tasks.Any(t => t.UnitId == unitId))
        {
            return Outcome<UnitDashboardDto>.NotFound();
        }
        var today = Today;
        var ranking = Rank(all.Tasks, all.UnitNames, today);
        var own = all with { Tasks = [.. all.Tasks.Where(t => t.UnitId == unitId)] };
        return Outcome<UnitDashboardDto>.Ok(new UnitDashboardDto(campaignId, unitId, all.UnitNames.GetValueOrDefault(unitId) ?? "", today,
            Count(own.Tasks, today), ranking.First(r => r.UnitId == unitId).Rank, ranking.Count, ByLevel1(own, today),
            [.. own.Tasks.Select(t => Row(t, own, today)).OrderBy(r => r.IndicatorNos[0])]));
    }

    private static bool IsDueWithin(DeadlineTaskDto row, int days) =>
        FilingStatus.IsEditable(row.Status) && row.DaysLeft >= 0 && row.DaysLeft <= days;

    private static DateOnly LocalDay(DateTime utc) => ChinaTime.DayOf(utc);

    private static StatusCountsDto Count(IEnumerable<FilingTask> tasks, DateOnly today)
    {
        int total = 0, draft = 0, awaiting = 0, submitted = 0, returned = 0, approved = 0, overdue = 0, dueSoon = 0;
        foreach (var t in tasks)
        {
            total++;
            switch (t.Status)
            {
                case FilingStatus.Draft: draft++; break;
                case FilingStatus.AwaitingSignOff: awaiting++; break;
                case FilingStatus.Submitted: submitted++; break;
                case FilingStatus.Returned: returned++; break;
                case FilingStatus.Approved: approved++; break;
            }
            if (t.IsOverdue(today))
            {
                overdue++;
            }
            else if (FilingStatus.IsEditable(t.Status) && t.Deadline.DayNumber - today.DayNumber <= DueSoonDays)
            {
                dueSoon++;
            }
        }
        return new StatusCountsDto(total, draft, awaiting, submitted, returned, approved, submitted + approved, overdue, dueSoon);
    }

    private static List<UnitRankDto> Rank(IReadOnlyList<FilingTask> tasks, IReadOnlyDictionary<Guid, string> names, DateOnly today)
    {
        var counted = tasks.GroupBy(t => t.UnitId).Select(g => (Id: g.Key, Name: names.GetValueOrDefault(g.Key) ?? "", Counts: Count(g, today)))
            .OrderByDescending(u => u.Counts.Completion).ThenByDescending(u => u.Counts.Approved).ThenBy(u => u.Counts.Overdue)
            .ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        var result = new List<UnitRankDto>();
        for (var i = 0; i < counted.Count; i++)
        {
            // Equal completion shares a rank (1, 1, 3 …).
            var rank = i > 0 && counted[i].Counts.Completion == counted[i - 1].Counts.Completion ? result[i - 1].Rank : i + 1;
            result.Add(new UnitRankDto(rank, counted[i].Id, counted[i].Name, counted[i].Counts));
        }
        return result;
    }

    private static List<BreakdownRowDto> ByLevel1(CampaignData data, DateOnly today) =>
        [.. data.Level1Names.Select(name => new BreakdownRowDto(name, Count(data.Tasks.Where(t => data.Level1Of(t.IndicatorNos[0]) == name), today)))
            .Where(r => r.Counts.Tasks > 0)];

    private static DeadlineTaskDto Row(FilingTask t, CampaignData data, DateOnly today) =>
        new(t.Id, t.UnitId, data.UnitNames.GetValueOrDefault(t.UnitId) ?? "", t.IndicatorNos, t.IsLead, t.Status, t.Deadline,
            t.Deadline.DayNumber - today.DayNumber, t.IsOverdue(today), t.ReturnCount);

    /// <summary>
    /// The campaign's tasks as the actor may see them (<see cref="CampaignAccess"/>, <see cref="FilingReach"/>): null when
    /// the campaign, or the unit asked for, is outside the actor's reach (denial audited).
    /// </summary>
    private static async Task<CampaignData?> LoadAsync(AppDbContext db, UserScope actor, Guid campaignId, Guid? unitId, bool seeAll = false)
    {
        var reach = seeAll ? null : await FilingReach.ResolveAsync(db, actor);
        Campaign? campaign;
        if (reach is null)
        {
            campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId);
        }
        else
        {
            var loaded = await CampaignAccess.LoadAsync(db, reach, campaignId);
            campaign = loaded.Value;
        }
        if (campaign is null)
        {
            return null;
        }
        var query = db.Tasks.AsNoTracking().Where(t => t.CampaignId == campaignId && !t.Removed);
        if (reach is not null && unitId is { } asked && !reach.SeesUnitOf(campaign, asked))
        {
            await Visibility.DeniedAsync(db, actor, $"统计 单位 {asked}", "其他单位的统计");
            return null;
        }
        if (reach?.ConfinedTo(campaign) is { } confined)
        {
            query = query.Where(t => t.UnitId == confined);
        }
        if (unitId is { } u)
        {
            query = query.Where(t => t.UnitId == u);
        }
        var tasks = await query.ToListAsync();
        var nodes = await db.FrameworkNodes.AsNoTracking().Where(n => n.FrameworkId == campaign.FrameworkId).ToListAsync();
        var unitIds = tasks.Select(t => t.UnitId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(x => unitIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name);
        return new CampaignData(campaign, tasks, nodes, names);
    }

    private sealed record CampaignData(Campaign Campaign, IReadOnlyList<FilingTask> Tasks, IReadOnlyList<FrameworkNode> Nodes,
        IReadOnlyDictionary<Guid, string> UnitNames)
    {
        private readonly Dictionary<Guid, FrameworkNode> byId = Nodes.ToDictionary(n => n.Id);
        private Dictionary<int, string>? level1;
        private Dictionary<int, IReadOnlyList<string>>? methods;

        public IEnumerable<FrameworkNode> Indicators => Nodes.Where(n => n.No is not null).OrderBy(n => n.No);

        /// <summary>一级指标 names in the framework's order.</summary>
        public IEnumerable<string> Level1Names => Nodes.Where(n => n.ParentId is null && n.No is null).OrderBy(n => n.Order).Select(n => n.Text);

        public string Level1Of(int no)
        {
            level1 ??= Indicators.ToDictionary(n => n.No!.Value, Top);
            return level1.GetValueOrDefault(no) ?? "";
        }

        public IReadOnlyList<string> MethodsOf(FilingTask task)
        {
            methods ??= Indicators.ToDictionary(n => n.No!.Value, n => (IReadOnlyList<string>)n.Methods);
            return [.. task.IndicatorNos.SelectMany(no => methods.GetValueOrDefault(no) ?? []).Distinct()];
        }

        private string Top(FrameworkNode node)
        {
            var current = node;
            while (current.ParentId is { } p && byId.TryGetValue(p, out var parent))
            {
                current = parent;
            }
            return current.Text;
        }
    }
}
