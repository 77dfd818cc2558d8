using InspectReady.Web.Domain.Calendar;

namespace InspectReady.UnitTests.Calendar;

// The 2024 revision of 全国年节及纪念日放假办法 made 除夕 and 5月2日 statutory holidays from 2025.
// Source: 国务院办公厅关于2025年部分节假日安排的通知 (2024-11): 春节 1月28日（除夕）至2月4日放假调休，共8天，
// 1月26日（星期日）、2月8日（星期六）上班; 劳动节 5月1日至5日放假调休，4月27日（星期日）上班.
public class NewRules2025Tests
{
    private static readonly WorkingDayCalendar Calendar = ShippedHolidayData.Calendar;

    [Fact]
    public void Spring_festival_eve_2025_is_a_holiday()
    {
        Assert.Equal(new DayInfo(new DateOnly(2025, 1, 28), DayKind.Holiday, "春节"), Calendar.Describe(new DateOnly(2025, 1, 28)));
    }

    [Fact]
    public void The_2025_spring_festival_runs_eight_days_from_january_28_to_february_4()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 1, 27)));
        for (var day = new DateOnly(2025, 1, 28); day <= new DateOnly(2025, 2, 4); day = day.AddDays(1))
        {
            Assert.Equal(DayKind.Holiday, Calendar.Describe(day).Kind);
        }
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 2, 5)));
    }

    [Theory]
    [InlineData(2025, 1, 26)] // Sunday
    [InlineData(2025, 2, 8)] // Saturday
    public void The_2025_spring_festival_weekends_worked_are_adjusted_working_days(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(new DayInfo(date, DayKind.AdjustedWorkday, "春节"), Calendar.Describe(date));
    }

    [Fact]
    public void May_2_2025_is_a_labour_day_holiday_and_sunday_april_27_is_worked()
    {
        Assert.Equal(new DayInfo(new DateOnly(2025, 5, 2), DayKind.Holiday, "劳动节"), Calendar.Describe(new DateOnly(2025, 5, 2)));
        Assert.Equal(DayKind.AdjustedWorkday, Calendar.Describe(new DateOnly(2025, 4, 27)).Kind);
    }

    [Fact]
    public void Tenth_working_day_after_friday_january_24_2025_is_february_13()
    {
        // 1/25 Sat off, 1/26 Sun adjusted (1), 1/27 Mon (2), 1/28–2/4 off, 2/5 (3) 2/6 (4) 2/7 (5),
        // 2/8 Sat adjusted (6), 2/9 Sun off, 2/10 (7) 2/11 (8) 2/12 (9) 2/13 (10).
        Assert.Equal(new DateOnly(2025, 2, 13), Calendar.AddWorkingDays(new DateOnly(2025, 1, 24), 10));
    }

    [Fact]
    public void February_2025_month_view_lists_28_days_with_19_working_days()
    {
        // 2/1 is a Saturday: weekdays 2/3–7, 10–14, 17–21, 24–28 = 20; minus 2/3 and 2/4 off = 18; plus 2/8 Sat worked = 19.
        var month = Calendar.Month(2025, 2);

        Assert.Equal(28, month.Count);
        Assert.Equal(Enumerable.Range(1, 28).Select(d => new DateOnly(2025, 2, d)), month.Select(d => d.Date));
        Assert.Equal(19, month.Count(d => d.IsWorkingDay));
        Assert.Equal(19, Calendar.CountWorkingDays(new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 28)));
    }

    [Fact]
    public void The_year_2025_has_248_working_days()
    {
        // 1/1/2025 is a Wednesday: 52 weeks + Wed 12/31 = 261 weekdays. Weekday days off: 1/1; 1/28–1/31, 2/3, 2/4 (6);
        // 4/4; 5/1, 5/2, 5/5 (3); 6/2; 10/1–10/3, 10/6–10/8 (6) = 18. Weekends worked: 1/26, 2/8, 4/27, 9/28, 10/11 = 5.
        // 261 − 18 + 5 = 248.
        Assert.Equal(248, Calendar.CountWorkingDays(new DateOnly(2024, 12, 31), new DateOnly(2025, 12, 31)));
    }
}
