using System.Globalization;
using System.Text;
using System.Text.Json;

namespace InspectReady.Web.Domain.Exams;

/// <summary>
/// Automatic grading of the objective items. An answer arrives as the examinee gave it (JSON: a string, a list of
/// strings, or true/false); 简答/论述 get no automatic score (null) and go to the graders.
/// </summary>
public static class Grading
{
    public static decimal? Grade(QuestionContent item, decimal score, string? answerJson, string multipleScoring)
    {
        if (!QuestionTypes.IsObjective(item.Type))
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(answerJson))
        {
            return 0;
        }
        return item.Type switch
        {
            QuestionTypes.Single => Keys(Text(answerJson)) == Keys(item.Answer) && Keys(item.Answer).Length == 1 ? score : 0,
            QuestionTypes.Multiple => Multiple(Keys(item.Answer), Keys(Text(answerJson)), score, multipleScoring),
            QuestionTypes.TrueFalse => TrueFalse(answerJson) is { } given && given == TrueFalse(JsonSerializer.Serialize(item.Answer)) ? score : 0,
            QuestionTypes.Blank => Blanks(item.Blanks, Strings(answerJson), score),
            _ => null,
        };
    }

    /// <summary>
    /// 多选: all-or-nothing gives the score only for exactly the keys; partial gives the share of correct keys chosen
    /// (two of three: two thirds), and nothing as soon as one wrong key is chosen.
    /// </summary>
    public static decimal Multiple(string correct, string given, decimal score, string scoring)
    {
        if (given.Length == 0 || given.Any(k => !correct.Contains(k, StringComparison.Ordinal)))
        {
            return 0;
        }
        if (given == correct)
        {
            return score;
        }
        return scoring == MultipleScoring.Partial ? Math.Round(score * given.Length / correct.Length, 2, MidpointRounding.AwayFromZero) : 0;
    }

    /// <summary>填空: each blank carries an equal share; a blank is right when it matches one accepted alternative after normalising.</summary>
    public static decimal Blanks(IReadOnlyList<List<string>> accepted, IReadOnlyList<string> given, decimal score)
    {
        if (accepted.Count == 0)
        {
            return 0;
        }
        var right = 0;
        for (var i = 0; i < accepted.Count; i++)
        {
            var answer = i < given.Count ? BlankText.Normalise(given[i]) : "";
            if (answer.Length > 0 && accepted[i].Any(a => BlankText.Normalise(a) == answer))
            {
                right++;
            }
        }
        return Math.Round(score * right / accepted.Count, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Option letters, upper case, without separators, sorted and distinct: "b, a" → "AB".</summary>
    public static string Keys(string? text) =>
        new([.. BlankText.Normalise(text ?? "").ToUpperInvariant().Where(c => c is >= 'A' and <= 'Z').Distinct().Order()]);

    /// <summary>判断: true/false, or 对/错, 正确/错误, √/×, T/F, Y/N; null when it is none of them.</summary>
    public static bool? TrueFalse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => ParseTrueFalse(doc.RootElement.GetString()),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return ParseTrueFalse(json);
        }
    }

    public static bool? ParseTrueFalse(string? text) => BlankText.Normalise(text ?? "").ToLowerInvariant() switch
    {
        "true" or "对" or "正确" or "√" or "t" or "y" or "是" or "✓" => true,
        "false" or "错" or "错误" or "×" or "x" or "f" or "n" or "否" or "✗" => false,
        _ => null,
    };

    /// <summary>The answer as one string (a list is joined, true/false spelled out).</summary>
    public static string Text(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.String => root.GetString() ?? "",
                JsonValueKind.Array => string.Concat(root.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.ToString())),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => root.ToString(),
            };
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>The answer as a list of strings: one per blank (a single string is one blank).</summary>
    public static IReadOnlyList<string> Strings(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Array
                ? [.. root.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.ToString())]
                : [Text(json)];
        }
        catch (JsonException)
        {
            return [json];
        }
    }

    public static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>How a blank's answer is compared: full width folded to half width, spaces dropped, trailing punctuation cut, case ignored.</summary>
public static class BlankText
{
    private const string TrailingPunctuation = ".,;:!?。，、；：！？…·'\"“”‘’)）]】";

    public static string Normalise(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && c != '\u200b')
            {
                sb.Append(c);
            }
        }
        var s = sb.ToString();
        var end = s.Length;
        while (end > 0 && TrailingPunctuation.Contains(s[end - 1], StringComparison.Ordinal))
        {
            end--;
        }
        return s[..end].ToLowerInvariant();
    }
}

/// <summary>
/// 简答/论述 grading against the key points: one grader's mark stands alone; with double grading the two marks are
/// averaged when they differ by no more than the tolerance, otherwise a third grader decides (the third mark stands).
/// </summary>
public static class SubjectiveGrading
{
    public sealed record Resolution(decimal? Score, bool NeedsThirdGrader, int MarksNeeded);

    public static Resolution Resolve(IReadOnlyList<decimal> marks, bool doubleGrading, decimal tolerance)
    {
        if (!doubleGrading)
        {
            return marks.Count >= 1 ? new(marks[^1], false, 1) : new(null, false, 1);
        }
        if (marks.Count < 2)
        {
            return new(null, false, 2);
        }
        if (Math.Abs(marks[0] - marks[1]) <= tolerance)
        {
            return new(Math.Round((marks[0] + marks[1]) / 2, 2, MidpointRounding.AwayFromZero), false, 2);
        }
        return marks.Count >= 3 ? new(marks[2], false, 3) : new(null, true, 3);
    }
}
