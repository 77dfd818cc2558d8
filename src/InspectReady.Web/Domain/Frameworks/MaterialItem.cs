namespace InspectReady.Web.Domain.Frameworks;

/// 填报材料的一项: one item of an indicator's materials request
/// <param name="Index">1-based, from the request's own "1." numbering; 1 when the request is not numbered.</param>
/// <param name="Text">The item as printed, without its number and without layout white space.</param>
/// <param name="Count">The count rule the item states, e.g. （不超过5个）; null when it states none.</param>
/// <param name="SinceYear">The earliest year the item covers: 2019 for "2019年以来", 2021 for "2021年上半年".</param>
/// <param name="Period">A bounded window as printed ("2021年上半年", "2019年、2020年", "2020年"); null for an open "…年以来".</param>
public sealed record MaterialItem(
    int Index,
    string Text,
    MaterialItemKind Kind,
    CountRule? Count,
    int? SinceYear,
    string? Period,
    IReadOnlyList<RequiredField> RequiredFields);
