using System.Globalization;
using InspectReady.Web.Domain.Surveys;

namespace InspectReady.Web.Features.Surveys.Build;

/// <summary>One question as the builder's form holds it: lists as lines, numbers as text, until it is saved.</summary>
public sealed class QuestionDraft
{
    public string Type { get; set; } = QuestionTypes.Scale5;
    public string Text { get; set; } = "";
    public string Topic { get; set; } = SurveyTopics.GovernmentServices;
    /// <summary>Options of a single or multiple choice, one a line.</summary>
    public string Options { get; set; } = "";
    /// <summary>Scores of the options, in order, separated by commas or spaces; empty leaves the question unscored.</summary>
    public string Scores { get; set; } = "";
    /// <summary>Rows of a matrix5 question, one a line.</summary>
    public string Rows { get; set; } = "";
    public string Weight { get; set; } = "1";
    public bool Required { get; set; }
    /// <summary>Numbers of indicators, separated by commas or spaces.</summary>
    public string Indicators { get; set; } = "";
    /// <summary>The earlier question (from 0) whose answer shows this one; -1 when always shown.</summary>
    public int ShowIfQuestion { get; set; } = -1;
    public HashSet<string> ShowIfValues { get; set; } = [];

    public bool HasOptions => Type is QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice;

    /// <summary>The choices a follow-up can be conditioned on.</summary>
    public IReadOnlyList<string> Choices => Type switch
    {
        QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice => SurveyDraft.Lines(Options),
        QuestionTypes.Scale5 or QuestionTypes.Matrix5 => SurveyDesign.ScaleOptions,
        _ => [],
    };
}

/// <summary>A quota line of the builder's form.</summary>
public sealed class QuotaDraft
{
    public string? Group { get; set; }
    public string? Area { get; set; }
    public int Target { get; set; } = 50;
}

/// <summary>
/// The survey builder's form (ADR 0124): the same body as <c>POST /api/v1/surveys</c>, held in editable text and
/// turned into a <see cref="SurveyRequest"/> on save; problems of form (a number that is not one) are reported with
/// the question's number, the design's rules by the handler.
/// </summary>
public sealed class SurveyDraft
{
    public string Title { get; set; } = "";
    public List<QuestionDraft> Questions { get; set; } = [];
    /// <summary>Scores of 很满意…很不满意, separated by commas.</summary>
    public string ScaleScores { get; set; } = "100, 80, 60, 40, 20";
    /// <summary>Topic code → weight as text; empty keeps the default (1, the four rates 0).</summary>
    public Dictionary<string, string> TopicWeights { get; set; } = SurveyTopics.Labels.Keys.ToDictionary(k => k, _ => "");
    public string Groups { get; set; } = "";
    public string Areas { get; set; } = "";
    public List<QuotaDraft> Quotas { get; set; } = [];

    public static SurveyDraft From(SurveyRequest request)
    {
        var draft = new SurveyDraft
        {
            Title = request.Title ?? "",
            Questions = [.. (request.Questions ?? []).Select(q => new QuestionDraft
            {
                Type = q.Type ?? QuestionTypes.Scale5, Text = q.Text ?? "", Topic = q.Topic ?? "", Options = string.Join("\n", q.Options ?? []),
                Scores = Join(q.Scores), Rows = string.Join("\n", q.Rows ?? []), Weight = Format(q.Weight ?? 1), Required = q.Required ?? false,
                Indicators = string.Join(", ", q.Indicators ?? []), ShowIfQuestion = q.ShowIf?.Question ?? -1, ShowIfValues = [.. q.ShowIf?.Values ?? []],
            })],
            ScaleScores = Join(request.ScaleScores is { Count: 5 } s ? s : [.. SurveyDesign.DefaultScaleScores]),
            Groups = string.Join("\n", request.Groups ?? []),
            Areas = string.Join("\n", request.Areas ?? []),
            Quotas = [.. (request.Quotas ?? []).Select(q => new QuotaDraft { Group = q.Group, Area = q.Area, Target = q.Target })],
        };
        foreach (var (topic, weight) in request.TopicWeights ?? [])
        {
            draft.TopicWeights[topic] = Format(weight);
        }
        return draft;
    }

    public static SurveyDraft From(SurveyDto survey) => From(new SurveyRequest(survey.Title,
        [.. survey.Questions.Select(q => new SurveyQuestionRequest(q.Type, q.Text, q.Topic,
            q.Type is QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice ? [.. q.Options] : null, q.Weight, q.Scores, q.Rows, q.ShowIf, q.Required, q.Indicators))],
        [.. survey.ScaleScores], survey.TopicWeights, survey.Groups, survey.Areas, survey.Quotas));

