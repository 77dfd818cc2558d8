using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Exams;

/// 题型: the six item types, as English codes with their Chinese labels.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The API's type codes single and short are the names.")]
public static class QuestionTypes
{
    public const string Single = "single";
    public const string Multiple = "multiple";
    public const string TrueFalse = "truefalse";
    public const string Blank = "blank";
    public const string Short = "short";
    public const string Essay = "essay";

    /// <summary>In the order a paper lists its sections.</summary>
    public static readonly CodeSet Codes = new((Single, "单项选择题"), (Multiple, "多项选择题"), (TrueFalse, "判断题"), (Blank, "填空题"),
        (Short, "简答题"), (Essay, "论述题"));

    public static readonly IReadOnlyList<string> All = Codes.Codes;

    public static bool IsValid(string? code) => code is not null && All.Contains(code);

    public static bool IsObjective(string type) => type is Single or Multiple or TrueFalse or Blank;

    public static bool HasOptions(string type) => type is Single or Multiple;

    public static string Label(string code) => Codes.Label(code);

    /// <summary>The code for a code or a Chinese name as trainers write it (单选, 单项选择题, 多选题, 判断, 填空题, 简答, 论述题 …).</summary>
    public static string? Parse(string? text)
    {
        var t = (text ?? "").Trim();
        if (Codes.Parse(t) is { } code)
        {
            return code;
        }
        return t switch
        {
            _ when t.StartsWith("单选", StringComparison.Ordinal) || t.StartsWith("单项", StringComparison.Ordinal) => Single,
            _ when t.StartsWith("多选", StringComparison.Ordinal) || t.StartsWith("多项", StringComparison.Ordinal) || t.StartsWith("不定项", StringComparison.Ordinal) => Multiple,
            _ when t.StartsWith("判断", StringComparison.Ordinal) || t.StartsWith("是非", StringComparison.Ordinal) => TrueFalse,
            _ when t.StartsWith("填空", StringComparison.Ordinal) => Blank,
            _ when t.StartsWith("简答", StringComparison.Ordinal) || t.StartsWith("问答", StringComparison.Ordinal) => Short,
            _ when t.StartsWith("论述", StringComparison.Ordinal) || t.StartsWith("案例分析", StringComparison.Ordinal) => Essay,
            _ => null,
        };
    }
}

/// 来源: the eight sources of basic law the on-site test draws from (indicators 65 and 95).
public static class LawSources
{
    public const string Constitution = "constitution";
    public const string CivilCode = "civil_code";
    public const string Licensing = "licensing";
    public const string Penalty = "penalty";
    public const string Coercion = "coercion";
    public const string Reconsideration = "reconsideration";
    public const string Litigation = "litigation";
    public const string Outline = "outline";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (Constitution, "宪法"), (CivilCode, "民法典"), (Licensing, "行政许可法"), (Penalty, "行政处罚法"), (Coercion, "行政强制法"),
        (Reconsideration, "行政复议法"), (Litigation, "行政诉讼法"), (Outline, "法治政府建设实施纲要（2021—2025年）"),
    ];

    public static bool IsValid(string? code) => All.Any(s => s.Code == code);

    public static string Label(string code) => All.FirstOrDefault(s => s.Code == code).Label ?? code;

    /// <summary>The code for a code or a law's name, with or without 《》 and the 中华人民共和国 prefix.</summary>
    public static string? Parse(string? text)
    {
        var t = (text ?? "").Trim().Trim('《', '》').Replace("中华人民共和国", "", StringComparison.Ordinal).Trim();
        if (IsValid(t))
        {
            return t;
        }
        if (t.Contains("纲要", StringComparison.Ordinal))
        {
            return Outline;
        }
        return All.FirstOrDefault(s => s.Label == t).Code;
    }
}

/// 难度: 1 (easiest) to 5; blueprints ask for a band.
public static class Difficulty
{
    public const string Easy = "easy";
    public const string Medium = "medium";
    public const string Hard = "hard";

    public static readonly IReadOnlyList<string> Bands = [Easy, Medium, Hard];

    public static string BandOf(int level) => level <= 2 ? Easy : level == 3 ? Medium : Hard;

    public static string BandLabel(string band) => band switch { Easy => "简单", Medium => "中等", Hard => "困难", _ => band };

    /// <summary>1–5, or 简单 (1), 中等 (3), 困难 (5); empty is 中等.</summary>
    public static int? Parse(string? text)
    {
        var t = (text ?? "").Trim();
        return t switch
        {
            "" or "中等" or "中" or "一般" or Medium => 3,
            "简单" or "易" or "容易" or "较易" or Easy => 1,
            "困难" or "难" or "较难" or Hard => 5,
            _ when int.TryParse(t, out var n) && n is >= 1 and <= 5 => n,
            _ => null,
        };
    }
}
