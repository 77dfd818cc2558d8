using InspectReady.Web.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Data;

/// <summary>The calendar's tables, kept beside the context rather than in it so feature work does not collide there.</summary>
public static class CalendarSets
{
    extension(AppDbContext db)
    {
        public DbSet<StoredHolidayYear> HolidayYears => db.Set<StoredHolidayYear>();
    }
}
