namespace InspectReady.Web.Domain.Calendar;

/// <param name="HolidayName">
/// The notice's holiday name for <see cref="DayKind.Holiday"/> and <see cref="DayKind.AdjustedWorkday"/>
/// (an adjusted working day carries the holiday it pays for, e.g. "春节"); null otherwise.
/// </param>
public readonly record struct DayInfo(DateOnly Date, DayKind Kind, string? HolidayName)
{
    public bool IsWorkingDay => Kind is DayKind.Workday or DayKind.AdjustedWorkday;
}
