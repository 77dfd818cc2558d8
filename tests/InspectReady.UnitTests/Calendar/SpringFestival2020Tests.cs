using InspectReady.Web.Domain.Calendar;

namespace InspectReady.UnitTests.Calendar;

// Sources: 国务院办公厅关于2020年部分节假日安排的通知 (2019-11-21): 春节 1月24日至30日放假调休，1月19日（星期日）、
// 2月1日（星期六）上班. Then 国办发明电〔2020〕1号 (2020-01-27): 春节假期延长至2月2日（星期日），2月3日起正常上班.
public class SpringFestival2020Tests
{
    private static readonly WorkingDayCalendar Calendar = ShippedHolidayData.Calendar;

    [Fact]
    public void The_2020_spring_festival_holiday_runs_from_january_24_to_the_extended_end_on_february_2()
    {
        // 1/24 (Fri, 除夕) to 1/30 from the first notice, 1/31–2/2 added by the extension: 10 consecutive days off.
        for (var day = new DateOnly(2020, 1, 24); day <= new DateOnly(2020, 2, 2); day = day.AddDays(1))
        {
            Assert.Equal(new DayInfo(day, DayKind.Holiday, "春节"), Calendar.Describe(day));
        }
    }

    [Fact]
    public void Saturday_february_1_2020_is_a_day_off_because_the_extension_cancelled_its_adjusted_working_day()
    {
        // The first notice made it a working Saturday; the extension to 2/2 covers it and the data says isOffDay=true.
        var info = Calendar.Describe(new DateOnly(2020, 2, 1));

        Assert.Equal(DayKind.Holiday, info.Kind);
        Assert.False(info.IsWorkingDay);
    }

    [Fact]
    public void Sunday_january_19_2020_is_an_adjusted_working_day()
    {
        Assert.Equal(new DayInfo(new DateOnly(2020, 1, 19), DayKind.AdjustedWorkday, "春节"), Calendar.Describe(new DateOnly(2020, 1, 19)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2020, 1, 19)));
    }

    [Fact]
    public void Monday_february_3_2020_is_an_ordinary_workday_when_work_resumed()
    {
        // Upstream lists it as isOffDay=false; the shipped copy drops that redundant weekday entry (see HolidayData/README.md).
        Assert.Equal(new DayInfo(new DateOnly(2020, 2, 3), DayKind.Workday, null), Calendar.Describe(new DateOnly(2020, 2, 3)));
    }

    [Fact]
    public void Tenth_working_day_after_the_2020_spring_festival_eve_skips_the_extended_holiday()
    {
        // From 除夕 Fri 1/24: 1/25–2/2 off. Working: 2/3 Mon(1) 2/4(2) 2/5(3) 2/6(4) 2/7(5), weekend 2/8–2/9,
        // 2/10(6) 2/11(7) 2/12(8) 2/13(9) 2/14(10).
        Assert.Equal(new DateOnly(2020, 2, 14), Calendar.AddWorkingDays(new DateOnly(2020, 1, 24), 10));
    }

    [Fact]
    public void Working_days_from_friday_january_17_to_friday_february_7_2020_include_the_adjusted_sunday()
    {
        // (1/17, 2/7]: 1/18 Sat off, 1/19 Sun adjusted (1), 1/20–1/23 Mon–Thu (5), 1/24–2/2 off, 2/3–2/7 Mon–Fri (10).
        Assert.Equal(10, Calendar.CountWorkingDays(new DateOnly(2020, 1, 17), new DateOnly(2020, 2, 7)));
    }
}
