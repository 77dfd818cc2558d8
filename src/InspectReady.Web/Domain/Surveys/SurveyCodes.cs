using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Surveys;

/// <summary>Question types, as the API and the stored design spell them.</summary>
public static class QuestionTypes
{
    public const string SingleChoice = "single";
    public const string MultipleChoice = "multiple";
    /// <summary>五级量表: 很满意, 满意, 一般, 不满意, 很不满意.</summary>
    public const string Scale5 = "scale5";
    /// <summary>A matrix of five-point rows (one scale5 answer per row).</summary>
    public const string Matrix5 = "matrix5";
    /// <summary>0–10 rating, scored ×10.</summary>
    public const string Rating10 = "rating10";
    public const string Text = "text";

    public static readonly CodeSet Codes = new((SingleChoice, "单选"), (MultipleChoice, "多选"), (Scale5, "五级量表"), (Matrix5, "矩阵量表"), (Rating10, "0–10分评分"), (Text, "文字意见"));

    public static readonly IReadOnlyDictionary<string, string> Labels = Codes.Options.ToDictionary(o => o.Code, o => o.Label);

    public static bool IsValid(string? type) => type is not null && Labels.ContainsKey(type);
}

/// <summary>
/// The topics a question scores: the seven areas the third party asks about (方案 三(六)) and the four publicity
/// goals (我知晓、我支持、我参与、我满意, 方案 四(三)).
/// </summary>
public static class SurveyTopics
{
    public const string MajorDecisions = "major_decisions";
    public const string LawfulAdministration = "lawful_administration";
    public const string LawEnforcement = "law_enforcement";
    public const string Approval = "approval";
    public const string GovernmentServices = "government_services";
    public const string BusinessEnvironment = "business_environment";
    public const string PublicSecurity = "public_security";

    /// <summary>知晓率</summary>
    public const string Awareness = "awareness";
    /// <summary>支持率</summary>
    public const string Support = "support";
    /// <summary>参与率</summary>
    public const string Participation = "participation";
    /// <summary>满意率: over the satisfaction answers of every scored topic, plus questions put under it directly.</summary>
    public const string Satisfaction = "satisfaction";

    public static readonly IReadOnlyList<string> Areas =
        [MajorDecisions, LawfulAdministration, LawEnforcement, Approval, GovernmentServices, BusinessEnvironment, PublicSecurity];

    public static readonly IReadOnlyList<string> Rates = [Awareness, Support, Participation, Satisfaction];

    public static readonly CodeSet Codes = new((MajorDecisions, "重大行政决策"), (LawfulAdministration, "依法行政"), (LawEnforcement, "行政执法"), (Approval, "行政审批"), (GovernmentServices, "政务服务"), (BusinessEnvironment, "营商环境"), (PublicSecurity, "治安环境"), (Awareness, "知晓率"), (Support, "支持率"), (Participation, "参与率"), (Satisfaction, "满意率"));

    public static readonly IReadOnlyDictionary<string, string> Labels = Codes.Options.ToDictionary(o => o.Code, o => o.Label);

    public static bool IsValid(string? topic) => topic is not null && Labels.ContainsKey(topic);

    public static bool IsRate(string topic) => Rates.Contains(topic);

    public static string Label(string topic) => Labels.GetValueOrDefault(topic, topic);
}

/// <summary>Survey states.</summary>
public static class SurveyStatus
{
    public const string Draft = "draft";
    public const string Open = "open";
    public const string Closed = "closed";

    public static readonly CodeSet Codes = new((Draft, "草稿"), (Open, "进行中"), (Closed, "已结束"));

    public static readonly IReadOnlyDictionary<string, string> Labels = Codes.Options.ToDictionary(o => o.Code, o => o.Label);

    public static string Label(string status) => Labels.GetValueOrDefault(status, status);
}

/// <summary>How a response came in.</summary>
public static class ResponseChannels
{
    public const string Link = "link";
    public const string Invitation = "invitation";
    public const string Telephone = "telephone";

    public static readonly CodeSet Codes = new((Link, "公开链接"), (Invitation, "邀请码"), (Telephone, "电话访问"));

    public static readonly IReadOnlyDictionary<string, string> Labels = Codes.Options.ToDictionary(o => o.Code, o => o.Label);
}

/// <summary>The outcome of one telephone call.</summary>
public static class CallOutcomes
{
    public const string Answered = "answered";
    public const string Refused = "refused";
    public const string Unreachable = "unreachable";

    public static readonly CodeSet Codes = new((Answered, "完成访问"), (Refused, "拒访"), (Unreachable, "无法接通"));

    public static readonly IReadOnlyDictionary<string, string> Labels = Codes.Options.ToDictionary(o => o.Code, o => o.Label);

    public static bool IsValid(string? outcome) => outcome is not null && Labels.ContainsKey(outcome);

    public static string? Label(string? outcome) => outcome is null ? null : Labels.GetValueOrDefault(outcome, outcome);
}

/// <summary>States of an item of the survey's rectification list (整改台账).</summary>
public static class SurveyRectificationStates
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Confirmed = "confirmed";

    public static readonly CodeSet Codes = new((Open, "待整改"), (Done, "已整改"), (Confirmed, "已销号"));

    public static readonly IReadOnlyDictionary<string, string> Labels = Codes.Options.ToDictionary(o => o.Code, o => o.Label);

    public static bool IsValid(string? state) => state is not null && Labels.ContainsKey(state);

    public static string Label(string state) => Labels.GetValueOrDefault(state, state);
}
