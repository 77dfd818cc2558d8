using AntDesign;
using InspectReady.Web.Components.Shared;
using InspectReady.Web.Domain.Surveys;
using Microsoft.AspNetCore.Components;

namespace InspectReady.Web.Features.Surveys.Build;

/// <summary>The form-based survey builder (ADR 0124): a draft's whole design, a published survey's weights, its channels.</summary>
public partial class SurveyBuilderPage : AppPage
{
    [Parameter]
    public Guid? Id { get; set; }

    [Inject]
    private SurveysHandler Handler { get; set; } = default!;

    [Inject]
    private IMessageService Message { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private SurveyDto? survey;
    private SurveyDraft draft = new();
    private List<string> errors = [];
    private string newType = QuestionTypes.Scale5;
    private bool saving;
    private string? linkGroup;
    private string? linkArea;
    private int invitationCount = 20;
    private string? invitationGroup;
    private string? invitationArea;
    private List<string> codes = [];

    private bool Locked => survey is not null && survey.Status != SurveyStatus.Draft;

    protected override Task OnPageInitializedAsync() => LoadAsync();

    protected override async Task OnParametersSetAsync()
    {
        if (Id != survey?.Id && Scope.UserName != "anonymous")
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        if (!SurveyAccess.IsOffice(Scope))
        {
            return;
        }
        if (Id is { } id)
        {
            survey = (await Handler.GetAsync(Scope, id)).Value;
            draft = survey is null ? new SurveyDraft() : SurveyDraft.From(survey);
        }
        else if (draft.Questions.Count == 0 && draft.Title.Length == 0)
        {
            draft = new SurveyDraft { Title = "", Questions = [new QuestionDraft()] };
        }
    }

    private void StartFromExample()
    {
        draft = SurveyDraft.From(SurveysHandler.Example());
        errors = [];
    }

    private void AddQuestion()
    {
        var question = new QuestionDraft { Type = newType };
        if (question.HasOptions)
        {
            question.Options = "是\n否";
        }
        if (newType == QuestionTypes.Matrix5)
        {
            question.Rows = "办事效率\n服务态度";
        }
        draft.Questions.Add(question);
    }

    private static void SetCondition(QuestionDraft question, string? value)
    {
        question.ShowIfQuestion = int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
        question.ShowIfValues.Clear();
    }

    private static void ToggleCondition(QuestionDraft question, string option)
    {
        if (!question.ShowIfValues.Remove(option))
        {
            question.ShowIfValues.Add(option);
        }
    }

    private void SetTopicWeight(string topic, ChangeEventArgs e) => draft.TopicWeights[topic] = e.Value as string ?? "";

    private static string Short(string text) => text.Length > 24 ? text[..24] + "…" : text;

    private async Task SaveAsync()
    {
        var (request, formErrors) = draft.ToRequest();
        errors = formErrors;
        if (request is null)
        {
            return;
        }
        saving = true;
        try
        {
            Features.Shared.Outcome<SurveyDto> outcome;
            if (survey is null)
            {
                outcome = await Handler.CreateAsync(Scope, request);
            }
            else if (Locked)
            {
                outcome = await Handler.SetWeightsAsync(Scope, survey.Id,
                    new WeightsRequest(request.TopicWeights, [.. request.Questions!.Select(q => q.Weight)]));
            }
            else
            {
                outcome = await Handler.UpdateAsync(Scope, survey.Id, request);
            }
            if (!outcome.IsOk)
            {
                errors = outcome.Errors is { Count: > 0 } fields ? [.. fields.Select(f => f.Message)] : [outcome.Message];
                return;
            }
            _ = Message.SuccessAsync("已保存");
            if (survey is null)
            {
                Navigation.NavigateTo($"/surveys/{outcome.Value!.Id}/edit");
                return;
            }
            survey = outcome.Value;
            draft = SurveyDraft.From(survey!);
        }
        finally
        {
            saving = false;
        }
    }

    private async Task PublishAsync()
    {
        var outcome = await Handler.PublishAsync(Scope, survey!.Id);
        _ = outcome.IsOk ? Message.SuccessAsync($"已发布，公开链接 {outcome.Value!.Url}") : Message.ErrorAsync(outcome.Message);
        await LoadAsync();
    }

    private async Task CloseAsync()
    {
        var outcome = await Handler.CloseAsync(Scope, survey!.Id);
        _ = outcome.IsOk ? Message.SuccessAsync("已结束") : Message.ErrorAsync(outcome.Message);
        await LoadAsync();
    }

    private async Task AddLinkAsync()
    {
        var outcome = await Handler.AddLinkAsync(Scope, survey!.Id, new LinkRequest(linkGroup, linkArea));
        _ = outcome.IsOk ? Message.SuccessAsync("已新增链接") : Message.ErrorAsync(outcome.Message);
        await LoadAsync();
    }

    private async Task AddInvitationsAsync()
    {
        var outcome = await Handler.AddInvitationsAsync(Scope, survey!.Id, new InvitationsRequest(invitationCount, invitationGroup, invitationArea));
        if (outcome.IsOk)
        {
            codes = [.. outcome.Value!.Codes];
            _ = Message.SuccessAsync($"已生成{codes.Count}个邀请码");
            await LoadAsync();
        }
        else
        {
            _ = Message.ErrorAsync(outcome.Message);
        }
    }
}
