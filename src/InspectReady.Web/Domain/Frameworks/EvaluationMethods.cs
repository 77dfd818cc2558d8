namespace InspectReady.Web.Domain.Frameworks;

/// 测评方法
public static class EvaluationMethods
{
    public const string WebSearch = "网络检索";
    public const string DocumentCheck = "材料查证";
    public const string OnSiteVerification = "实地核验";
    public const string OnSiteInspection = "实地核查";
    public const string CaseFileReview = "案卷评查";
    public const string RandomExam = "随机抽考";
    public const string Interview = "座谈访谈";
    /// The plan's sixth activity, run by a third party; no indicator of the 2021 table names it.
    public const string SatisfactionSurvey = "满意度调查";

    public static readonly IReadOnlyList<string> All =
        [WebSearch, DocumentCheck, OnSiteVerification, OnSiteInspection, CaseFileReview, RandomExam, Interview, SatisfactionSurvey];

    public static bool IsKnown(string method) => All.Contains(method);
}
