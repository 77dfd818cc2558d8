using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using InspectReady.Web.Domain.Exams;

namespace InspectReady.Web.Features.Exams.ImportQuestions;

/// <summary>A problem of an import: a spreadsheet row or a Word item (1-based, counted through the document), and what is wrong.</summary>
public sealed record ImportError(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Item,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Column,
    string Message);

/// <summary>A question as read from a file, before it is checked: every field as text.</summary>
public sealed class QuestionDraft
{
    public string? Type { get; set; }
    public string Stem { get; set; } = "";
    public List<QuestionOption> Options { get; } = [];
    public string Answer { get; set; } = "";
    public string? Explanation { get; set; }
    public string? Source { get; set; }
    public string? Article { get; set; }
    public string? LawVersion { get; set; }
    public string? Difficulty { get; set; }
    public string? Tags { get; set; }
    public string? KeyPoints { get; set; }

    /// <summary>Where the draft came from, as the error messages say it (第3行, 第2题（一、单项选择题）).</summary>
    public required string Where { get; init; }
}

/// <summary>Turns a draft into a bank question, or says (in Chinese, naming the field) why not.</summary>
public static partial class QuestionBuilder
{
    public const int MaxStem = 2000;

    [GeneratedRegex(@"_{2,}|＿{2,}|（\s*）|\(\s*\)")]
    private static partial Regex BlankMark();

    public static int BlankCount(string stem) => BlankMark().Count(stem);

    public static Question? Build(QuestionDraft d, Guid regionId, DateTime now, bool sample, List<string> errors)
    {
        var type = QuestionTypes.Parse(d.Type);
        if (type is null)
        {
            errors.Add($"题型“{d.Type}”无法识别，应为单选、多选、判断、填空、简答或论述");
            return null;
        }
        var stem = d.Stem.Trim();
        if (stem.Length == 0)
        {
            errors.Add("题干不能为空");
        }
        else if (stem.Length > MaxStem)
        {
            errors.Add($"题干超过{MaxStem}字");
        }
        var source = LawSources.Parse(d.Source);
        if (source is null)
        {
            errors.Add(string.IsNullOrWhiteSpace(d.Source)
                ? "来源不能为空，应为宪法、民法典、行政许可法、行政处罚法、行政强制法、行政复议法、行政诉讼法或法治政府建设实施纲要"
                : $"来源“{d.Source}”无法识别，应为宪法、民法典、行政许可法、行政处罚法、行政强制法、行政复议法、行政诉讼法或法治政府建设实施纲要");
        }
        var difficulty = Domain.Exams.Difficulty.Parse(d.Difficulty);
        if (difficulty is null)
        {
            errors.Add($"难度“{d.Difficulty}”无效，应为简单、中等、困难或1至5");
        }
        var content = new QuestionContent { Type = type, Stem = stem, Explanation = Empty(d.Explanation) };
        var answer = d.Answer.Trim();
        switch (type)
        {
            case QuestionTypes.Single or QuestionTypes.Multiple:
                Choice(d, type, answer, content, errors);
                break;
            case QuestionTypes.TrueFalse:
                var tf = Grading.ParseTrueFalse(answer);
                if (tf is null)
                {
                    errors.Add($"判断题答案“{answer}”无效，应为对/错、正确/错误或√/×");
                }
                content.Answer = tf == true ? "true" : "false";
                break;
            case QuestionTypes.Blank:
                content.Blanks = [.. answer.Split(['；', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(b => b.Split(['|', '｜', '/', '／'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList())];
                content.Answer = answer;
                var marks = BlankCount(stem);
                if (content.Blanks.Count == 0)
                {
                    errors.Add("填空题答案不能为空（多个空用“；”分隔，同一空的可接受答案用“|”分隔）");
                }
                else if (marks > 0 && marks != content.Blanks.Count)
                {
                    errors.Add($"题干有{marks}个空，答案给了{content.Blanks.Count}个（多个空用“；”分隔）");
                }
                break;
            default:
                if (answer.Length == 0)
                {
                    errors.Add("参考答案不能为空");
                }
                content.Answer = answer;
                content.KeyPoints = KeyPoints(d.KeyPoints, answer, errors);
                break;
        }
        if (errors.Count > 0)
        {
            return null;
        }
        return new Question
        {
            RegionId = regionId, Type = type, Content = content, Stem = stem, Source = source!, Article = Empty(d.Article), LawVersion = Empty(d.LawVersion),
            Difficulty = difficulty!.Value, IsSample = sample, CreatedAt = now, UpdatedAt = now,
            Tags = [.. (d.Tags ?? "").Split([',', '，', '、', ';', '；', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct()],
        };
    }

    private static void Choice(QuestionDraft d, string type, string answer, QuestionContent content, List<string> errors)
    {
        var options = d.Options.Where(o => o.Text.Trim().Length > 0).ToList();
        if (options.Count < 2)
        {
            errors.Add($"{QuestionTypes.Label(type)}至少需要两个选项");
        }
        content.Options = [.. options.Select(o => new QuestionOption(o.Key, o.Text.Trim()))];
        var keys = Grading.Keys(answer);
        var cleaned = new string([.. answer.ToUpperInvariant().Where(c => !(c is ',' or '，' or '、' or ' ' or ';' or '；'))]);
        if (keys.Length == 0 || cleaned.Any(c => c is < 'A' or > 'Z'))
        {
            errors.Add($"答案“{answer}”无效，应为选项字母，如 A、ABD 或 A,B");
            return;
        }
        var unknown = keys.Where(k => options.All(o => o.Key != k.ToString())).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"答案“{answer}”中的选项 {string.Join("、", unknown)} 不存在");
        }
        if (type == QuestionTypes.Single && keys.Length != 1)
        {
            errors.Add($"单项选择题只能有一个答案，给了“{answer}”");
        }
        content.Answer = keys;
    }

    /// <summary>采分点 as "要点（分值）；要点（分值）"; without them the reference answer is the one key point.</summary>
    private static List<KeyPoint> KeyPoints(string? text, string answer, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return answer.Length == 0 ? [] : [new KeyPoint(answer, 1)];
        }
        var list = new List<KeyPoint>();
        foreach (var part in text.Split(['；', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var m = Regex.Match(part, @"^(.*?)[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]$");
            if (m.Success && decimal.TryParse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture, out var w) && w > 0)
            {
                list.Add(new KeyPoint(m.Groups[1].Value.Trim(), w));
            }
            else
            {
                errors.Add($"采分点“{part}”应写成“要点（分值）”");
            }
        }
        return list;
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
