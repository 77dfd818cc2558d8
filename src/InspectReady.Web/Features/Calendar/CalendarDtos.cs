using InspectReady.Web.Domain.Calendar;

namespace InspectReady.Web.Features.Calendar;

public sealed record AddWorkingDaysDto(string Date);

public sealed record WorkingDaysCountDto(int Count);

public sealed record IsWorkingDayDto(bool WorkingDay, string? Name);

/// <param name="Kind">workday, weekend, holiday or adjusted_workday (工作日, 休息日, 放假, 调休上班); unknown (待定) when the data is missing.</param>
public sealed record CalendarDayDto(string Date, string Weekday, string Kind, bool? WorkingDay, string? Name)
{
    /// <summary>The Chinese label of <see cref="Kind"/> (a <see cref="CalendarText.DayKinds"/> code).</summary>
    public string KindLabel => CalendarText.DayKinds.Label(Kind);
}

/// <param name="MissingYear">The year whose notice is needed for days marked 待定, if any.</param>
public sealed record CalendarMonthDto(int Year, int Month, IReadOnlyList<CalendarDayDto> Days, int? MissingYear, string? Message);

/// <param name="Source">内置, 导入 or 编辑.</param>
public sealed record HolidayYearDto(int Year, string Source, bool ReplacesShipped, int Holidays, int AdjustedWorkdays,
    IReadOnlyList<string> Papers, DateTime? UpdatedAt, string? UpdatedBy)
{
    public string SourceLabel => HolidayYearSource.Label(Source);
}

public sealed record HolidayDayDto(string Date, string Name, bool IsOffDay);

/// <summary>Sets one entry of a year's arrangement: a day off (isOffDay true) or an adjusted working day.</summary>
public sealed record HolidayDayRequest(string? Name, bool? IsOffDay);
