using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.CaseFiles;

/// 案卷类别: the kinds of case file the register keeps; English codes stored and returned, Chinese labels shown (ADR 0036).
public static class CaseKind
{
    /// 行政处罚
    public const string Penalty = "penalty";
    /// 行政许可
    public const string Licensing = "licensing";
    /// 行政强制
    public const string Coercion = "coercion";
    /// 行政检查
    public const string Inspection = "inspection";
    /// 行政复议
    public const string Reconsideration = "reconsideration";
    /// 行政规范性文件合法性审核
    public const string NormativeDocumentReview = "document_review";
    /// 重大行政决策合法性审核
    public const string MajorDecisionReview = "decision_review";
    /// 行政合同合法性审核
    public const string ContractReview = "contract_review";

    public static readonly CodeSet Codes = new((Penalty, "行政处罚"), (Licensing, "行政许可"), (Coercion, "行政强制"), (Inspection, "行政检查"),
        (Reconsideration, "行政复议"), (NormativeDocumentReview, "规范性文件合法性审核"), (MajorDecisionReview, "重大行政决策合法性审核"),
        (ContractReview, "行政合同合法性审核"));

    public static readonly IReadOnlyList<string> All = Codes.Codes;

    public static string Label(string? code) => Codes.Label(code);

    /// <summary>The code an input names (code or Chinese label); null when none.</summary>
    public static string? Parse(string? input) => Codes.Parse(input);

    /// <summary>Enforcement decisions (行政执法决定): published, made by two officers, major ones reviewed first.</summary>
    public static readonly IReadOnlyList<string> Enforcement = [Penalty, Licensing, Coercion, Inspection];

    /// <summary>Legality reviews (法制审核) of documents, decisions and contracts.</summary>
    public static readonly IReadOnlyList<string> LegalityReviews = [NormativeDocumentReview, MajorDecisionReview, ContractReview];

    public static bool IsValid(string? kind) => kind is not null && All.Contains(kind);

    public static bool IsEnforcement(string kind) => Enforcement.Contains(kind);

    /// <summary>Kinds handled by officers in person: enforcement and reconsideration.</summary>
    public static bool HasOfficers(string kind) => IsEnforcement(kind) || kind == Reconsideration;
}
