using System.Text;

namespace InspectReady.Web.Domain.Calendar;

/// <summary>The holiday-cn years embedded in the assembly (HolidayData/*.json), parsed once.</summary>
public static class ShippedHolidayYears
{
    private const string Prefix = "holiday-cn/";

    private static readonly Lazy<IReadOnlyList<HolidayYear>> Years = new(Load);

    /// <summary>Every shipped year, ascending.</summary>
    /// <exception cref="InvalidDataException">A shipped file is invalid (a build defect, never data to skip).</exception>
    public static IReadOnlyList<HolidayYear> All => Years.Value;

    private static IReadOnlyList<HolidayYear> Load()
    {
        var assembly = typeof(ShippedHolidayYears).Assembly;
        var years = new List<HolidayYear>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var result = HolidayYearParser.Parse(reader.ReadToEnd(), name[Prefix.Length..]);
            if (!result.Succeeded)
            {
                throw new InvalidDataException(string.Join(Environment.NewLine, result.Errors));
            }
            years.Add(result.Year);
        }
        return years;
    }
}
