using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Frameworks;

/// 测评方法: English codes stored and returned, Chinese labels shown; inputs (imports, framework JSON, filters) may
/// name a method by its code or its label (ADR 0036).
public static class EvaluationMethods
{
    /// 网络检索
    public const string WebSearch = "web_search";
    /// 材料查证
    public const string DocumentCheck = "document_check";
    /// 实地核验
    public const string OnSiteVerification = "site_verification";
    /// 实地核查
    public const string OnSiteInspection = "site_inspection";
    /// 案卷评查
    public const string CaseFileReview = "case_file_review";
    /// 随机抽考
    public const string RandomExam = "random_exam";
    /// 座谈访谈
    public const string Interview = "interview";
    /// 满意度调查: the plan's sixth activity, run by a third party; no indicator of the 2021 table names it.
    public const string SatisfactionSurvey = "satisfaction_survey";

    public static readonly CodeSet Codes = new((WebSearch, "网络检索"), (DocumentCheck, "材料查证"), (OnSiteVerification, "实地核验"),
        (OnSiteInspection, "实地核查"), (CaseFileReview, "案卷评查"), (RandomExam, "随机抽考"), (Interview, "座谈访谈"),
        (SatisfactionSurvey, "满意度调查"));

    /// <summary>Every method's code, in the document's order (the dashboards' bit order).</summary>
    public static readonly IReadOnlyList<string> All = Codes.Codes;

    public static string Label(string? code) => Codes.Label(code);

    /// <summary>The labels of several codes, in their order.</summary>
    public static List<string> Labels(IEnumerable<string> codes) => [.. codes.Select(Label)];

    /// <summary>The code an input names (code or Chinese label); null when none.</summary>
    public static string? Parse(string? input) => Codes.Parse(input);

    public static bool IsKnown(string method) => Parse(method) is not null;

    /// <summary>"网络检索、材料查证、…" for messages and templates that list what is allowed.</summary>
    public static string DescribeLabels() => string.Join("、", Codes.Labels);
}
