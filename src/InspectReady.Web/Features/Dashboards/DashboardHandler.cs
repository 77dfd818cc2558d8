using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Access;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Dashboards;

/// <summary>
/// The campaign's figures, from the campaign's read model (<see cref="DashboardReadModel"/>, ADR 0022) and the day
/// of asking. A unit's users see only their unit's figures (another unit's answers 404); the office and 督查 of the
/// campaign's region see every unit; other roles see none (ADR 0017). Access is checked on every call; only the
/// figures are shared between calls.
/// </summary>
public sealed class DashboardHandler(IDbContextFactory<AppDbContext> factory, DashboardReadModel model, IChinaClock clock)
{
    public const int DueSoonDays = 3;

    public async Task<Outcome<DashboardOverviewDto>> OverviewAsync(UserScope actor, Guid campaignId, Guid? unitId = null)
    {
        if (await LoadAsync(actor, campaignId, unitId) is not { } view)
        {
            return Outcome<DashboardOverviewDto>.NotFound();
        }
        var today = clock.Today;
        if (view.Whole && unitId is null)
        {
            return Outcome<DashboardOverviewDto>.Ok(view.Snapshot.Memo("overview", today, 0, () => Overview(view, today)) with { CampaignName = view.Campaign.Name });
        }
        return Outcome<DashboardOverviewDto>.Ok(Overview(view, today));
    }

    private static DashboardOverviewDto Overview(View view, DateOnly today)
    {
        var tasks = view.Tasks;
        var units = Rank(tasks, view.Snapshot, today);
        var byMethod = new List<BreakdownRowDto>();
        for (var m = 0; m < EvaluationMethods.All.Count; m++)
        {
            var bit = 1 << m;
            var counts = Count(tasks.Where(t => (t.Methods & bit) != 0), today);
            if (counts.Tasks > 0)
            {
                byMethod.Add(new BreakdownRowDto(EvaluationMethods.Label(EvaluationMethods.All[m]), counts, EvaluationMethods.All[m]));
            }
        }
        return new DashboardOverviewDto(view.Campaign.Id, view.Campaign.Name, today, DueSoonDays, view.UnitId,
            Count(tasks, today), ByLevel1(tasks, view.Snapshot, today), byMethod, units);
    }

    /// <summary>
    /// The indicator × unit matrix, compact: units, 一级指标 and states listed once; a task as [unit, state, flags];
    /// a cell as [row, task] (ADR 0023).
    /// </summary>
    public async Task<Outcome<MatrixDto>> MatrixAsync(UserScope actor, Guid campaignId)
    {
        if (await LoadAsync(actor, campaignId, null) is not { } view)
        {
            return Outcome<MatrixDto>.NotFound();
        }
        var today = clock.Today;
        return Outcome<MatrixDto>.Ok(view.Whole ? view.Snapshot.Memo("matrix", today, 0, () => Matrix(view, today)) : Matrix(view, today));
    }

    private static MatrixDto Matrix(View view, DateOnly today)
    {
        var snapshot = view.Snapshot;
        var units = view.Tasks.Select(t => t.UnitId).Distinct()
            .Select(id => new MatrixUnitDto(id, snapshot.UnitName(id))).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        var unitIndex = units.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rowIndex = snapshot.Indicators.Select((r, i) => (r.No, i)).GroupBy(x => x.No).ToDictionary(g => g.Key, g => g.First().i);
        var statusIndex = FilingStatus.All.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var ids = new List<Guid>(view.Tasks.Count);
        var tasks = new List<int[]>(view.Tasks.Count);
        var cells = new List<int[]>(view.Tasks.Count * 2);
        var taken = new HashSet<(int, int)>();
        foreach (var t in view.Tasks.OrderBy(t => unitIndex[t.UnitId]).ThenBy(t => t.IndicatorNos[0]))
        {
            var unit = unitIndex[t.UnitId];
            var index = ids.Count;
            ids.Add(t.Id);
            tasks.Add([unit, statusIndex.GetValueOrDefault(t.Status, -1), (t.IsOverdue(today) ? MatrixDto.Overdue : 0) | (t.IsLead ? MatrixDto.Lead : 0)]);
            foreach (var no in t.IndicatorNos)
            {
                if (rowIndex.TryGetValue(no, out var row) && taken.Add((row, unit)))
                {
                    cells.Add([row, index]);
                }
            }
        }
        return new MatrixDto(view.Campaign.Id, today, FilingStatus.All, snapshot.Level1Names, units,
            [.. snapshot.Indicators.Select(i => new MatrixRowDto(i.No, i.Text, i.Level1))], ids, tasks, cells);
    }

