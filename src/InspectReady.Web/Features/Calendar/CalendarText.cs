using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Calendar;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Http;

namespace InspectReady.Web.Features.Calendar;

/// <summary>Dates as the API and pages read and write them, with Chinese messages for bad input.</summary>
public static class CalendarText
{
    private static readonly string[] WeekdayNames = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static string Iso(DateOnly date) => IsoDate.Format(date);

    public static string Weekday(DateOnly date) => WeekdayNames[(int)date.DayOfWeek];

    /// <summary>Exactly YYYY-MM-DD; anything else adds an error naming the parameter and the value.</summary>
    public static DateOnly? ParseDate(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(null, field, $"缺少参数 {field}，应为 YYYY-MM-DD 格式的日期"));
            return null;
        }
        if (IsoDate.TryParse(text, out var date))
        {
            return date;
        }
        errors.Add(new FieldError(null, field, $"参数 {field} 的值“{text}”不是有效日期，应为 YYYY-MM-DD，如 2021-10-08"));
        return null;
    }

    /// <summary>A day's kind as the API returns it (ADR 0036): <c>workday</c>, <c>weekend</c>, <c>holiday</c>,
    /// <c>adjusted_workday</c>, or <c>unknown</c> for a year the calendar does not hold yet.</summary>
    public static readonly CodeSet DayKinds = new(("workday", "工作日"), ("weekend", "休息日"), ("holiday", "放假"),
        ("adjusted_workday", "调休上班"), (UnknownDay, "待定"));

    public const string UnknownDay = "unknown";

    public static string KindCode(DayKind kind) => kind switch
    {
        DayKind.Workday => "workday",
        DayKind.Weekend => "weekend",
        DayKind.Holiday => "holiday",
        _ => "adjusted_workday",
    };
}
