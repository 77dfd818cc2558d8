namespace InspectReady.Web.Domain.Frameworks;

/// 数量要求: how many cases, documents or enterprises an item asks for, e.g. 不超过 5 个
/// <param name="Unit">The measure word as printed: 个, 件 or 家.</param>
public sealed record CountRule(CountRelation Relation, int Count, string Unit);
