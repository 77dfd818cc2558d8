using System.Globalization;
using System.Text.Json;

namespace InspectReady.Web.Domain.Surveys;

/// <summary>An answer as it arrives: the question from 0 and its value (text, list of texts or number).</summary>
public sealed record RawAnswer(int QuestionIndex, JsonElement Value);

/// <summary>
/// Turns submitted answers into stored ones: each value must fit its question's type and options; a follow-up
/// (<see cref="SurveyQuestion.ShowIf"/>) may be answered only when its condition holds, and a required question
/// that is shown must be answered.
/// </summary>
public static class AnswerRules
{
    public const int MaxTextLength = 2000;

    public static (List<SurveyAnswer> Answers, List<string> Errors) Read(SurveyDesign design, IReadOnlyList<RawAnswer>? raw)
    {
        var errors = new List<string>();
        var answers = new Dictionary<int, SurveyAnswer>();
        foreach (var a in raw ?? [])
        {
            var n = a.QuestionIndex + 1;
            if (a.QuestionIndex < 0 || a.QuestionIndex >= design.Questions.Count)
            {
                errors.Add($"answers：第{n}题不存在（questionIndex 应在 0–{design.Questions.Count - 1} 之间）");
                continue;
            }
            if (answers.ContainsKey(a.QuestionIndex))
            {
                errors.Add($"answers：第{n}题重复作答");
                continue;
            }
            var question = design.Questions[a.QuestionIndex];
            if (ReadOne(question, a, n) is { } answer)
            {
                answers[a.QuestionIndex] = answer;
            }
            else
            {
                errors.Add($"answers：第{n}题（{QuestionTypes.Labels[question.Type]}）的答案无效：{Expected(question)}");
            }
        }
        for (var i = 0; i < design.Questions.Count; i++)
        {
            var question = design.Questions[i];
            var shown = IsShown(design, i, answers);
            if (!shown && answers.Remove(i))
            {
                var c = question.ShowIf!;
                errors.Add($"answers：第{i + 1}题仅在第{c.Question + 1}题选择“{string.Join("”或“", c.Values)}”时作答");
            }
            else if (shown && question.Required && !answers.ContainsKey(i))
            {
                errors.Add($"answers：第{i + 1}题“{question.Text}”为必答题");
            }
        }
        return ([.. answers.Values.OrderBy(a => a.Question)], errors);
    }

    /// <summary>Whether question <paramref name="index"/> is shown given the answers so far.</summary>
    public static bool IsShown(SurveyDesign design, int index, IReadOnlyDictionary<int, SurveyAnswer> answers)
    {
        var condition = design.Questions[index].ShowIf;
        if (condition is null)
        {
            return true;
        }
        return condition.Question < index && IsShown(design, condition.Question, answers)
            && answers.TryGetValue(condition.Question, out var earlier) && earlier.Choices?.Any(condition.Values.Contains) == true;
    }

    private static SurveyAnswer? ReadOne(SurveyQuestion question, RawAnswer raw, int n)
    {
        var v = raw.Value;
        var choices = question.Choices;
        switch (question.Type)
        {
            case QuestionTypes.SingleChoice or QuestionTypes.Scale5:
                return v.ValueKind == JsonValueKind.String && choices.Contains(v.GetString()!) ? new SurveyAnswer(raw.QuestionIndex, [v.GetString()!]) : null;
            case QuestionTypes.MultipleChoice:
                if (v.ValueKind != JsonValueKind.Array)
                {
                    return null;
                }
                var picked = v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToList();
                return picked.Count > 0 && picked.All(p => p is not null && choices.Contains(p)) && picked.Distinct().Count() == picked.Count
                    ? new SurveyAnswer(raw.QuestionIndex, picked!) : null;
            case QuestionTypes.Matrix5:
                if (v.ValueKind != JsonValueKind.Array)
                {
                    return null;
                }
                var rows = v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToList();
                return rows.Count == (question.Rows?.Count ?? 0) && rows.All(r => r is not null && choices.Contains(r)) ? new SurveyAnswer(raw.QuestionIndex, rows!) : null;
            case QuestionTypes.Rating10:
                double number;
                if (v.ValueKind == JsonValueKind.Number)
                {
                    number = v.GetDouble();
                }
                else if (v.ValueKind != JsonValueKind.String || !double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
                {
                    return null;
                }
                return number is >= 0 and <= 10 && Math.Abs(number - Math.Round(number)) < 1e-9 ? new SurveyAnswer(raw.QuestionIndex, Number: number) : null;
            case QuestionTypes.Text:
                var text = v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : null;
                return text is { Length: > 0 and <= MaxTextLength } ? new SurveyAnswer(raw.QuestionIndex, Text: text) : null;
            default:
                return null;
        }
    }

    private static string Expected(SurveyQuestion q) => q.Type switch
    {
        QuestionTypes.SingleChoice or QuestionTypes.Scale5 => $"应为选项之一：{string.Join("、", q.Choices)}",
        QuestionTypes.MultipleChoice => $"应为选项的列表（不重复）：{string.Join("、", q.Choices)}",
        QuestionTypes.Matrix5 => $"应为{q.Rows?.Count ?? 0}行各一个选项的列表：{string.Join("、", q.Choices)}",
        QuestionTypes.Rating10 => "应为 0 到 10 的整数",
        _ => $"应为 1 到 {MaxTextLength} 字的文字",
    };
}
