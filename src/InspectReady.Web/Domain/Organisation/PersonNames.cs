namespace InspectReady.Web.Domain.Organisation;

public static class PersonNames
{
    /// <summary>张三丰 → 张**: enough to tell records apart in an audit trail, not enough to name the person.</summary>
    public static string Mask(string name) =>
        name.Length <= 1 ? "*" : string.Concat(name.AsSpan(0, char.IsHighSurrogate(name[0]) ? 2 : 1), new string('*', Math.Min(name.Length - 1, 8)));
}
