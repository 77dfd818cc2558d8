namespace InspectReady.Web.Domain.Surveys;

/// <summary>The shipped template (示例): one five-point question per topic of 方案 三(六), the four rates, a follow-up.</summary>
public static class SurveyTemplates
{
    public const string ExampleTitle = "法治政府建设群众满意度调查（示例）";

    public static readonly IReadOnlyList<string> ExampleGroups = ["企业", "个体工商户", "群众", "律师", "人大代表和政协委员", "窗口办事群众"];

    public static readonly IReadOnlyList<string> ExampleAreas = ["街道", "社区", "服务大厅"];

    public static SurveyDesign Example()
    {
        List<string> yesNo(string yes, string no) => [yes, no];
        var questions = new List<SurveyQuestion>
        {
            new(QuestionTypes.SingleChoice, "您是否知晓本区正在开展法治政府建设示范创建工作？", SurveyTopics.Awareness, yesNo("知晓", "不知晓"), Scores: [100, 0], Required: true),
            new(QuestionTypes.SingleChoice, "您是否支持本区开展法治政府建设示范创建工作？", SurveyTopics.Support, yesNo("支持", "不支持"), Scores: [100, 0], Required: true),
            new(QuestionTypes.SingleChoice, "您是否参与过本区的法治宣传或创建活动？", SurveyTopics.Participation, yesNo("参与过", "没有参与过"), Scores: [100, 0]),
            new(QuestionTypes.Scale5, "您对本区重大行政决策公开征求意见、听取群众意见的情况是否满意？", SurveyTopics.MajorDecisions),
            new(QuestionTypes.Scale5, "您对本区政府及其部门依法行政的情况是否满意？", SurveyTopics.LawfulAdministration),
            new(QuestionTypes.Scale5, "您对本区行政执法人员严格规范公正文明执法的情况是否满意？", SurveyTopics.LawEnforcement),
            new(QuestionTypes.Scale5, "您对本区行政审批（办理许可）的便捷程度是否满意？", SurveyTopics.Approval),
            new(QuestionTypes.Scale5, "您对本区政务服务（服务大厅、网上办事）的情况是否满意？", SurveyTopics.GovernmentServices),
            new(QuestionTypes.Scale5, "您对本区的营商环境是否满意？", SurveyTopics.BusinessEnvironment),
            new(QuestionTypes.Scale5, "您对本区的治安环境是否满意？", SurveyTopics.PublicSecurity),
            new(QuestionTypes.Scale5, "总体来说，您对本区法治政府建设的成效是否满意？", SurveyTopics.Satisfaction, Required: true),
            new(QuestionTypes.Text, "您为什么不满意？请告诉我们具体的事情和地点。", SurveyTopics.Satisfaction,
                ShowIf: new SurveyCondition(10, ["不满意", "很不满意"])),
            new(QuestionTypes.Text, "您对本区法治政府建设还有什么意见和建议？", SurveyTopics.Satisfaction),
        };
        return new SurveyDesign
        {
            Questions = questions,
            Groups = [.. ExampleGroups],
            Areas = [.. ExampleAreas],
        };
    }
}
