namespace InspectReady.Web.Domain.Surveys;

/// <summary>What a survey's design must satisfy before it is stored.</summary>
public static class SurveyDesignRules
{
    public const int MaxQuestions = 200;

    public static List<string> Check(SurveyDesign design)
    {
        var errors = new List<string>();
        if (design.Questions.Count == 0)
        {
            errors.Add("questions：至少需要一道题");
        }
        if (design.Questions.Count > MaxQuestions)
        {
            errors.Add($"questions：最多{MaxQuestions}道题");
        }
        if (design.ScaleScores is { } scale && (scale.Count != 5 || scale.Any(s => s is < 0 or > 100)))
        {
            errors.Add("scaleScores：应为 5 个 0–100 的分值（依次为很满意、满意、一般、不满意、很不满意）");
        }
        foreach (var (topic, weight) in design.TopicWeights)
        {
            if (!SurveyTopics.IsValid(topic))
            {
                errors.Add($"topicWeights：主题“{topic}”无效，只能是：{string.Join("、", SurveyTopics.Labels.Keys)}");
            }
            else if (weight < 0 || double.IsNaN(weight))
            {
                errors.Add($"topicWeights：主题“{topic}”的权重不能为负数");
            }
        }
        for (var i = 0; i < design.Questions.Count; i++)
        {
            var q = design.Questions[i];
            var at = $"questions[{i}]（第{i + 1}题）";
            if (!QuestionTypes.IsValid(q.Type))
            {
                errors.Add($"{at}.type：题型“{q.Type}”无效，只能是：{string.Join("、", QuestionTypes.Labels.Keys)}");
                continue;
            }
            if (string.IsNullOrWhiteSpace(q.Text))
            {
                errors.Add($"{at}.text：题目不能为空");
            }
            if (!SurveyTopics.IsValid(q.Topic))
            {
                errors.Add($"{at}.topic：主题“{q.Topic}”无效，只能是：{string.Join("、", SurveyTopics.Labels.Select(kv => $"{kv.Key}（{kv.Value}）"))}");
            }
            if (q.Weight is < 0 || q.Weight is { } w && double.IsNaN(w))
            {
                errors.Add($"{at}.weight：权重不能为负数");
            }
            if (q.Type is QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice)
            {
                if (q.Options is not { Count: >= 2 } || q.Options.Any(string.IsNullOrWhiteSpace) || q.Options.Distinct().Count() != q.Options.Count)
                {
                    errors.Add($"{at}.options：选择题至少需要两个不重复、不为空的选项");
                }
                else if (q.Scores is { } scores && (scores.Count != q.Options.Count || scores.Any(s => s is < 0 or > 100)))
                {
                    errors.Add($"{at}.scores：分值应与选项一一对应，每个 0–100");
                }
            }
            if (q.Type == QuestionTypes.Matrix5 && (q.Rows is not { Count: > 0 } || q.Rows.Any(string.IsNullOrWhiteSpace)))
            {
                errors.Add($"{at}.rows：矩阵量表至少需要一行");
            }
            if (q.ShowIf is { } c)
            {
                if (c.Question < 0 || c.Question >= i)
                {
                    errors.Add($"{at}.showIf.question：只能引用前面的题（0–{i - 1}）");
                }
                else if (c.Values is not { Count: > 0 } || c.Values.Any(v => !design.Questions[c.Question].Choices.Contains(v)))
                {
                    errors.Add($"{at}.showIf.values：应为第{c.Question + 1}题的选项：{string.Join("、", design.Questions[c.Question].Choices)}");
                }
            }
        }
        foreach (var quota in design.Quotas)
        {
            if (quota.Target < 1)
            {
                errors.Add($"quotas：{quota.Group ?? "任意群体"}×{quota.Area ?? "任意区域"}的配额应为正整数");
            }
            if (quota.Group is { } g && !design.Groups.Contains(g))
            {
                errors.Add($"quotas：群体“{g}”不在 groups 中");
            }
            if (quota.Area is { } a && !design.Areas.Contains(a))
            {
                errors.Add($"quotas：区域“{a}”不在 areas 中");
            }
        }
        if (design.Quotas.GroupBy(q => (q.Group, q.Area)).Any(g => g.Count() > 1))
        {
            errors.Add("quotas：同一群体和区域的配额重复");
        }
        return errors;
    }
}
