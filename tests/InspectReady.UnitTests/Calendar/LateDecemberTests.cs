using InspectReady.Web.Domain.Calendar;

namespace InspectReady.UnitTests.Calendar;

// The New Year arrangement of year Y+1 can reach into December of Y: 国办发明电〔2018〕15号 made Sat 2018-12-29
// a working day and 2018-12-30/31 days off; the 2023 notice made Sat 2022-12-31 part of the New Year holiday.
// So the last days of December of Y are known only with Y+1's notice (ADR 0101).
public class LateDecemberTests
{
    [Fact]
    public void Without_the_2019_notice_monday_december_31_2018_is_unknown_and_names_2019()
    {
        var only2018 = ShippedHolidayData.CalendarOf(2018);

        var ex = Assert.Throws<CalendarYearMissingException>(() => only2018.IsWorkingDay(new DateOnly(2018, 12, 31)));

        Assert.Equal(2019, ex.Year);
        Assert.Equal(new DateOnly(2018, 12, 31), ex.Date);
        Assert.Contains("缺少2019年的节假日数据", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2018-12-31", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_2019_notice_december_29_to_31_2018_follow_it()
    {
        var both = ShippedHolidayData.CalendarOf(2018, 2019);

        Assert.True(both.IsWorkingDay(new DateOnly(2018, 12, 29)));
        Assert.Equal(new DayInfo(new DateOnly(2018, 12, 31), DayKind.Holiday, "元旦"), both.Describe(new DateOnly(2018, 12, 31)));
    }

    [Fact]
    public void December_24_is_known_without_the_next_notice_and_december_25_is_not()
    {
        var only2022 = ShippedHolidayData.CalendarOf(2022);

        Assert.True(only2022.IsWorkingDay(new DateOnly(2022, 12, 23)));
        Assert.False(only2022.IsWorkingDay(new DateOnly(2022, 12, 24)));
        Assert.Equal(2023, Assert.Throws<CalendarYearMissingException>(() => only2022.Describe(new DateOnly(2022, 12, 25))).Year);
        Assert.Null(only2022.MissingYearFor(new DateOnly(2022, 12, 24)));
        Assert.Equal(2023, only2022.MissingYearFor(new DateOnly(2022, 12, 30)));
        Assert.Equal(2021, only2022.MissingYearFor(new DateOnly(2021, 6, 1)));
    }

    [Fact]
    public void Counting_to_the_end_of_2022_needs_2023()
    {
        var only2022 = ShippedHolidayData.CalendarOf(2022);

        Assert.Equal(2023, Assert.Throws<CalendarYearMissingException>(() => only2022.CountWorkingDays(new DateOnly(2022, 12, 20), new DateOnly(2022, 12, 30))).Year);
        // (12/20, 12/23]: Wed 21, Thu 22, Fri 23.
        Assert.Equal(3, only2022.CountWorkingDays(new DateOnly(2022, 12, 20), new DateOnly(2022, 12, 23)));
    }

    [Fact]
    public void Try_describe_answers_false_for_late_december_without_the_next_year()
    {
        var only2026 = ShippedHolidayData.CalendarOf(2026);

        Assert.True(only2026.TryDescribe(new DateOnly(2026, 12, 24), out var known));
        Assert.Equal(DayKind.Workday, known.Kind);
        Assert.False(only2026.TryDescribe(new DateOnly(2026, 12, 28), out _));
        Assert.Equal(2027, Assert.Throws<CalendarYearMissingException>(() => only2026.Month(2026, 12)).Year);
        Assert.Equal(30, only2026.Month(2026, 11).Count);
    }
}
