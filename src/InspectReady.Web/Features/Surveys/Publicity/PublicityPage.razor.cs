using System.Globalization;
using AntDesign;
using InspectReady.Web.Components.Shared;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Features.Surveys.Rectifications;
using InspectReady.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace InspectReady.Web.Features.Surveys.Publicity;

/// <summary>宣传活动台账: list and filter (paged), record an activity with photos, the office's plan and the tallies against it.</summary>
public partial class PublicityPage : AppPage
{
    [Inject]
    private PublicityHandler Handler { get; set; } = default!;

    [Inject]
    private FileStore Store { get; set; } = default!;

    [Inject]
    private IMessageService Message { get; set; } = default!;

    private sealed class ActivityForm
    {
        public Guid UnitId { get; set; }
        public DateOnly Date { get; set; }
        public string Kind { get; set; } = "lecture";
        public string? Place { get; set; }
        public string? Street { get; set; }
        public int Reach { get; set; }
        public string? Description { get; set; }
    }

    private bool mayUse;
    private IReadOnlyList<UnitChoiceDto> units = [];
    private IReadOnlyList<string> streets = [];
    private Paged<ActivityDto> activities = new([], 0, 1, PageRequest.DefaultSize);
    private PublicitySummaryDto summary = new(0, 0, [], []);
    private Guid? filterUnit;
    private string? filterStreet;
    private int page = 1;
    private ActivityForm form = new();
    private List<IBrowserFile> photos = [];
    private List<string> formErrors = [];
    private List<string> planErrors = [];
    private bool saving;
    private Dictionary<Guid, string?> unitTargets = [];
    private string? streetPlan;

    protected override async Task OnPageInitializedAsync()
    {
        mayUse = SurveyAccess.IsOffice(Scope) || SurveyAccess.IsUnitUser(Scope);
        if (!mayUse)
        {
            return;
        }
        units = await Handler.UnitsAsync(Scope);
        form = NewForm();
        var plan = await Handler.PlanAsync(Scope);
        unitTargets = plan.Where(p => p.UnitId is not null).ToDictionary(p => p.UnitId!.Value, p => (string?)p.Target.ToString(CultureInfo.InvariantCulture));
        streetPlan = string.Join("\n", plan.Where(p => p.Street is not null).Select(p => $"{p.Street},{p.Target}"));
        await RefreshAsync();
    }

    private ActivityForm NewForm() => new() { UnitId = units.Count > 0 ? units[0].Id : Guid.Empty, Date = Clock.Today, Kind = form.Kind };

    private async Task RefreshAsync()
    {
        activities = await Handler.ListAsync(Scope, filterUnit, filterStreet, page, PageRequest.DefaultSize);
        summary = await Handler.SummaryAsync(Scope);
        streets = await Handler.StreetsAsync(Scope);
    }

    private static string Met(bool? met) => met switch { true => "完成", false => "未完成", _ => "无计划" };

    private void PickPhotos(InputFileChangeEventArgs e) => photos = [.. e.GetMultipleFiles(20)];

    private async Task SaveActivityAsync()
    {
        formErrors = [];
        saving = true;
        try
        {
            var created = await Handler.CreateAsync(Scope, new ActivityRequest(form.UnitId, IsoDate.Format(form.Date), form.Kind, form.Place, form.Street, form.Reach, form.Description));
            if (!created.IsOk)
            {
                formErrors = created.Kind == Shared.OutcomeKind.NotFound ? ["请选择本单位（或本区划内的单位）"] : [.. created.Errors.Select(e => e.Message)];
                return;
            }
            foreach (var file in photos)
            {
                try
                {
                    await using var stream = file.OpenReadStream(Store.MaxBytes);
                    var uploaded = await Handler.AddPhotoAsync(Scope, created.Value!.Id, stream, file.Name, CancellationToken.None);
                    if (!uploaded.IsOk)
                    {
                        formErrors.Add(uploaded.Message);
                    }
                }
                catch (IOException ex)
                {
                    formErrors.Add($"照片“{file.Name}”上传未完成：{ex.Message}");
                }
            }
            _ = formErrors.Count == 0 ? Message.SuccessAsync("已登记") : Message.WarningAsync("活动已登记，部分照片未上传");
            photos = [];
            form = NewForm();
            await RefreshAsync();
        }
        finally
        {
            saving = false;
        }
    }

    private async Task DeleteAsync(ActivityDto activity)
    {
        var outcome = await Handler.DeleteAsync(Scope, activity.Id);
        _ = outcome.IsOk ? Message.SuccessAsync("已删除") : Message.ErrorAsync(outcome.Kind == Shared.OutcomeKind.Forbidden ? "只能删除本单位的活动" : outcome.Message);
        await RefreshAsync();
    }

    private async Task SavePlanAsync()
    {
        planErrors = [];
        var items = new List<PlanItem>();
        foreach (var (unitId, text) in unitTargets.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)))
        {
            if (int.TryParse(text!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var target))
            {
                items.Add(new PlanItem(unitId, null, target));
            }
            else
            {
                planErrors.Add($"单位“{units.FirstOrDefault(u => u.Id == unitId)?.Name}”的计划场次“{text}”应为非负整数");
            }
        }
        var lines = SurveyDraftLines(streetPlan);
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split([',', '，', '\t'], StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Length > 0 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var target))
            {
                items.Add(new PlanItem(null, parts[0], target));
            }
            else
            {
                planErrors.Add($"街道计划第{i + 1}行“{lines[i]}”：应为“街道,场次”");
            }
        }
        if (planErrors.Count > 0)
        {
            return;
        }
        var outcome = await Handler.SetPlanAsync(Scope, new PlanRequest(items));
        if (!outcome.IsOk)
        {
            planErrors = [.. outcome.Errors.Select(e => e.Message)];
            return;
        }
        _ = Message.SuccessAsync($"已保存计划（{items.Count}项）");
        await RefreshAsync();
    }

    private static List<string> SurveyDraftLines(string? text) => Build.SurveyDraft.Lines(text);

    private async Task FilterUnitAsync(ChangeEventArgs e)
    {
        filterUnit = Guid.TryParse(e.Value as string, out var id) ? id : null;
        page = 1;
        await RefreshAsync();
    }

    private async Task FilterStreetAsync(ChangeEventArgs e)
    {
        filterStreet = e.Value is string { Length: > 0 } s ? s : null;
        page = 1;
        await RefreshAsync();
    }

    private async Task PageChangedAsync(PaginationEventArgs args)
    {
        page = args.Page;
        await RefreshAsync();
    }
}
