namespace InspectReady.Web.Domain.Frameworks;

/// <summary>The Chinese words the checklist is shown and corrected in.</summary>
public static class ChecklistLabels
{
    public static string Of(CountRelation relation) => relation switch
    {
        CountRelation.AtMost => "不超过",
        CountRelation.Exactly => "恰好",
        _ => "任选",
    };

    public static string Of(RequiredField field) => field switch
    {
        RequiredField.Contact => "联系方式",
        RequiredField.Url => "网址",
        _ => "负责人",
    };

    public static CountRelation? Relation(string? label) =>
        Enum.GetValues<CountRelation>().Cast<CountRelation?>().FirstOrDefault(r => Of(r!.Value) == label);

    public static RequiredField? Field(string? label) =>
        Enum.GetValues<RequiredField>().Cast<RequiredField?>().FirstOrDefault(f => Of(f!.Value) == label);

    /// <summary>The kind a code or label names (<see cref="MaterialItemKindExtensions.Codes"/>).</summary>
    public static MaterialItemKind? Kind(string? codeOrLabel) => MaterialItemKindExtensions.ParseKind(codeOrLabel);

    public static readonly IReadOnlyList<string> CountUnits = ["个", "件", "家"];
}
