using System.Text.Json;
using InspectReady.Web.Domain.Surveys;

namespace InspectReady.UnitTests.Surveys;

public class SurveyScoringTests
{
    /// <summary>
    /// q0 scale5 行政执法 weight 2; q1 rating10 行政执法; q2 知晓 (100/0); q3 scale5 满意率; q4 text follow-up of q3;
    /// q5 matrix5 政务服务 with two rows. Topic weights: 行政执法 3, 政务服务 1.
    /// </summary>
    internal static SurveyDesign Design(List<double>? scale = null) => new()
    {
        Questions =
        [
            new(QuestionTypes.Scale5, "执法满意度", SurveyTopics.LawEnforcement, Weight: 2),
            new(QuestionTypes.Rating10, "执法打分", SurveyTopics.LawEnforcement),
            new(QuestionTypes.SingleChoice, "是否知晓", SurveyTopics.Awareness, ["知晓", "不知晓"], Scores: [100, 0]),
            new(QuestionTypes.Scale5, "总体满意度", SurveyTopics.Satisfaction, Required: true),
            new(QuestionTypes.Text, "为什么不满意", SurveyTopics.Satisfaction, ShowIf: new SurveyCondition(3, ["不满意", "很不满意"])),
            new(QuestionTypes.Matrix5, "政务服务", SurveyTopics.GovernmentServices, Rows: ["窗口", "网上"]),
        ],
        ScaleScores = scale,
        TopicWeights = new() { [SurveyTopics.LawEnforcement] = 3, [SurveyTopics.GovernmentServices] = 1 },
    };

    internal static IReadOnlyList<SurveyAnswer> R1 =>
        [new(0, ["很满意"]), new(1, Number: 7), new(2, ["知晓"]), new(3, ["满意"]), new(5, ["满意", "一般"])];

    internal static IReadOnlyList<SurveyAnswer> R2 =>
        [new(0, ["不满意"]), new(1, Number: 10), new(2, ["不知晓"]), new(3, ["很不满意"]), new(4, Text: "窗口排队太久"), new(5, ["很满意", "很满意"])];

    private static TopicScore Topic(SurveyScore s, string code) => s.Topics.Single(t => t.Topic == code);

    private static TopicScore Rate(SurveyScore s, string code) => s.Rates.Single(t => t.Topic == code);

    [Fact]
    public void Topic_index_is_the_question_weighted_mean_of_its_scored_answers()
    {
        var score = SurveyScoring.Score(Design(), [R1, R2]);
        // (2×100 + 1×70 + 2×40 + 1×100) / 6
        Assert.Equal(75, Topic(score, SurveyTopics.LawEnforcement).Index);
        // matrix rows 80, 60, 100, 100
        Assert.Equal(85, Topic(score, SurveyTopics.GovernmentServices).Index);
        Assert.Equal(50, Topic(score, SurveyTopics.Awareness).Index);
        Assert.Equal(50, Topic(score, SurveyTopics.Satisfaction).Index);
        Assert.Equal(2, score.Responses);
    }

    [Fact]
    public void Overall_index_weighs_the_topics_and_leaves_the_rates_out()
    {
        var score = SurveyScoring.Score(Design(), [R1, R2]);
        // (3×75 + 1×85) / 4
        Assert.Equal(77.5, score.Overall);
    }

    [Fact]
    public void The_four_rates_are_weighted_shares_of_positive_answers()
    {
        var score = SurveyScoring.Score(Design(), [R1, R2]);
        Assert.Equal(50, Rate(score, SurveyTopics.Awareness).Rate);
        Assert.Null(Rate(score, SurveyTopics.Support).Rate);
        Assert.Null(Rate(score, SurveyTopics.Participation).Rate);
        // positive weight: 行政执法 2 (q0 很满意) + 1 (q1 10分) of 6, 政务服务 3 rows of 4, 满意率题 1 (满意) of 2 = 7 of 12
        Assert.Equal(58.33, Rate(score, SurveyTopics.Satisfaction).Rate);
        // 行政执法 alone: 3 of 6
        Assert.Equal(50, Topic(score, SurveyTopics.LawEnforcement).Rate);
    }

    [Fact]
    public void A_survey_sets_its_own_scale_scores()
    {
        var score = SurveyScoring.Score(Design([95, 85, 70, 50, 10]), [R1, R2]);
        // (2×95 + 1×70 + 2×50 + 1×100) / 6 = 460 / 6
        Assert.Equal(76.67, Topic(score, SurveyTopics.LawEnforcement).Index);
        // 85, 70, 95, 95
        Assert.Equal(86.25, Topic(score, SurveyTopics.GovernmentServices).Index);
    }

    [Fact]
    public void Default_scale_scores_are_100_80_60_40_20()
    {
        var design = new SurveyDesign { Questions = [new(QuestionTypes.Scale5, "q", SurveyTopics.Approval)] };
        var scores = SurveyDesign.ScaleOptions.Select(o => SurveyScoring.Scores(design, design.Questions[0], new SurveyAnswer(0, [o])).Single());
        Assert.Equal([100.0, 80, 60, 40, 20], scores);
    }

    [Fact]
    public void No_responses_give_no_index()
    {
        var score = SurveyScoring.Score(Design(), []);
        Assert.Null(score.Overall);
        Assert.All(score.Topics, t => Assert.Null(t.Index));
    }
}

public class AnswerRulesTests
{
    private static RawAnswer A(int q, object value) => new(q, JsonSerializer.SerializeToElement(value));

    [Fact]
    public void A_follow_up_is_refused_when_its_condition_does_not_hold()
    {
        var (_, errors) = AnswerRules.Read(SurveyScoringTests.Design(), [A(3, "满意"), A(4, "排队久")]);
        Assert.Contains(errors, e => e.Contains("第5题仅在第4题选择“不满意”或“很不满意”时作答", StringComparison.Ordinal));
    }

    [Fact]
    public void A_follow_up_is_taken_after_an_unsatisfied_answer()
    {
        var (answers, errors) = AnswerRules.Read(SurveyScoringTests.Design(), [A(3, "不满意"), A(4, "排队久")]);
        Assert.Empty(errors);
        Assert.Equal("排队久", answers.Single(a => a.Question == 4).Text);
    }

    [Fact]
    public void A_required_question_must_be_answered()
    {
        var (_, errors) = AnswerRules.Read(SurveyScoringTests.Design(), [A(0, "满意")]);
        Assert.Contains(errors, e => e.Contains("第4题", StringComparison.Ordinal) && e.Contains("必答", StringComparison.Ordinal));
    }

    [Fact]
    public void Values_must_fit_the_question_type()
    {
        var (_, errors) = AnswerRules.Read(SurveyScoringTests.Design(),
            [A(0, "还行"), A(1, 11), A(3, "满意"), A(5, new[] { "满意" }), A(9, "x")]);
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("answers：第1题（五级量表）的答案无效", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("第10题不存在", StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_template_has_the_seven_topics_and_the_four_rates()
    {
        var design = SurveyTemplates.Example();
        Assert.Empty(SurveyDesignRules.Check(design));
        Assert.Equal([.. SurveyTopics.Areas.Concat(SurveyTopics.Rates).Order()], design.Questions.Select(q => q.Topic).Distinct().Order().ToList());
        Assert.Contains("示例", SurveyTemplates.ExampleTitle, StringComparison.Ordinal);
    }
}
