using InspectReady.Web.Domain.Common;
using System.Globalization;

namespace InspectReady.Web.Features.Filing;

/// <summary>How the filing pages write tasks, sizes and times.</summary>
internal static class TaskText
{
    public static string Indicators(IReadOnlyList<int> numbers) => Domain.Filing.IndicatorLabel.Of(numbers);

    public static string Role(bool isLead) => isLead ? "牵头" : "配合";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };

    /// <summary>Times are stored in UTC and shown in the server's zone, which is the district's.</summary>
    public static string Time(DateTime utc) => ChinaTime.Minutes(utc);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string ShortHash(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;
}
