using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;

namespace InspectReady.Web.Features.Dashboards;

/// <summary>ECharts options built from the dashboard's figures: one place for colours, labels and layout.</summary>
public static class DashboardCharts
{
    /// <summary>A colour per task state, used by the charts and the matrix alike.</summary>
    public static readonly IReadOnlyDictionary<string, string> StatusColours = new Dictionary<string, string>
    {
        [FilingStatus.Approved] = "#52c41a",
        [FilingStatus.Submitted] = "#1677ff",
        [FilingStatus.AwaitingSignOff] = "#faad14",
        [FilingStatus.Returned] = "#ff4d4f",
        [FilingStatus.Draft] = "#bfbfbf",
    };

    public const string OverdueColour = "#a8071a";

    private static readonly (string Name, Func<StatusCountsDto, int> Value)[] Stack =
    [
        (FilingStatus.Approved, c => c.Approved),
        (FilingStatus.Submitted, c => c.Submitted),
        (FilingStatus.AwaitingSignOff, c => c.AwaitingSignOff),
        (FilingStatus.Returned, c => c.Returned),
        (FilingStatus.Draft, c => c.Draft),
    ];

    /// <summary>Horizontal bars stacked by state, one bar per row (一级指标 or 测评方法), with the overdue count beside.</summary>
    public static object StatusBars(IReadOnlyList<BreakdownRowDto> rows) => new
    {
        tooltip = new { trigger = "axis", axisPointer = new { type = "shadow" } },
        legend = new { top = 0 },
        grid = new { left = 8, right = 24, top = 32, bottom = 8, containLabel = true },
        xAxis = new { type = "value", minInterval = 1 },
        yAxis = new
        {
            type = "category", inverse = true, data = rows.Select(r => r.Name).ToArray(),
            axisLabel = new { width = 180, overflow = "truncate" },
        },
        series = Stack.Select(s => (object)new
        {
            name = FilingStatus.Label(s.Name), type = "bar", stack = "status", itemStyle = new { color = StatusColours[s.Name] },
            data = rows.Select(r => s.Value(r.Counts)).ToArray(),
        }).Append(new
        {
            name = "逾期", type = "bar", stack = "overdue", itemStyle = new { color = OverdueColour },
            data = rows.Select(r => r.Counts.Overdue).ToArray(),
        }).ToArray(),
    };

    /// <summary>Units ranked by completion (share of tasks filed), best first.</summary>
    public static object Ranking(IReadOnlyList<UnitRankDto> units) => new
    {
        tooltip = new { trigger = "axis", axisPointer = new { type = "shadow" } },
        grid = new { left = 8, right = 48, top = 8, bottom = 8, containLabel = true },
        xAxis = new { type = "value", max = 100, axisLabel = new { formatter = "{value}%" } },
        yAxis = new
        {
            type = "category", inverse = true, data = units.Select(u => $"{u.Rank}. {u.UnitName}").ToArray(),
            axisLabel = new { width = 160, overflow = "truncate" },
        },
        series = new object[]
        {
            new
            {
                name = "完成率", type = "bar", label = new { show = true, position = "right", formatter = "{c}%" },
                itemStyle = new { color = "#1677ff" }, data = units.Select(u => u.Counts.Completion).ToArray(),
            },
        },
    };

    /// <summary>Cumulative submissions and approvals per day.</summary>
    public static object Progress(ProgressDto progress) => new
    {
        tooltip = new { trigger = "axis" },
        legend = new { top = 0 },
        grid = new { left = 8, right = 24, top = 32, bottom = 8, containLabel = true },
        xAxis = new { type = "category", boundaryGap = false, data = progress.Days.Select(d => d.Date.ToString("MM-dd")).ToArray() },
        yAxis = new { type = "value", minInterval = 1, max = progress.Tasks },
        series = new object[]
        {
            new { name = "累计已报送", type = "line", smooth = false, itemStyle = new { color = StatusColours[FilingStatus.Submitted] }, data = progress.Days.Select(d => d.Submitted).ToArray() },
            new { name = "累计已通过", type = "line", smooth = false, itemStyle = new { color = StatusColours[FilingStatus.Approved] }, data = progress.Days.Select(d => d.Approved).ToArray() },
            new { name = "当日报送", type = "bar", itemStyle = new { color = "#91caff" }, data = progress.Days.Select(d => d.SubmittedThatDay).ToArray() },
        },
    };

    /// <summary>The share of tasks in each state, as a ring.</summary>
    public static object StatusRing(StatusCountsDto counts) => new
    {
        tooltip = new { trigger = "item" },
        legend = new { bottom = 0 },
        series = new object[]
        {
            new
            {
                name = "任务状态", type = "pie", radius = new[] { "45%", "70%" },
                label = new { formatter = "{b}\n{c}" },
                data = Stack.Select(s => new { name = FilingStatus.Label(s.Name), value = s.Value(counts), itemStyle = new { color = StatusColours[s.Name] } })
                    .Where(d => d.value > 0).ToArray(),
            },
        },
    };
}
