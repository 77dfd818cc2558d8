using System.Globalization;

namespace InspectReady.Web.Domain.Common;

/// <summary>
/// China's clock (Asia/Shanghai) for "today", deadlines, defaults and every printed time, whatever the host's zone.
/// Instants are stored in UTC; only what a user reads or types is Beijing time.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var tz)
        ? tz
        : TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public static DateTimeOffset Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>The Beijing date of a stored UTC instant.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(ToChina(utc));

    /// <summary>
    /// The UTC instant an input names: a UTC value as it is, a value that carried an offset (the JSON reader turns it
    /// into the host's local kind) converted back, and a value without any offset read as Beijing wall time, never
    /// as the host's zone.
    /// </summary>
    public static DateTime ToUtc(DateTime input) => input.Kind switch
    {
        DateTimeKind.Utc => input,
        DateTimeKind.Local => input.ToUniversalTime(),
        _ => TimeZoneInfo.ConvertTimeToUtc(input, Zone),
    };

    public static DateTime ToChina(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A stored UTC instant as users read it: <c>yyyy-MM-dd HH:mm</c>, Beijing time.</summary>
    public static string Minutes(DateTime utc) => ToChina(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A stored UTC instant to the second, Beijing time: <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static string Seconds(DateTime utc) => ToChina(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Minutes(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
