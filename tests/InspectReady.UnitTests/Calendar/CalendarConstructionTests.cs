using InspectReady.Web.Domain.Calendar;

namespace InspectReady.UnitTests.Calendar;

public class CalendarConstructionTests
{
    private static HolidayYear Parsed(string json) => HolidayYearParser.Parse(json, "test.json").Year!;

    [Fact]
    public void A_dates_own_year_file_wins_over_the_neighbouring_file_whatever_the_order()
    {
        var year2022 = Parsed(HolidayJson.Year(2022, HolidayJson.Day("2022-12-31", false, "本年安排")));
        var year2023 = Parsed(HolidayJson.Year(2023, HolidayJson.Day("2022-12-31", true, "元旦")));
        var expected = new DayInfo(new DateOnly(2022, 12, 31), DayKind.AdjustedWorkday, "本年安排");

        Assert.Equal(expected, new WorkingDayCalendar([year2022, year2023]).Describe(new DateOnly(2022, 12, 31)));
        Assert.Equal(expected, new WorkingDayCalendar([year2023, year2022]).Describe(new DateOnly(2022, 12, 31)));
    }

    [Fact]
    public void A_neighbouring_file_fills_in_dates_the_own_year_file_does_not_mention()
    {
        var year2022 = Parsed(HolidayJson.Year(2022, HolidayJson.Day("2022-10-01", true, "国庆节")));
        var year2023 = Parsed(HolidayJson.Year(2023, HolidayJson.Day("2022-12-31", true, "元旦")));

        var calendar = new WorkingDayCalendar([year2023, year2022]);

        Assert.Equal(new DayInfo(new DateOnly(2022, 12, 31), DayKind.Holiday, "元旦"), calendar.Describe(new DateOnly(2022, 12, 31)));
    }

    [Fact]
    public void Two_arrangements_for_the_same_year_are_refused()
    {
        var first = Parsed(HolidayJson.Year(2022, HolidayJson.Day("2022-10-01", true)));
        var second = Parsed(HolidayJson.Year(2022, HolidayJson.Day("2022-10-02", true)));

        var ex = Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([first, second]));
        Assert.Contains("2022年", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_built_in_code_that_breaks_the_file_rules_is_refused()
    {
        var weekdayAdjusted = new HolidayYear(2020, ["https://www.gov.cn/notice"], [new HolidayDay(new DateOnly(2020, 2, 3), "春节", false)]);

        var ex = Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([weekdayAdjusted]));
        Assert.Contains("调休上班日不在周末", ex.Message, StringComparison.Ordinal);
    }
}
