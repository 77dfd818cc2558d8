using InspectReady.Web.Domain.Calendar;

namespace InspectReady.UnitTests.Calendar;

public class MissingYearTests
{
    private static readonly WorkingDayCalendar Calendar = ShippedHolidayData.Calendar;

    [Fact]
    public void Asking_about_a_date_in_2027_throws_naming_2027()
    {
        var ex = Assert.Throws<CalendarYearMissingException>(() => Calendar.IsWorkingDay(new DateOnly(2027, 1, 4)));

        Assert.Equal(2027, ex.Year);
        Assert.Equal("缺少2027年的节假日数据，请管理员导入该年国务院节假日安排", ex.Message);
    }

    [Fact]
    public void Adding_working_days_past_the_end_of_2026_throws_for_2027()
    {
        // Wed 2026-12-30: 12/31 (1), then 2027-01-01 has no data.
        var ex = Assert.Throws<CalendarYearMissingException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 12, 30), 5));
        Assert.Equal(2027, ex.Year);
    }

    [Fact]
    public void Walking_back_before_2018_throws_for_2017()
    {
        var ex = Assert.Throws<CalendarYearMissingException>(() => Calendar.AddWorkingDays(new DateOnly(2018, 1, 2), -5));
        Assert.Equal(2017, ex.Year);
    }

    [Fact]
    public void Counting_into_2027_throws_for_2027()
    {
        var ex = Assert.Throws<CalendarYearMissingException>(() => Calendar.CountWorkingDays(new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 10)));
        Assert.Equal(2027, ex.Year);
    }

    [Fact]
    public void Counting_needs_only_the_days_inside_the_range()
    {
        // (2017-12-31, 2018-01-02]: 1/1 元旦 off, 1/2 Tue worked. The start day lies in 2017 but is not counted.
        Assert.Equal(1, Calendar.CountWorkingDays(new DateOnly(2017, 12, 31), new DateOnly(2018, 1, 2)));
    }

    [Fact]
    public void Describing_or_listing_a_month_of_2017_throws_for_2017()
    {
        Assert.Equal(2017, Assert.Throws<CalendarYearMissingException>(() => Calendar.Describe(new DateOnly(2017, 5, 2))).Year);
        Assert.Equal(2017, Assert.Throws<CalendarYearMissingException>(() => Calendar.Month(2017, 5)).Year);
    }

    [Fact]
    public void December_2018_entries_in_the_2019_file_do_not_make_2018_a_year_with_data()
    {
        var only2019 = ShippedHolidayData.CalendarOf(2019);

        Assert.Equal(2018, Assert.Throws<CalendarYearMissingException>(() => only2019.IsWorkingDay(new DateOnly(2018, 12, 31))).Year);
    }

    [Fact]
    public void A_year_missing_between_loaded_years_throws_when_a_walk_reaches_it()
    {
        var without2019 = ShippedHolidayData.CalendarOf(2018, 2020);

        // Without the 2019 file the end of December 2018 is unknown (2019's notice made 12/29 a working Saturday
        // and 12/30–31 days off), so the first step, to Sat 12/29, already needs 2019.
        Assert.Equal(2019, Assert.Throws<CalendarYearMissingException>(() => without2019.AddWorkingDays(new DateOnly(2018, 12, 28), 2)).Year);
        Assert.Equal(new DateOnly(2020, 1, 2), without2019.AddWorkingDays(new DateOnly(2019, 12, 31), 1));
    }

    [Fact]
    public void A_calendar_without_any_year_throws_for_every_date()
    {
        var empty = new WorkingDayCalendar([]);

        Assert.Empty(empty.Years);
        Assert.Equal(2025, Assert.Throws<CalendarYearMissingException>(() => empty.IsWorkingDay(new DateOnly(2025, 3, 3))).Year);
    }

    [Fact]
    public void An_invalid_month_number_is_an_argument_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.Month(2025, 13));
    }
}
