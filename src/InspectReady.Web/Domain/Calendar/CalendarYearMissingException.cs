namespace InspectReady.Web.Domain.Calendar;

/// <summary>
/// Thrown instead of guessing when a computation reaches a year whose notice has not been imported:
/// treating that year's holidays as working days would silently shorten legal deadlines.
/// </summary>
public sealed class CalendarYearMissingException : Exception
{
    public CalendarYearMissingException(int year)
        : base($"缺少{year}年的节假日数据，请管理员导入该年国务院节假日安排") => Year = year;

    /// <summary>For a late-December <paramref name="date"/> of a loaded year whose next year's notice is missing.</summary>
    public CalendarYearMissingException(int year, DateOnly date)
        : base($"缺少{year}年的节假日数据：{date:yyyy-MM-dd}可能属于{year}年元旦假期安排（12月{WorkingDayCalendar.NextNoticeReachesFromDecember}日起的日期以下一年的通知为准），请管理员导入{year}年国务院节假日安排")
    {
        Year = year;
        Date = date;
    }

    public int Year { get; }

    /// <summary>The date that needed the year, when it lies outside that year (late December).</summary>
    public DateOnly? Date { get; }
}
