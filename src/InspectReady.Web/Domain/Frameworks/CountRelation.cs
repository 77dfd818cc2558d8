namespace InspectReady.Web.Domain.Frameworks;

/// 数量要求的关系
public enum CountRelation
{
    /// 不超过: "（不超过5个）"
    AtMost,
    /// 恰好: "任意10家", "举3个例子"
    Exactly,
    /// 任选: "任选5件" (pick that many from a larger set)
    AnyOf,
}
