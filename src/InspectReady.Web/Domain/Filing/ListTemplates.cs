using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Frameworks;

namespace InspectReady.Web.Domain.Filing;

/// <summary>The columns of the structured lists the checklist asks for.</summary>
public static class ListTemplates
{
    /// 案例列表
    public static readonly IReadOnlyList<string> Cases = ["时间", "案由", "措施", "结果", "当事人", "联系方式"];
    /// 企业检查清单 (no. 10: 任意10家企业接受现场检查)
    public static readonly IReadOnlyList<string> Inspections = ["企业名称", "检查时间", "事项", "检查部门", "结果", "企业负责人", "联系方式"];
    /// 名录
    public static readonly IReadOnlyList<string> Directory = ["名称", "负责人", "联系方式"];
    /// 数据表
    public static readonly IReadOnlyList<string> DataTable = ["项目", "数值", "说明"];

    public static readonly IReadOnlyList<string> DateColumns = ["时间", "检查时间"];
    public const string ContactColumn = "联系方式";

    /// <summary>The columns for a checklist item, or null when it asks for no list.</summary>
    public static IReadOnlyList<string>? For(MaterialItem item) => item.Kind switch
    {
        MaterialItemKind.CaseList when item.Count?.Unit == "家" => Inspections,
        MaterialItemKind.CaseList => Cases,
        MaterialItemKind.Directory => Directory,
        MaterialItemKind.DataTable => DataTable,
        _ => null,
    };
}