    public async Task<Outcome<DeadlinesDto>> DeadlinesAsync(UserScope actor, Guid campaignId, int days = DueSoonDays)
    {
        days = Math.Clamp(days, 0, 60);
        if (await LoadAsync(actor, campaignId, null) is not { } view)
        {
            return Outcome<DeadlinesDto>.NotFound();
        }
        var today = clock.Today;
        return Outcome<DeadlinesDto>.Ok(view.Whole ? view.Snapshot.Memo("deadlines", today, days, () => Deadlines(view, today, days)) : Deadlines(view, today, days));
    }

    private static DeadlinesDto Deadlines(View view, DateOnly today, int days)
    {
        var overdue = view.Tasks.Where(t => t.IsOverdue(today)).Select(t => Row(t, view.Snapshot, today)).ToList();
        var soon = view.Tasks.Where(t => FilingStatus.IsEditable(t.Status) && t.Deadline >= today && t.Deadline.DayNumber - today.DayNumber <= days)
            .Select(t => Row(t, view.Snapshot, today)).ToList();
        return new DeadlinesDto(view.Campaign.Id, today, days, Order(overdue), Order(soon));

        static List<DeadlineTaskDto> Order(List<DeadlineTaskDto> rows) =>
            [.. rows.OrderBy(r => r.DaysLeft).ThenBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.IndicatorNos[0])];
    }

    public async Task<Outcome<ProgressDto>> ProgressAsync(UserScope actor, Guid campaignId)
    {
        if (await LoadAsync(actor, campaignId, null) is not { } view)
        {
            return Outcome<ProgressDto>.NotFound();
        }
        var today = clock.Today;
        ProgressDto Compute() => new(campaignId, view.Tasks.Count, Progress(view.Tasks, view.Snapshot.CreatedDay, today));
        return Outcome<ProgressDto>.Ok(view.Whole ? view.Snapshot.Memo("progress", today, 0, Compute) : Compute());
    }

    /// <summary>
    /// Cumulative first submissions and first approvals per day, from the campaign's start (or the first move, if
    /// earlier) to today (or the last move, if later); at most a year of points, the latest.
    /// </summary>
    public static List<ProgressPointDto> Progress(IReadOnlyList<TaskFigure> tasks, DateOnly createdDay, DateOnly today)
    {
        var submitted = new Dictionary<DateOnly, int>();
        var approved = new Dictionary<DateOnly, int>();
        DateOnly start = createdDay, end = today;
        foreach (var t in tasks)
        {
            foreach (var (day, counts) in new[] { (t.FirstSubmitted, submitted), (t.FirstApproved, approved) })
            {
                if (day is { } d)
                {
                    counts[d] = counts.GetValueOrDefault(d) + 1;
                    start = d < start ? d : start;
                    end = d > end ? d : end;
                }
            }
        }
        if (end.DayNumber - start.DayNumber > 365)
        {
            start = end.AddDays(-365);
        }
        // What happened before the first point still counts in the totals.
        int totalSubmitted = submitted.Where(x => x.Key < start).Sum(x => x.Value), totalApproved = approved.Where(x => x.Key < start).Sum(x => x.Value);
        var points = new List<ProgressPointDto>(end.DayNumber - start.DayNumber + 1);
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            int s = submitted.GetValueOrDefault(day), a = approved.GetValueOrDefault(day);
            totalSubmitted += s;
            totalApproved += a;
            points.Add(new ProgressPointDto(day, totalSubmitted, totalApproved, s, a));
        }
        return points;
    }

    /// <summary>A unit's own page: its figures, its rank among the campaign's units, and its tasks.</summary>
    public async Task<Outcome<UnitDashboardDto>> UnitAsync(UserScope actor, Guid campaignId, Guid unitId)
    {
        if (await LoadAsync(actor, campaignId, unitId) is not { } view || view.Tasks.Count == 0)
        {
            return Outcome<UnitDashboardDto>.NotFound();
        }
        var today = clock.Today;
        // The rank needs every unit's completion; only this unit's figures leave the handler.
        var ranking = view.Snapshot.Memo("ranking", today, 0, () => Rank(view.Snapshot.Tasks, view.Snapshot, today));
        return Outcome<UnitDashboardDto>.Ok(new UnitDashboardDto(campaignId, unitId, view.Snapshot.UnitName(unitId), today,
            Count(view.Tasks, today), ranking.First(r => r.UnitId == unitId).Rank, ranking.Count, ByLevel1(view.Tasks, view.Snapshot, today),
            [.. view.Tasks.Select(t => Row(t, view.Snapshot, today)).OrderBy(r => r.IndicatorNos[0])]));
    }

    public static StatusCountsDto Count(IEnumerable<TaskFigure> tasks, DateOnly today)
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

    private static List<UnitRankDto> Rank(IReadOnlyList<TaskFigure> tasks, DashboardSnapshot snapshot, DateOnly today)
    {
        var counted = tasks.GroupBy(t => t.UnitId).Select(g => (Id: g.Key, Name: snapshot.UnitName(g.Key), Counts: Count(g, today)))
            .OrderByDescending(u => u.Counts.Completion).ThenByDescending(u => u.Counts.Approved).ThenBy(u => u.Counts.Overdue)
            .ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        var result = new List<UnitRankDto>(counted.Count);
        for (var i = 0; i < counted.Count; i++)
        {
            // Equal completion shares a rank (1, 1, 3 …).
            var rank = i > 0 && counted[i].Counts.Completion == counted[i - 1].Counts.Completion ? result[i - 1].Rank : i + 1;
            result.Add(new UnitRankDto(rank, counted[i].Id, counted[i].Name, counted[i].Counts));
        }
        return result;
    }

    private static List<BreakdownRowDto> ByLevel1(IReadOnlyList<TaskFigure> tasks, DashboardSnapshot snapshot, DateOnly today) =>
        [.. snapshot.Level1Names.Select((name, i) => new BreakdownRowDto(name, Count(tasks.Where(t => t.Level1 == i), today)))
            .Where(r => r.Counts.Tasks > 0)];

    private static DeadlineTaskDto Row(TaskFigure t, DashboardSnapshot snapshot, DateOnly today) =>
        new(t.Id, t.UnitId, snapshot.UnitName(t.UnitId), t.IndicatorNos, t.IsLead, t.Status, t.Deadline,
            t.Deadline.DayNumber - today.DayNumber, t.IsOverdue(today), t.ReturnCount);

    /// <param name="Whole">Every unit's tasks are in view (the office and 督查): the figures can be shared.</param>
    private sealed record View(Campaign Campaign, DashboardSnapshot Snapshot, IReadOnlyList<TaskFigure> Tasks, bool Whole, Guid? UnitId);

    /// <summary>
    /// The campaign's figures as the actor may see them (<see cref="CampaignAccess"/>, <see cref="FilingReach"/>): null
    /// when the campaign, or the unit asked for, is outside the actor's reach (denial audited).
    /// </summary>
    private async Task<View?> LoadAsync(UserScope actor, Guid campaignId, Guid? unitId)
    {
        Campaign? campaign;
        Guid? confined;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var reach = await FilingReach.ResolveAsync(db, actor);
            campaign = (await CampaignAccess.LoadAsync(db, reach, campaignId)).Value;
            if (campaign is null)
            {
                return null;
            }
            if (unitId is { } asked && !reach.SeesUnitOf(campaign, asked))
            {
                await Visibility.DeniedAsync(db, actor, $"统计 单位 {asked}", "其他单位的统计");
                return null;
            }
            confined = reach.ConfinedTo(campaign);
        }
        var snapshot = await model.GetAsync(campaign);
        IReadOnlyList<TaskFigure> tasks = snapshot.Tasks;
        if (confined is { } c)
        {
            tasks = [.. tasks.Where(t => t.UnitId == c)];
        }
        if (unitId is { } u)
        {
            tasks = [.. tasks.Where(t => t.UnitId == u)];
        }
        return new View(campaign, snapshot, tasks, confined is null && unitId is null, unitId);
    }
}
