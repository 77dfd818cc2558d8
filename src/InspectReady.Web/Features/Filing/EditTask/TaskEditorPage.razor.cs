using AntDesign;
using InspectReady.Web.Components.Shared;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Features.Shared;
using Microsoft.AspNetCore.Components;

namespace InspectReady.Web.Features.Filing.EditTask;

/// <summary>
/// 填报: one task's filing. The liaison edits and submits, the unit leader signs off or sends back, the office
/// approves, returns or reopens. Buttons follow the role and the status; the handler decides.
/// </summary>
public partial class TaskEditorPage : AppPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private TaskDetailsHandler Details { get; set; } = default!;
    [Inject] private FilingHandler Filing { get; set; } = default!;
    [Inject] private IMessageService Message { get; set; } = default!;

    private TaskDetailDto? detail;
    private TaskDraft draft = new();
    private OutcomeKind? refused;
    private string? conflict;
    private List<string> submitErrors = [];
    private bool busy;
    private bool canEdit;
    private bool isLeader;
    private bool isOffice;

    private bool CanDecide => detail is { } d && ((isLeader && d.Task.Status == FilingStatus.AwaitingSignOff)
        || (isOffice && d.Task.Status is FilingStatus.Submitted or FilingStatus.Approved));

    private bool LinksRequired => detail?.Checklist.Any(i => i.Kind == MaterialItemKind.Url.Code() || i.RequiredFields.Contains(ChecklistLabels.Of(RequiredField.Url))) == true;

    private string NextStep => detail?.Task.Status switch
    {
        FilingStatus.Draft => "待本单位联络员填报",
        FilingStatus.AwaitingSignOff => "待本单位领导审核",
        FilingStatus.Submitted => "待创建办审核",
        FilingStatus.Returned => "待本单位修改后重新提交",
        FilingStatus.Approved => "创建办已审核通过",
        _ => "",
    };

    protected override Task OnParametersSetAsync() => LoadAsync(resetDraft: true);

    private async Task LoadAsync(bool resetDraft)
    {
        var outcome = await Details.GetAsync(Scope, Id);
        if (!outcome.IsOk)
        {
            refused = outcome.Kind;
            return;
        }
        Show(outcome.Value!, resetDraft);
    }

    private void Show(TaskDetailDto value, bool resetDraft)
    {
        detail = value;
        if (resetDraft)
        {
            draft = TaskDraft.From(value);
            conflict = null;
        }
        var ownUnit = Scope.UnitId == value.Task.UnitId;
        canEdit = Scope.IsInRole(Roles.UnitLiaison) && ownUnit && FilingStatus.IsEditable(value.Task.Status);
        isLeader = Scope.IsInRole(Roles.UnitLeader) && ownUnit;
        isOffice = Scope.IsInRole(Roles.Office);
    }

    private List<Dictionary<string, string>> RowsOf(int index)
    {
        if (!draft.Lists.TryGetValue(index, out var rows))
        {
            draft.Lists[index] = rows = [];
        }
        return rows;
    }

    /// <summary>After an upload or a delete: new attachments and problems, the typed text stays.</summary>
    private Task RefreshAsync() => LoadAsync(resetDraft: false);

    private Task ReloadAsync() => LoadAsync(resetDraft: true);

    private async Task SaveAsync()
    {
        if (await SaveDraftAsync())
        {
            _ = Message.SuccessAsync("草稿已保存");
        }
    }

    private async Task<bool> SaveDraftAsync()
    {
        busy = true;
        submitErrors = [];
        var outcome = await Filing.SaveDraftAsync(Scope, Id, draft.ToRequest());
        busy = false;
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Show(outcome.Value!, resetDraft: true);
                return true;
            case OutcomeKind.Conflict:
                conflict = outcome.Message;
                return false;
            case OutcomeKind.Forbidden:
                _ = Message.ErrorAsync("只有本单位联络员可以修改草稿");
                return false;
            case OutcomeKind.NotFound:
                refused = OutcomeKind.NotFound;
                return false;
            default:
                submitErrors = [.. outcome.Errors.Select(e => e.Message)];
                return false;
        }
    }

    /// <summary>Submitting saves first, so the leader signs off exactly what is on the screen.</summary>
    private async Task SubmitAsync()
    {
        if (!await SaveDraftAsync())
        {
            return;
        }
        busy = true;
        var outcome = await Filing.SubmitAsync(Scope, Id);
        busy = false;
        if (outcome.IsOk)
        {
            Show(outcome.Value!, resetDraft: true);
            _ = Message.SuccessAsync("已提交，等待本单位领导审核");
        }
        else
        {
            submitErrors = [.. outcome.Errors.Select(e => e.Message).DefaultIfEmpty(outcome.Kind == OutcomeKind.Forbidden ? "只有本单位联络员可以提交" : "提交失败")];
        }
    }

    private Task DecidedAsync(TaskDetailDto value)
    {
        Show(value, resetDraft: true);
        return Task.CompletedTask;
    }
}
