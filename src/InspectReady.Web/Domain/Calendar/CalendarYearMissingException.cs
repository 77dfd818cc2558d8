namespace InspectReady.Web.Domain.Calendar;

/// <summary>
/// Thrown instead of guessing when a computation reaches a year whose notice has not been imported:
/// treating that year's holidays as working days would silently shorten legal deadlines.
/// </summary>
public sealed class CalendarYearMissingException : Exception
{
    public CalendarYearMissingException(int year)
        : base($"缺少{year}年的节假日数据，请管理员导入该年国务院节假日安排") => Year = year;

    public int Year { get; }
}
