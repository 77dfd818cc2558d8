namespace InspectReady.Web.Domain.Frameworks;

/// 填报材料的类别: what a unit must hand in for one item of a materials request
public enum MaterialItemKind
{
    /// 情况说明
    Statement,
    /// 文件或清单
    DocumentOrList,
    /// 网址
    Url,
    /// 案例列表
    CaseList,
    /// 名录
    Directory,
    /// 数据表
    DataTable,
    /// 不需提供
    NotRequired,
}
