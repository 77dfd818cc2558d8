using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Surveys;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Paging;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Surveys.SurveyResults;

/// <param name="Index">0–100, the weighted mean of the topic's scored answers (null: no scored answer yet).</param>
/// <param name="Rate">0–100, the weighted share of positive answers (很满意/满意, or a choice scored ≥ 80).</param>
public sealed record TopicResultDto(string Topic, string Label, double? Index, double? Rate, int Answers);

public sealed record RateDto(string Topic, string Label, double? Rate, int Answers);

public sealed record SliceDto(string Name, int Responses, double? Overall, IReadOnlyList<TopicResultDto> Topics, IReadOnlyList<RateDto> Rates);

public sealed record QuotaResultDto(string? Group, string? Area, int Target, int Responses, bool Full);

public sealed record CallCountsDto(int Drawn, int Answered, int Refused, int Unreachable, int Pending);

public sealed record SurveyResultsDto(Guid SurveyId, string Title, int Responses, double? Overall, IReadOnlyList<TopicResultDto> Topics,
    IReadOnlyList<RateDto> Rates, IReadOnlyList<SliceDto> ByArea, IReadOnlyList<SliceDto> ByGroup, IReadOnlyList<QuotaResultDto> Quotas,
    CallCountsDto Calls, IReadOnlyDictionary<string, int> ByChannel);

public sealed record SurveyCommentDto(Guid ResponseId, int QuestionIndex, string Question, string Topic, string TopicLabel, string Text, string? Group,
    string? Area, string Day, int Coded);

/// <summary>Results of a survey: index per topic, area and group, the four rates, quotas (ADR 0121).</summary>
public sealed class SurveyResultsHandler(IDbContextFactory<AppDbContext> factory)
{
    public async Task<Outcome<SurveyResultsDto>> GetAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<SurveyResultsDto>();
        }
        var survey = loaded.Value!;
        var design = survey.Design;
        // Answers are JSON per response: scored in memory (a district's pre-assessment is thousands of responses, not millions).
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == id)
            .Select(r => new { r.Group, r.Area, r.Channel, r.Answers }).ToListAsync();
        SliceDto Slice(string name, IEnumerable<IReadOnlyList<SurveyAnswer>> answers)
        {
            var score = SurveyScoring.Score(design, [.. answers]);
            return new SliceDto(name, score.Responses, score.Overall, Topics(score), Rates(score));
        }
        var all = SurveyScoring.Score(design, [.. responses.Select(r => (IReadOnlyList<SurveyAnswer>)r.Answers)]);
        var byArea = design.Areas.Select(a => Slice(a, responses.Where(r => r.Area == a).Select(r => r.Answers))).ToList();
        var byGroup = design.Groups.Select(g => Slice(g, responses.Where(r => r.Group == g).Select(r => r.Answers))).ToList();
        var quotas = design.Quotas.Select(q =>
        {
            var count = responses.Count(r => (q.Group is null || r.Group == q.Group) && (q.Area is null || r.Area == q.Area));
            return new QuotaResultDto(q.Group, q.Area, q.Target, count, count >= q.Target);
        }).ToList();
        var outcomes = await db.SurveyCalls.Where(c => c.SurveyId == id).GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        int Of(string? outcome) => outcomes.Where(o => o.Key == outcome).Sum(o => o.Count);
        var calls = new CallCountsDto(outcomes.Sum(o => o.Count), Of(CallOutcomes.Answered), Of(CallOutcomes.Refused), Of(CallOutcomes.Unreachable), Of(null));
        var channels = responses.GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => g.Count());
        return Outcome<SurveyResultsDto>.Ok(new SurveyResultsDto(id, survey.Title, all.Responses, all.Overall, Topics(all), Rates(all), byArea, byGroup,
            quotas, calls, channels));
    }

    /// <summary>The free-text answers, to be coded into the rectification list.</summary>
    public async Task<Outcome<Paged<SurveyCommentDto>>> CommentsAsync(UserScope actor, Guid id, int? page = null, int? pageSize = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<Paged<SurveyCommentDto>>();
        }
        var design = loaded.Value!.Design;
        var textQuestions = design.Questions.Select((q, i) => (q, i)).Where(x => x.q.Type == QuestionTypes.Text).Select(x => x.i).ToHashSet();
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == id).OrderByDescending(r => r.Day).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Group, r.Area, r.Day, r.Answers }).ToListAsync();
        var coded = await db.SurveyRectifications.Where(r => r.SurveyId == id && r.Comment != null)
            .GroupBy(r => r.Comment!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var comments = responses.SelectMany(r => r.Answers.Where(a => textQuestions.Contains(a.Question) && a.Text is not null).Select(a =>
        {
            var q = design.Questions[a.Question];
            return new SurveyCommentDto(r.Id, a.Question, q.Text, q.Topic, SurveyTopics.Label(q.Topic), a.Text!, r.Group, r.Area,
                IsoDate.Format(r.Day), coded.GetValueOrDefault(a.Text!));
        })).ToList();
        return Outcome<Paged<SurveyCommentDto>>.Ok(comments.ToPage(PageRequest.Of(page, pageSize)));
    }

    private static List<TopicResultDto> Topics(SurveyScore score) =>
        [.. score.Topics.Select(t => new TopicResultDto(t.Topic, SurveyTopics.Label(t.Topic), t.Index, t.Rate, t.Answers))];

    private static List<RateDto> Rates(SurveyScore score) =>
        [.. score.Rates.Select(r => new RateDto(r.Topic, SurveyTopics.Label(r.Topic), r.Rate, r.Answers))];
}
