using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Components.Shared;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Features.Campaigns;
using InspectReady.Web.Features.Organisation;
using InspectReady.Web.Features.Shared;
using AntDesign;
using Microsoft.AspNetCore.Components;

namespace InspectReady.Web.Features.Filing.ReviewTasks;

/// <summary>
/// One route, two views: the office's review queue (all units, filters, batch decisions) and a unit's 我的任务
/// (the handler confines a unit user to the own unit; the page adds what each task still lacks).
/// </summary>
public partial class TasksPage : AppPage
{
    [Parameter] public Guid CampaignId { get; set; }

    [Inject] private TaskListHandler Tasks { get; set; } = default!;
    [Inject] private DecisionsHandler Decisions { get; set; } = default!;
    [Inject] private CampaignsHandler Campaigns { get; set; } = default!;
    [Inject] private UnitsHandler Units { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IMessageService Message { get; set; } = default!;

    private List<TaskDto> tasks = [];
    private int total;
    private int page = 1;
    private int pageSize = PageRequest.DefaultSize;
    private IReadOnlyDictionary<string, int> statusCounts = new Dictionary<string, int>();
    private List<CampaignDto> campaigns = [];
    private List<UnitDto> units = [];
    private Dictionary<Guid, TaskProblemsDto> problems = [];
    private IEnumerable<TaskDto> selected = [];
    private readonly FilterForm filter = new();
    private OutcomeKind? refused;
    private bool canReview;
    private bool returning;
    private string? returnReason;
    private DateOnly? returnDeadline;
    private BatchResultDto? batchResult;
    private Dictionary<Guid, string> batchLabels = [];

    private string Title => InspectReady.Web.Features.Shared.Access.FilingReach.ReadsRegion(Scope) ? "审查队列" : "我的任务";

    private sealed class FilterForm
    {
        public int? IndicatorNo { get; set; }
        public Guid? UnitId { get; set; }
        public string? Method { get; set; }
        public string? Status { get; set; }
        public bool OverdueOnly { get; set; }
    }

    protected override async Task OnPageInitializedAsync()
    {
        returnDeadline = Clock.Today.AddDays(7);
        canReview = Scope.IsInRole(Roles.Office);
        campaigns = [.. await Campaigns.ListAsync(Scope)];
        if (InspectReady.Web.Features.Shared.Access.FilingReach.ReadsRegion(Scope))
        {
            units = [.. await Units.ListAsync(Scope)];
        }
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var query = new TaskFilter(filter.UnitId, filter.Status, filter.Method, filter.IndicatorNo, filter.OverdueOnly ? true : null);
        var outcome = await Tasks.ListAsync(Scope, CampaignId, query, PageRequest.Of(page, pageSize));
        refused = outcome.IsOk ? null : outcome.Kind;
        tasks = [.. outcome.Value?.Items ?? []];
        total = outcome.Value?.Total ?? 0;
        if (outcome.IsOk && tasks.Count == 0 && page > 1)
        {
            page = 1;
            await LoadAsync();
            return;
        }
        statusCounts = (await Tasks.CountByStatusAsync(Scope, CampaignId, query)).Value ?? new Dictionary<string, int>();
        selected = [.. selected.Where(s => tasks.Any(t => t.Id == s.Id))];
        if (outcome.IsOk && !InspectReady.Web.Features.Shared.Access.FilingReach.ReadsRegion(Scope))
        {
            problems = ((await Tasks.ProblemsAsync(Scope, CampaignId)).Value ?? []).ToDictionary(p => p.TaskId);
        }
    }

    private Task OverdueChangedAsync(bool value)
    {
        filter.OverdueOnly = value;
        return FilterChangedAsync();
    }

    /// <summary>A changed filter starts again at the first page.</summary>
    private Task FilterChangedAsync()
    {
        page = 1;
        return LoadAsync();
    }

    private Task PageChangedAsync(PaginationEventArgs args)
    {
        page = args.Page;
        pageSize = args.PageSize;
        return LoadAsync();
    }

    private void SwitchCampaign(Guid id)
    {
        if (id != CampaignId)
        {
            Navigation.NavigateTo($"/campaigns/{id}/tasks");
        }
    }

    private async Task ApproveSelectedAsync()
    {
        batchResult = (await Decisions.BatchAsync(Scope, new BatchRequest([.. selected.Select(t => t.Id)], null, null), approve: true)).Value;
        await AfterBatchAsync();
    }

    private async Task ReturnSelectedAsync()
    {
        if (string.IsNullOrWhiteSpace(returnReason) || returnDeadline is null)
        {
            _ = Message.WarningAsync("退回须填写理由和新的报送期限");
            return;
        }
        batchResult = (await Decisions.BatchAsync(Scope, new BatchRequest([.. selected.Select(t => t.Id)], returnReason, returnDeadline), approve: false)).Value;
        returning = false;
        returnReason = null;
        await AfterBatchAsync();
    }

    private async Task AfterBatchAsync()
    {
        batchLabels = tasks.ToDictionary(t => t.Id, t => $"{t.UnitName} {TaskText.Indicators(t.IndicatorNos)}");
        selected = [];
        await LoadAsync();
    }

    private string Label(Guid id) => batchLabels.GetValueOrDefault(id) ?? id.ToString();

    private static string BatchSummary(BatchResultDto r) =>
        r.Refused.Count == 0 ? $"已处理{r.Done.Count}项" : $"已处理{r.Done.Count}项，{r.Refused.Count}项未处理：";
}
