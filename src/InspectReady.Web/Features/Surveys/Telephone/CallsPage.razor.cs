using System.Globalization;
using AntDesign;
using InspectReady.Web.Components.Shared;
using InspectReady.Web.Domain.Surveys;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Features.Surveys.Build;
using InspectReady.Web.Features.Surveys.Respond;
using Microsoft.AspNetCore.Components;

namespace InspectReady.Web.Features.Surveys.Telephone;

/// <summary>
/// The callers' page of the telephone mode: draw a call list, work through it one call at a time (the full number
/// only through the audited reveal), record the outcome and, for an answered call, the answers in the public form.
/// </summary>
public partial class CallsPage : AppPage
{
    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private SurveysHandler Surveys { get; set; } = default!;

    [Inject]
    private CallsHandler Calls { get; set; } = default!;

    [Inject]
    private IMessageService Message { get; set; } = default!;

    private SurveyDto? survey;
    private Paged<CallDto> list = new([], 0, 1, PageRequest.DefaultSize);
    private (int Total, int Pending, int Answered, int Refused, int Unreachable) counts;
    private CallDto? current;
    private string? revealed;
    private SurveyAnswerForm? form;
    private List<string> errors = [];
    private List<string> drawErrors = [];
    private string? frame;
    private int drawCount = 20;
    private string? seed;
    private string filter = "";
    private int page = 1;

    protected override async Task OnPageInitializedAsync()
    {
        if (!SurveyAccess.IsOffice(Scope))
        {
            return;
        }
        survey = (await Surveys.GetAsync(Scope, Id)).Value;
        if (survey is not null)
        {
            await RefreshAsync();
            await NextAsync();
        }
    }

    private async Task RefreshAsync()
    {
        async Task<int> CountAsync(string? outcome) => (await Calls.ListAsync(Scope, Id, outcome, 1, 1)).Value?.Total ?? 0;
        counts = (await CountAsync(null), await CountAsync("pending"), await CountAsync(CallOutcomes.Answered),
            await CountAsync(CallOutcomes.Refused), await CountAsync(CallOutcomes.Unreachable));
        list = (await Calls.ListAsync(Scope, Id, filter.Length == 0 ? null : filter, page, PageRequest.DefaultSize)).Value ?? list;
    }

    /// <summary>The next call still to make after the current one (wrapping round to the unreachable ones).</summary>
    private async Task NextAsync()
    {
        var pending = (await Calls.ListAsync(Scope, Id, "pending", 1, PageRequest.MaxSize)).Value?.Items ?? [];
        var after = current?.Position ?? 0;
        Open(pending.FirstOrDefault(c => c.Position > after) ?? pending.FirstOrDefault(c => c.Id != current?.Id) ?? (pending.Count > 0 ? pending[0] : null));
    }

    private void Open(CallDto? call)
    {
        current = call;
        revealed = null;
        errors = [];
        form?.Clear();
    }

    private async Task RevealAsync()
    {
        var outcome = await Calls.RevealAsync(Scope, Id, current!.Id);
        if (outcome.IsOk)
        {
            revealed = outcome.Value!.Phone;
        }
        else
        {
            _ = Message.ErrorAsync(outcome.Message);
        }
    }

    private async Task RecordAsync(string outcome)
    {
        var answers = outcome == CallOutcomes.Answered ? form?.Answers() ?? [] : null;
        var result = await Calls.RecordAsync(Scope, Id, current!.Id, new CallOutcomeRequest(outcome, answers));
        if (!result.IsOk)
        {
            errors = [.. result.Errors.Select(e => e.Message)];
            return;
        }
        _ = Message.SuccessAsync($"第{result.Value!.Position}号：{result.Value.OutcomeLabel}");
        current = result.Value;
        await RefreshAsync();
        await NextAsync();
    }

    private async Task DrawAsync()
    {
        drawErrors = [];
        var entries = SurveyDraft.Lines(frame).Select(line => line.Split([',', '，', '\t'], StringSplitOptions.TrimEntries))
            .Select(p => new CallEntry(p[0], p.Length > 1 ? p[1] : null, p.Length > 2 ? p[2] : null)).ToList();
        int? fixedSeed = null;
        if (!string.IsNullOrWhiteSpace(seed))
        {
            if (!int.TryParse(seed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                drawErrors = [$"种子“{seed}”应为非负整数"];
                return;
            }
            fixedSeed = s;
        }
        var outcome = await Calls.DrawAsync(Scope, Id, new CallDrawRequest(entries, drawCount, fixedSeed));
        if (!outcome.IsOk)
        {
            drawErrors = [.. outcome.Errors.Select(e => e.Message)];
            return;
        }
        _ = Message.SuccessAsync($"从{outcome.Value!.Frame}个号码中抽取{outcome.Value.Drawn}个（种子{outcome.Value.Seed}）");
        frame = null;
        await RefreshAsync();
        if (current is null)
        {
            await NextAsync();
        }
    }

    private async Task FilterAsync(ChangeEventArgs e)
    {
        filter = e.Value as string ?? "";
        page = 1;
        await RefreshAsync();
    }

    private async Task PageChangedAsync(PaginationEventArgs args)
    {
        page = args.Page;
        await RefreshAsync();
    }
}
