namespace InspectReady.Web.Domain.CaseFiles.Reviews;

/// <summary>
/// The built-in 评查标准 for 行政处罚 and 行政许可 files, covering subject, procedure, evidence, application of law,
/// documents, archiving and the 三项制度, 100 points each. 创建办 may change them; other kinds start empty.
/// </summary>
public static class DefaultReviewTemplates
{
    public static IReadOnlyList<ReviewTemplate> All() => [Penalty(), Licensing()];

    public static ReviewTemplate Penalty() => Build(CaseKind.Penalty, "行政处罚案卷评查标准",
    [
        ("执法主体", "实施处罚的主体合法，在法定职权范围内作出决定", 5),
        ("执法主体", "执法人员不少于两人且持有有效执法证件，调查时出示证件", 5),
        ("执法程序", "立案、调查、审查、决定程序完整，立案审批手续齐全", 8),
        ("执法程序", "作出决定前告知拟处罚的事实、理由、依据及陈述、申辩、听证权利", 8),
        ("执法程序", "在法定期限内作出决定并依法送达", 6),
        ("证据", "认定事实清楚，证据确实、充分，证据之间能相互印证", 12),
        ("证据", "证据收集程序合法，现场检查笔录、询问笔录等要素完整", 8),
        ("法律适用", "适用法律、法规、规章正确，引用条款准确", 10),
        ("法律适用", "处罚种类和幅度适当，依裁量基准说明理由", 5),
        ("文书", "执法文书使用规范，内容完整，填写准确，签名盖章齐全", 10),
        ("归档", "结案后及时立卷归档，卷内材料齐全、排列有序、装订规范", 8),
        ("三项制度", "依法公示执法决定（7个工作日内）", 5),
        ("三项制度", "执法全过程记录，音像记录完整可回溯", 5),
        ("三项制度", "重大执法决定作出前经法制审核", 5),
    ]);

    public static ReviewTemplate Licensing() => Build(CaseKind.Licensing, "行政许可案卷评查标准",
    [
        ("执法主体", "许可实施主体合法，许可事项在法定职权和公布的清单范围内", 6),
        ("执法主体", "审查人员具备相应资格，现场核查不少于两人并出示证件", 4),
        ("执法程序", "申请、受理（不予受理）依法进行，一次性告知补正材料", 8),
        ("执法程序", "审查、听证（如适用）、决定程序合法", 8),
        ("执法程序", "在法定或承诺期限内作出决定并依法送达", 8),
        ("证据", "申请材料齐全，符合法定形式；现场核查记录完整", 12),
        ("证据", "准予或不予许可的事实认定清楚", 8),
        ("法律适用", "适用法律、法规正确，许可条件、标准依法执行", 10),
        ("法律适用", "不予许可的说明理由并告知救济权利", 5),
        ("文书", "许可文书、证照规范，内容完整准确", 10),
        ("归档", "及时立卷归档，卷内材料齐全有序", 6),
        ("三项制度", "依法公示许可决定（7个工作日内）", 5),
        ("三项制度", "受理、核查等关键环节有记录", 5),
        ("三项制度", "重大许可决定作出前经法制审核", 5),
    ]);

    private static ReviewTemplate Build(string kind, string name, IReadOnlyList<(string Category, string Content, decimal Points)> items) => new()
    {
        Kind = kind,
        Name = name,
        IsBuiltIn = true,
        UpdatedBy = "system",
        Items = [.. items.Select((item, i) => new ReviewTemplateItem { Number = i + 1, Category = item.Category, Content = item.Content, MaxPoints = item.Points })],
    };
}
