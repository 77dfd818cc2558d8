using System.Text.RegularExpressions;

namespace InspectReady.Web.Domain.Frameworks;

/// <summary>
/// The dates a checklist item covers: from 1 January of its "…年以来" year to the cut-off (注意事项一: materials
/// asked "2019年以来" or "2020年以来" end at the end of June 2021); a named half-year or years bound it themselves.
/// </summary>
public static partial class MaterialWindow
{
    [GeneratedRegex(@"(\d{4})年")]
    private static partial Regex Year();

    public static (DateOnly? From, DateOnly? To) Of(MaterialItem item, DateOnly? cutoff)
    {
        if (item.SinceYear is not { } since)
        {
            return (null, null);
        }
        var from = new DateOnly(since, 1, 1);
        if (item.Period is { } period)
        {
            var years = Year().Matches(period).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var last = years.Count > 0 ? years.Max() : since;
            var end = period.Contains("上半年", StringComparison.Ordinal) ? new DateOnly(last, 6, 30) : new DateOnly(last, 12, 31);
            return (from, cutoff is { } c && c < end ? c : end);
        }
        return (from, cutoff);
    }
}
