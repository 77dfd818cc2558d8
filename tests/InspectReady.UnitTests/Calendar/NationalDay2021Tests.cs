using InspectReady.Web.Domain.Calendar;

namespace InspectReady.UnitTests.Calendar;

// Source: 国务院办公厅关于2021年部分节假日安排的通知 (2020-11-25): 中秋节 9月19日至21日放假调休，9月18日（星期六）上班;
// 国庆节 10月1日至7日放假调休，9月26日（星期日）、10月9日（星期六）上班.
public class NationalDay2021Tests
{
    private static readonly WorkingDayCalendar Calendar = ShippedHolidayData.Calendar;

    [Fact]
    public void The_2021_national_day_week_is_october_1_to_7_off()
    {
        for (var day = new DateOnly(2021, 10, 1); day <= new DateOnly(2021, 10, 7); day = day.AddDays(1))
        {
            Assert.Equal(new DayInfo(day, DayKind.Holiday, "国庆节"), Calendar.Describe(day));
        }
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2021, 10, 8)));
    }

    [Theory]
    [InlineData(2021, 9, 18, "中秋节")] // Saturday, pays for the Mid-Autumn Monday/Tuesday
    [InlineData(2021, 9, 26, "国庆节")] // Sunday
    [InlineData(2021, 10, 9, "国庆节")] // Saturday
    public void The_2021_mid_autumn_and_national_day_weekends_worked_are_adjusted_working_days(int year, int month, int day, string name)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(new DayInfo(date, DayKind.AdjustedWorkday, name), Calendar.Describe(date));
        Assert.True(Calendar.IsWorkingDay(date));
    }

    [Fact]
    public void Third_working_day_after_september_30_2021_is_october_11_counting_saturday_october_9()
    {
        // From Thu 9/30: 10/1–10/7 off, 10/8 Fri (1), 10/9 Sat adjusted (2), 10/10 Sun off, 10/11 Mon (3).
        Assert.Equal(new DateOnly(2021, 10, 11), Calendar.AddWorkingDays(new DateOnly(2021, 9, 30), 3));
    }

    [Fact]
    public void The_last_working_day_before_october_8_2021_is_september_30()
    {
        // Backwards from Fri 10/8: 10/7–10/1 off, 9/30 Thu is the first working day met.
        Assert.Equal(new DateOnly(2021, 9, 30), Calendar.AddWorkingDays(new DateOnly(2021, 10, 8), -1));
    }

    [Fact]
    public void September_2021_has_22_working_days()
    {
        // 9/1 is a Wednesday: weekdays 3+5+5+5+4 = 22; minus 9/20 Mon and 9/21 Tue off = 20;
        // plus 9/18 Sat and 9/26 Sun worked = 22.
        Assert.Equal(22, Calendar.CountWorkingDays(new DateOnly(2021, 8, 31), new DateOnly(2021, 9, 30)));
        Assert.Equal(22, Calendar.Month(2021, 9).Count(d => d.IsWorkingDay));
    }
}
