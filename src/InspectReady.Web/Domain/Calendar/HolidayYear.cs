namespace InspectReady.Web.Domain.Calendar;

/// <summary>
/// One year's State Council holiday arrangement, as in a holiday-cn file. Days may include dates in
/// December of the previous year (a New Year holiday can start there), so do not assume Date.Year == Year.
/// </summary>
/// <param name="Papers">URLs of the notices the days come from, kept for provenance.</param>
public sealed record HolidayYear(int Year, IReadOnlyList<string> Papers, IReadOnlyList<HolidayDay> Days);
