using InspectReady.Web.Domain.Calendar;

namespace InspectReady.Web.Features.Calendar.MonthView;

/// <summary>A month of the calendar in force, for the month view: days without data are 待定, with the year that is missing.</summary>
public sealed class CalendarMonthHandler(WorkingCalendarHandler calendar)
{
    public const string Unknown = CalendarText.UnknownDay;

    public async Task<CalendarMonthDto> MonthAsync(int year, int month, CancellationToken ct = default)
    {
        var current = await calendar.GetAsync(ct);
        var first = new DateOnly(year, month, 1);
        var days = new List<CalendarDayDto>();
        int? missing = null;
        for (var date = first; date.Month == month; date = date.AddDays(1))
        {
            if (current.TryDescribe(date, out var info))
            {
                days.Add(new CalendarDayDto(CalendarText.Iso(date), CalendarText.Weekday(date), CalendarText.KindCode(info.Kind), info.IsWorkingDay, info.HolidayName));
            }
            else
            {
                missing ??= current.MissingYearFor(date);
                days.Add(new CalendarDayDto(CalendarText.Iso(date), CalendarText.Weekday(date), Unknown, null, null));
            }
        }
        var message = missing is { } y
            ? y == year
                ? $"缺少{y}年的节假日数据，本月各日无法判断是否工作日，请管理员导入{y}年国务院节假日安排"
                : $"缺少{y}年的节假日数据：{year}年12月{WorkingDayCalendar.NextNoticeReachesFromDecember}日起的日期以{y}年的通知为准，暂标为“待定”"
            : null;
        return new CalendarMonthDto(year, month, days, missing, message);
    }
}
