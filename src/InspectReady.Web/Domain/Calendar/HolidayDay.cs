namespace InspectReady.Web.Domain.Calendar;

/// <summary>One entry of a holiday-cn file: a day off (IsOffDay) or an adjusted working day (调休上班).</summary>
public sealed record HolidayDay(DateOnly Date, string Name, bool IsOffDay);
