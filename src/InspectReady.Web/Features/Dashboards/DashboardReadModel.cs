using System.Collections.Concurrent;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Dashboards;

/// <summary>
/// One task as the dashboards need it: no statement, lists or links. <see cref="Level1"/> indexes
/// <see cref="DashboardSnapshot.Level1Names"/>; <see cref="Methods"/> is a bit per <see cref="EvaluationMethods.All"/>.
/// </summary>
public sealed record TaskFigure(Guid Id, Guid UnitId, IReadOnlyList<int> IndicatorNos, bool IsLead, string Status, DateOnly Deadline, int ReturnCount,
    int Level1, int Methods, DateOnly? FirstSubmitted, DateOnly? FirstApproved)
{
    /// <summary>The rule of <see cref="FilingTask.Overdue"/>: still in the unit's hands past the deadline.</summary>
    public bool IsOverdue(DateOnly today) => FilingTask.Overdue(Status, Deadline, today);
}

public sealed record IndicatorFigure(int No, string Text, int Level1);

/// <summary>A campaign's tasks reduced to what the dashboards count, read in four narrow queries (ADR 0022).</summary>
public sealed record DashboardSnapshot(Guid CampaignId, DateOnly CreatedDay, IReadOnlyList<TaskFigure> Tasks, IReadOnlyDictionary<Guid, string> UnitNames,
    IReadOnlyList<string> Level1Names, IReadOnlyList<IndicatorFigure> Indicators)
{
    private readonly ConcurrentDictionary<(string, DateOnly, int), object> memo = new();

    public string UnitName(Guid id) => UnitNames.GetValueOrDefault(id) ?? "";

    /// <summary>
    /// A figure of the whole campaign for a day, computed once per snapshot: every office user asking the same
    /// question that day gets the same answer until the tasks change.
    /// </summary>
    public T Memo<T>(string figure, DateOnly today, int argument, Func<T> compute) where T : class =>
        (T)memo.GetOrAdd((figure, today, argument), _ => compute());
}

/// <summary>
/// The dashboards' read model: a <see cref="DashboardSnapshot"/> per campaign, built on first use and reused until the
/// write path bumps the campaign's stamp (<see cref="CampaignStamps"/>) or <see cref="MaxAge"/> passes (what another
/// node wrote). Concurrent requests for a stale snapshot share one build. Figures that depend on the day (overdue, due
/// soon) are computed per request from it, so the day's turn needs no rebuild.
/// </summary>
public sealed class DashboardReadModel(IDbContextFactory<AppDbContext> factory, CampaignStamps stamps, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    private sealed record Entry((long, long) Stamp, long BuiltAt, Lazy<Task<DashboardSnapshot>> Build);

    public async Task<DashboardSnapshot> GetAsync(Campaign campaign)
    {
        var stamp = stamps.Of(campaign.Id);
        var now = time.GetTimestamp();
        var fresh = new Entry(stamp, now, new Lazy<Task<DashboardSnapshot>>(() => BuildAsync(campaign.Id, campaign.FrameworkId, campaign.CreatedAt)));
        var entry = entries.AddOrUpdate(campaign.Id, fresh, (_, old) => Valid(old, stamp, now) ? old : fresh);
        try
        {
            return await entry.Build.Value;
        }
        catch
        {
            entries.TryRemove(new KeyValuePair<Guid, Entry>(campaign.Id, entry));
            throw;
        }
    }

    private bool Valid(Entry entry, (long, long) stamp, long now) =>
        entry.Stamp == stamp && time.GetElapsedTime(entry.BuiltAt, now) < MaxAge && !entry.Build.Value.IsFaulted;

    private async Task<DashboardSnapshot> BuildAsync(Guid campaignId, Guid frameworkId, DateTime createdAt)
    {
        await using var db = await factory.CreateDbContextAsync();
        var live = db.Tasks.Where(t => t.CampaignId == campaignId && !t.Removed);
        var tasks = await live.AsNoTracking()
            .Select(t => new { t.Id, t.UnitId, t.IndicatorNos, t.IsLead, t.Status, t.Deadline, t.ReturnCount })
            .ToListAsync();
        // The first time each task reached the office and the first time it was approved, grouped in the database.
        var firsts = await db.TaskTransitions.AsNoTracking()
            .Where(m => live.Select(t => t.Id).Contains(m.TaskId) && (m.To == FilingStatus.Submitted || m.To == FilingStatus.Approved))
            .GroupBy(m => new { m.TaskId, m.To })
            .Select(g => new { g.Key.TaskId, g.Key.To, At = g.Min(m => m.At) })
            .ToListAsync();
        var names = await db.Units.AsNoTracking().Where(u => live.Any(t => t.UnitId == u.Id))
            .Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name);
        var nodes = await db.FrameworkNodes.AsNoTracking().Where(n => n.FrameworkId == frameworkId)
            .Select(n => new { n.Id, n.ParentId, n.No, n.Text, n.Order, n.Methods }).ToListAsync();

        // 一级指标 in the framework's order, and each indicator's 一级指标 and methods.
        var level1 = nodes.Where(n => n.ParentId is null && n.No is null).OrderBy(n => n.Order).ToList();
        var level1Index = level1.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var byId = nodes.ToDictionary(n => n.Id);
        int TopOf(Guid id)
        {
            var current = byId[id];
            while (current.ParentId is { } p && byId.TryGetValue(p, out var parent))
            {
                current = parent;
            }
            return level1Index.GetValueOrDefault(current.Id, -1);
        }
        var indicators = nodes.Where(n => n.No is not null).OrderBy(n => n.No)
            .Select(n => (Node: n, Figure: new IndicatorFigure(n.No!.Value, n.Text, TopOf(n.Id)))).ToList();
        var byNo = indicators.GroupBy(i => i.Figure.No).ToDictionary(g => g.Key, g => g.First());
        int MaskOf(IReadOnlyList<string> methods)
        {
            var mask = 0;
            for (var i = 0; i < EvaluationMethods.All.Count; i++)
            {
                if (methods.Contains(EvaluationMethods.All[i]))
                {
                    mask |= 1 << i;
                }
            }
            return mask;
        }

        var submitted = firsts.Where(f => f.To == FilingStatus.Submitted).ToDictionary(f => f.TaskId, f => ChinaTime.DayOf(f.At));
        var approved = firsts.Where(f => f.To == FilingStatus.Approved).ToDictionary(f => f.TaskId, f => ChinaTime.DayOf(f.At));
        var figures = tasks.Select(t =>
        {
            var nos = t.IndicatorNos.ToArray();
            var first = nos.Length > 0 && byNo.TryGetValue(nos[0], out var i) ? i.Figure.Level1 : -1;
            var methods = nos.Aggregate(0, (mask, no) => mask | (byNo.TryGetValue(no, out var x) ? MaskOf(x.Node.Methods) : 0));
            return new TaskFigure(t.Id, t.UnitId, nos, t.IsLead, t.Status, t.Deadline, t.ReturnCount, first, methods,
                submitted.TryGetValue(t.Id, out var s) ? s : null, approved.TryGetValue(t.Id, out var a) ? a : null);
        }).Where(t => t.IndicatorNos.Count > 0).ToList();
        return new DashboardSnapshot(campaignId, ChinaTime.DayOf(createdAt), figures, names, [.. level1.Select(n => n.Text)],
            [.. indicators.Select(i => i.Figure)]);
    }
}
