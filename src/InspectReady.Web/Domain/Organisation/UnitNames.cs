namespace InspectReady.Web.Domain.Organisation;

public static class UnitNames
{
    /// <summary>Names come from spreadsheets and PDFs: strip all white space, including full-width.</summary>
    public static string Normalise(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c)));

    public static IEnumerable<string> Distinct(IEnumerable<string> names) =>
        names.Select(Normalise).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal);

    /// <summary>Splits a cell such as "区发改委、区商务局" or one name per line.</summary>
    public static IReadOnlyList<string> SplitList(string? cell) =>
        string.IsNullOrWhiteSpace(cell)
            ? []
            : [.. Distinct(cell.Split(['、', ',', '，', ';', '；', '\n', '\r', ' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries))];
}
