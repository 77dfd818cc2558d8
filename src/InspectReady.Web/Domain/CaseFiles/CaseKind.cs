namespace InspectReady.Web.Domain.CaseFiles;

/// 案卷类别: the kinds of case file the register keeps, named as users and the API know them.
public static class CaseKind
{
    public const string Penalty = "行政处罚";
    public const string Licensing = "行政许可";
    public const string Coercion = "行政强制";
    public const string Inspection = "行政检查";
    public const string Reconsideration = "行政复议";
    /// 行政规范性文件合法性审核
    public const string NormativeDocumentReview = "规范性文件合法性审核";
    /// 重大行政决策合法性审核
    public const string MajorDecisionReview = "重大行政决策合法性审核";
    /// 行政合同合法性审核
    public const string ContractReview = "行政合同合法性审核";

    public static readonly IReadOnlyList<string> All =
        [Penalty, Licensing, Coercion, Inspection, Reconsideration, NormativeDocumentReview, MajorDecisionReview, ContractReview];

    /// <summary>Enforcement decisions (行政执法决定): published, made by two officers, major ones reviewed first.</summary>
    public static readonly IReadOnlyList<string> Enforcement = [Penalty, Licensing, Coercion, Inspection];

    /// <summary>Legality reviews (法制审核) of documents, decisions and contracts.</summary>
    public static readonly IReadOnlyList<string> LegalityReviews = [NormativeDocumentReview, MajorDecisionReview, ContractReview];

    public static bool IsValid(string? kind) => kind is not null && All.Contains(kind);

    public static bool IsEnforcement(string kind) => Enforcement.Contains(kind);

    /// <summary>Kinds handled by officers in person: enforcement and reconsideration.</summary>
    public static bool HasOfficers(string kind) => IsEnforcement(kind) || kind == Reconsideration;
}
