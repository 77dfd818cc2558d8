using System.Globalization;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Features.Exams.QuestionBank;

namespace InspectReady.Web.Features.Exams.Office;

/// <summary>The question editor's fields as text, written the way the import reads them.</summary>
public sealed class QuestionForm
{
    public string? Type { get; set; } = QuestionTypes.Single;
    public string? Stem { get; set; }
    public string? Options { get; set; }
    public string? Answer { get; set; }
    public string? KeyPoints { get; set; }
    public string? Explanation { get; set; }
    public string? Source { get; set; } = LawSources.Constitution;
    public string? Article { get; set; }
    public string? LawVersion { get; set; }
    public string? Difficulty { get; set; } = "3";
    public string? Tags { get; set; }

    public static QuestionForm Of(QuestionDto q) => new()
    {
        Type = q.Type, Stem = q.Stem, Options = string.Join("\n", q.Options.Select(o => o.Text)),
        Answer = q.Type == QuestionTypes.Blank && q.Blanks.Count > 0 ? string.Join("；", q.Blanks.Select(b => string.Join("|", b))) : q.Answer,
        KeyPoints = string.Join("；", q.KeyPoints.Select(k => $"{k.Text}（{k.Weight.ToString("0.##", CultureInfo.InvariantCulture)}）")),
        Explanation = q.Explanation, Source = q.Source, Article = q.Article, LawVersion = q.LawVersion,
        Difficulty = q.Difficulty.ToString(CultureInfo.InvariantCulture), Tags = string.Join("、", q.Tags),
    };

    public QuestionRequest ToRequest()
    {
        var options = QuestionTypes.HasOptions(Type ?? "")
            ? (Options ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select((text, i) => new QuestionOption(((char)('A' + i)).ToString(), text)).ToList()
            : [];
        var tags = (Tags ?? "").Split(['、', ',', '，', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new QuestionRequest(Type, Stem, options, Answer, Explanation, Source, Article, LawVersion, Difficulty, tags,
            Type is QuestionTypes.Short or QuestionTypes.Essay ? KeyPoints : null);
    }
}
