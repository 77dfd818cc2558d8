namespace InspectReady.Web.Domain.Frameworks;

/// 必须注明的信息: details an item says must be given alongside it
public enum RequiredField
{
    /// 联系方式
    Contact,
    /// 网址
    Url,
    /// 负责人
    PersonInCharge,
}
