using InspectReady.Web.Features.Calendar.MonthView;
using InspectReady.Web.Features.Calendar.Years;

namespace InspectReady.Web.Features.Calendar;

public static class CalendarRegistration
{
    public static IServiceCollection AddCalendarFeature(this IServiceCollection services)
    {
        // One cached calendar per node; the handlers around it are stateless.
        services.AddSingleton<WorkingCalendarHandler>();
        services.AddSingleton<CalendarMonthHandler>();
        services.AddSingleton<HolidayYearsHandler>();
        return services;
    }
}
