namespace InspectReady.Web.Domain.Frameworks;

public static class MaterialItemKindExtensions
{
    /// <summary>The label shown to users, e.g. 情况说明 for <see cref="MaterialItemKind.Statement"/>.</summary>
    public static string ChineseLabel(this MaterialItemKind kind) => kind switch
    {
        MaterialItemKind.Statement => "情况说明",
        MaterialItemKind.DocumentOrList => "文件或清单",
        MaterialItemKind.Url => "网址",
        MaterialItemKind.CaseList => "案例列表",
        MaterialItemKind.Directory => "名录",
        MaterialItemKind.DataTable => "数据表",
        MaterialItemKind.NotRequired => "不需提供",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
