using System.Globalization;

namespace InspectReady.Web.Features.Shared;

/// <summary>Dates as the API and forms carry them: exactly YYYY-MM-DD.</summary>
public static class IsoDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly date)
    {
        var value = text?.Trim();
        date = default;
        return value is { Length: 10 } && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
