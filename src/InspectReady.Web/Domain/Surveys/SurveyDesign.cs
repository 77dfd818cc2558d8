namespace InspectReady.Web.Domain.Surveys;

/// <summary>What a survey asks and how it scores: stored as one JSON document on the survey.</summary>
public sealed class SurveyDesign
{
    public List<SurveyQuestion> Questions { get; set; } = [];

    /// <summary>Scores of 很满意, 满意, 一般, 不满意, 很不满意; null keeps 100, 80, 60, 40, 20.</summary>
    public List<double>? ScaleScores { get; set; }

    /// <summary>Weight of each scored topic in the overall index; a topic not named weighs 1 (the four rates 0).</summary>
    public Dictionary<string, double> TopicWeights { get; set; } = [];

    /// <summary>Respondent groups (企业, 个体工商户, 群众, …).</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>Areas (街道, 社区, 服务大厅).</summary>
    public List<string> Areas { get; set; } = [];

    public List<SurveyQuota> Quotas { get; set; } = [];

    public static readonly IReadOnlyList<string> ScaleOptions = ["很满意", "满意", "一般", "不满意", "很不满意"];

    public static readonly IReadOnlyList<double> DefaultScaleScores = [100, 80, 60, 40, 20];

    public IReadOnlyList<double> Scale => ScaleScores is { Count: 5 } s ? s : DefaultScaleScores;

    public double TopicWeight(string topic) =>
        TopicWeights.TryGetValue(topic, out var w) ? w : SurveyTopics.IsRate(topic) ? 0 : 1;

    public SurveyQuota? QuotaFor(string? group, string? area) =>
        Quotas.FirstOrDefault(q => q.Group == group && q.Area == area)
        ?? Quotas.FirstOrDefault(q => q.Group == group && q.Area is null && group is not null)
        ?? Quotas.FirstOrDefault(q => q.Area == area && q.Group is null && area is not null);
}

/// <param name="Options">Choices of single and multiple; for scale5 and matrix5 the five scale options.</param>
/// <param name="Scores">Score of each option of a single or multiple choice (same order); null leaves the question unscored.</param>
/// <param name="Rows">Rows of a matrix5 question.</param>
/// <param name="ShowIf">Shown only when an earlier question was answered with one of the given options.</param>
/// <param name="Indicators">Numbers of the framework's indicators the question speaks to.</param>
public sealed record SurveyQuestion(
    string Type, string Text, string Topic, List<string>? Options = null, double? Weight = null, List<double>? Scores = null,
    List<string>? Rows = null, SurveyCondition? ShowIf = null, bool Required = false, List<int>? Indicators = null)
{
    public double EffectiveWeight => Weight ?? 1;

    public IReadOnlyList<string> Choices => Type is QuestionTypes.Scale5 or QuestionTypes.Matrix5 ? SurveyDesign.ScaleOptions : Options ?? [];
}

/// <summary>The question (from 0) an answer of which shows the follow-up, and the options that do.</summary>
public sealed record SurveyCondition(int Question, List<string> Values);

/// <summary>配额: how many responses a cell of group × area takes (null on one side: any).</summary>
public sealed record SurveyQuota(string? Group, string? Area, int Target);

/// <summary>One stored answer: choices (single, multiple, scale, one per matrix row), a number (rating10) or a text.</summary>
public sealed record SurveyAnswer(int Question, List<string>? Choices = null, double? Number = null, string? Text = null);
