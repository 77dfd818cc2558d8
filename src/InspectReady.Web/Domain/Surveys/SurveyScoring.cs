namespace InspectReady.Web.Domain.Surveys;

/// <param name="Index">0–100: the weighted mean of the topic's scored answers; null without any.</param>
/// <param name="Rate">0–100: the weighted share of the topic's scored answers that are positive (score ≥ 80).</param>
public sealed record TopicScore(string Topic, double? Index, double? Rate, int Answers);

public sealed record SurveyScore(int Responses, IReadOnlyList<TopicScore> Topics, IReadOnlyList<TopicScore> Rates, double? Overall);

/// <summary>
/// The satisfaction index and the four rates (ADR 0121). Every scored answer has a score 0–100: a scale option its
/// scale score (100/80/60/40/20 unless the survey sets others), each matrix row likewise, a 0–10 rating ×10, a choice
/// the score its option carries (a multiple choice the mean of its picked options). A topic's index is
/// Σ(weight × score) / Σ weight over its answers, the weight being the question's (default 1). A rate is the weighted
/// share of positive answers (score ≥ <see cref="PositiveScore"/>): 知晓率, 支持率 and 参与率 over their own topic's
/// questions, 满意率 over the satisfaction answers of the seven topics and of questions put under it. The overall index
/// is the mean of the topic indexes weighted by the topic weights (1 each unless set; the rates weigh 0).
/// </summary>
public static class SurveyScoring
{
    public const double PositiveScore = 80;

    /// <summary>The score of one answer, or null when the question or answer carries none.</summary>
    public static IEnumerable<double> Scores(SurveyDesign design, SurveyQuestion question, SurveyAnswer answer)
    {
        switch (question.Type)
        {
            case QuestionTypes.Scale5 or QuestionTypes.Matrix5:
                foreach (var choice in answer.Choices ?? [])
                {
                    var i = IndexOf(SurveyDesign.ScaleOptions, choice);
                    if (i >= 0)
                    {
                        yield return design.Scale[i];
                    }
                }
                break;
            case QuestionTypes.Rating10 when answer.Number is { } n:
                yield return n * 10;
                break;
            case QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice when question.Scores is { } scores && question.Options is { } options:
                var picked = (answer.Choices ?? []).Select(c => IndexOf(options, c)).Where(i => i >= 0 && i < scores.Count).Select(i => scores[i]).ToList();
                if (picked.Count > 0)
                {
                    yield return picked.Average();
                }
                break;
        }
    }

    public static SurveyScore Score(SurveyDesign design, IReadOnlyCollection<IReadOnlyList<SurveyAnswer>> responses)
    {
        var sums = new Dictionary<string, (double Weighted, double Weight, double Positive, int Count)>();
        var satisfaction = (Weighted: 0.0, Weight: 0.0, Positive: 0.0, Count: 0);
        foreach (var answers in responses)
        {
            foreach (var answer in answers)
            {
                if (answer.Question < 0 || answer.Question >= design.Questions.Count)
                {
                    continue;
                }
                var question = design.Questions[answer.Question];
                var weight = question.EffectiveWeight;
                foreach (var score in Scores(design, question, answer))
                {
                    var s = sums.GetValueOrDefault(question.Topic);
                    var positive = score >= PositiveScore ? weight : 0;
                    sums[question.Topic] = (s.Weighted + weight * score, s.Weight + weight, s.Positive + positive, s.Count + 1);
                    if (!SurveyTopics.IsRate(question.Topic) || question.Topic == SurveyTopics.Satisfaction)
                    {
                        satisfaction = (satisfaction.Weighted + weight * score, satisfaction.Weight + weight, satisfaction.Positive + positive, satisfaction.Count + 1);
                    }
                }
            }
        }
        var topics = design.Questions.Select(q => q.Topic).Distinct().OrderBy(Order).Select(t => ToScore(t, sums.GetValueOrDefault(t))).ToList();
        var rates = SurveyTopics.Rates.Select(r => r == SurveyTopics.Satisfaction
            ? ToScore(r, satisfaction) with { Index = null }
            : ToScore(r, sums.GetValueOrDefault(r)) with { Index = null }).ToList();
        var weighted = topics.Where(t => t.Index is not null && design.TopicWeight(t.Topic) > 0).ToList();
        var totalWeight = weighted.Sum(t => design.TopicWeight(t.Topic));
        double? overall = totalWeight > 0 ? Round(weighted.Sum(t => design.TopicWeight(t.Topic) * t.Index!.Value) / totalWeight) : null;
        return new SurveyScore(responses.Count, topics, rates, overall);
    }

    private static TopicScore ToScore(string topic, (double Weighted, double Weight, double Positive, int Count) s) =>
        s.Weight > 0
            ? new TopicScore(topic, Round(s.Weighted / s.Weight), Round(100 * s.Positive / s.Weight), s.Count)
            : new TopicScore(topic, null, null, s.Count);

    private static int Order(string topic) => SurveyTopics.Labels.Keys.ToList().IndexOf(topic);

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    public static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