    /// <summary>The request to save, or the form's errors (第N题 and the field).</summary>
    public (SurveyRequest? Request, List<string> Errors) ToRequest()
    {
        var errors = new List<string>();
        var questions = new List<SurveyQuestionRequest>();
        for (var i = 0; i < Questions.Count; i++)
        {
            var q = Questions[i];
            var at = $"第{i + 1}题";
            var weight = Number(q.Weight, $"{at}权重", errors) ?? 1;
            var scores = q.HasOptions && !string.IsNullOrWhiteSpace(q.Scores) ? Numbers(q.Scores, $"{at}选项分值", errors) : null;
            var indicators = new List<int>();
            foreach (var part in Split(q.Indicators))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var no) && no is > 0 and <= 1000)
                {
                    indicators.Add(no);
                }
                else
                {
                    errors.Add($"{at}对应指标：“{part}”不是指标序号（1–1000）");
                }
            }
            SurveyCondition? showIf = null;
            if (q.ShowIfQuestion >= 0)
            {
                var values = q.ShowIfQuestion < i ? Questions[q.ShowIfQuestion].Choices.Where(q.ShowIfValues.Contains).ToList() : [];
                if (values.Count == 0)
                {
                    errors.Add($"{at}追问条件：请选择第{q.ShowIfQuestion + 1}题的哪些选项显示本题");
                }
                showIf = new SurveyCondition(q.ShowIfQuestion, values);
            }
            questions.Add(new SurveyQuestionRequest(q.Type, q.Text, q.Topic, q.HasOptions ? [.. Lines(q.Options)] : null, weight, scores,
                q.Type == QuestionTypes.Matrix5 ? [.. Lines(q.Rows)] : null, showIf, q.Required, indicators.Count > 0 ? indicators : null));
        }
        var scale = Numbers(ScaleScores, "五级量表分值", errors);
        if (scale is not null && scale.Count != 5)
        {
            errors.Add("五级量表分值：应为 5 个分值（依次为很满意、满意、一般、不满意、很不满意）");
        }
        var topicWeights = new Dictionary<string, double>();
        foreach (var (topic, text) in TopicWeights.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)))
        {
            if (Number(text, $"主题“{SurveyTopics.Label(topic)}”的权重", errors) is { } w)
            {
                topicWeights[topic] = w;
            }
        }
        var quotas = Quotas.Select(q => new SurveyQuota(SurveysHandler.Blank(q.Group), SurveysHandler.Blank(q.Area), q.Target)).ToList();
        for (var i = 0; i < quotas.Count; i++)
        {
            if (quotas[i].Target < 1)
            {
                errors.Add($"配额第{i + 1}行：配额应为正整数");
            }
        }
        var request = new SurveyRequest(Title, questions, scale is { Count: 5 } && !scale.SequenceEqual(SurveyDesign.DefaultScaleScores) ? scale : null,
            topicWeights, [.. Lines(Groups)], [.. Lines(Areas)], quotas);
        return (errors.Count == 0 ? request : null, errors);
    }

    /// <summary>Moves question <paramref name="from"/> to <paramref name="to"/>, keeping every follow-up pointing at the same question.</summary>
    public void Move(int from, int to)
    {
        if (from == to || to < 0 || to >= Questions.Count)
        {
            return;
        }
        var order = Enumerable.Range(0, Questions.Count).ToList();
        order.RemoveAt(from);
        order.Insert(to, from);
        Renumber(order);
    }

    /// <summary>Removes a question; follow-ups that depended on it become plain questions.</summary>
    public void Remove(int index)
    {
        var order = Enumerable.Range(0, Questions.Count).Where(i => i != index).ToList();
        Renumber(order);
    }

    private void Renumber(List<int> order)
    {
        var position = order.Select((old, now) => (old, now)).ToDictionary(x => x.old, x => x.now);
        var moved = order.Select(i => Questions[i]).ToList();
        foreach (var q in moved.Where(q => q.ShowIfQuestion >= 0))
        {
            q.ShowIfQuestion = position.TryGetValue(q.ShowIfQuestion, out var now) ? now : -1;
            if (q.ShowIfQuestion < 0)
            {
                q.ShowIfValues.Clear();
            }
        }
        Questions = moved;
    }

    public static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split([',', '，', ' ', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double? Number(string? text, string what, List<string> errors)
    {
        if (double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        errors.Add($"{what}：“{text}”不是数字");
        return null;
    }

    private static List<double>? Numbers(string? text, string what, List<string> errors)
    {
        var values = new List<double>();
        foreach (var part in Split(text))
        {
            if (Number(part, what, errors) is not { } v)
            {
                return null;
            }
            values.Add(v);
        }
        return values;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<double>? values) => string.Join(", ", (values ?? []).Select(Format));
}
