using InspectReady.Web.Domain.Calendar;

namespace InspectReady.UnitTests.Calendar;

public class WorkingDayArithmeticTests
{
    private static readonly WorkingDayCalendar Calendar = ShippedHolidayData.Calendar;

    [Fact]
    public void Adding_working_days_across_new_year_2026_skips_the_holiday_and_counts_the_adjusted_sunday()
    {
        // 2026 notice: 元旦 1/1 (Thu) to 1/3 off, 1/4 (Sun) worked. From Tue 2025-12-30: 12/31 Wed (1),
        // 1/1–1/3 off, 1/4 Sun adjusted (2), 1/5 Mon (3).
        Assert.Equal(new DateOnly(2026, 1, 5), Calendar.AddWorkingDays(new DateOnly(2025, 12, 30), 3));
    }

    [Fact]
    public void Walking_back_two_working_days_from_january_5_2026_lands_on_december_31_2025()
    {
        // 1/4 Sun adjusted (1), 1/3–1/1 off, 12/31 Wed (2).
        Assert.Equal(new DateOnly(2025, 12, 31), Calendar.AddWorkingDays(new DateOnly(2026, 1, 5), -2));
    }

    [Fact]
    public void New_year_2019_days_in_december_2018_come_from_the_2019_file()
    {
        // 2019 notice: 元旦 2018-12-30 to 2019-01-01 off, 2018-12-29 (Sat) worked; the 2018 file does not mention them.
        Assert.Equal(DayKind.AdjustedWorkday, Calendar.Describe(new DateOnly(2018, 12, 29)).Kind);
        Assert.Equal(new DayInfo(new DateOnly(2018, 12, 31), DayKind.Holiday, "元旦"), Calendar.Describe(new DateOnly(2018, 12, 31)));
        // From Fri 12/28: 12/29 Sat adjusted (1), 12/30–1/1 off, Wed 1/2 (2).
        Assert.Equal(new DateOnly(2019, 1, 2), Calendar.AddWorkingDays(new DateOnly(2018, 12, 28), 2));
    }

    [Fact]
    public void New_year_2023_holiday_starts_on_saturday_december_31_2022()
    {
        // 2023 notice: 元旦 2022-12-31 to 2023-01-02 off. From Fri 12/30 the next working day is Tue 1/3.
        Assert.Equal(DayKind.Holiday, Calendar.Describe(new DateOnly(2022, 12, 31)).Kind);
        Assert.Equal(new DateOnly(2023, 1, 3), Calendar.AddWorkingDays(new DateOnly(2022, 12, 30), 1));
    }

    [Fact]
    public void One_working_day_after_a_friday_is_the_next_monday_not_the_friday_itself()
    {
        Assert.Equal(new DateOnly(2025, 3, 10), Calendar.AddWorkingDays(new DateOnly(2025, 3, 7), 1));
    }

    [Fact]
    public void Minus_one_working_day_from_a_monday_is_the_previous_friday()
    {
        Assert.Equal(new DateOnly(2025, 3, 7), Calendar.AddWorkingDays(new DateOnly(2025, 3, 10), -1));
    }

    [Fact]
    public void Adding_zero_working_days_returns_the_start_even_on_a_holiday()
    {
        Assert.Equal(new DateOnly(2021, 10, 1), Calendar.AddWorkingDays(new DateOnly(2021, 10, 1), 0));
    }

    [Fact]
    public void Adding_zero_working_days_looks_nothing_up_so_needs_no_data()
    {
        Assert.Equal(new DateOnly(2030, 6, 1), Calendar.AddWorkingDays(new DateOnly(2030, 6, 1), 0));
    }

    [Fact]
    public void Counting_excludes_the_start_day_and_includes_the_end_day()
    {
        // (Fri 2021-10-08, Mon 10-11]: 10/9 Sat adjusted and 10/11 Mon; Friday itself is not counted.
        Assert.Equal(2, Calendar.CountWorkingDays(new DateOnly(2021, 10, 8), new DateOnly(2021, 10, 11)));
        // (10/7 holiday, 10/8 Fri]: just the Friday.
        Assert.Equal(1, Calendar.CountWorkingDays(new DateOnly(2021, 10, 7), new DateOnly(2021, 10, 8)));
    }

    [Fact]
    public void Counting_an_empty_or_reversed_range_gives_zero()
    {
        Assert.Equal(0, Calendar.CountWorkingDays(new DateOnly(2021, 10, 8), new DateOnly(2021, 10, 8)));
        Assert.Equal(0, Calendar.CountWorkingDays(new DateOnly(2021, 10, 11), new DateOnly(2021, 10, 8)));
    }

    [Fact]
    public void Counting_up_to_the_nth_working_day_gives_n_and_walking_back_n_returns_to_a_working_start()
    {
        foreach (var n in new[] { 1, 5, 20, 120 })
        {
            for (var start = new DateOnly(2018, 1, 1); start < new DateOnly(2026, 6, 1); start = start.AddDays(5))
            {
                var end = Calendar.AddWorkingDays(start, n);
                Assert.Equal(n, Calendar.CountWorkingDays(start, end));
                if (Calendar.IsWorkingDay(start))
                {
                    Assert.Equal(start, Calendar.AddWorkingDays(end, -n));
                }
            }
        }
    }

    [Fact]
    public void Describing_an_ordinary_monday_and_saturday_gives_no_holiday_name()
    {
        Assert.Equal(new DayInfo(new DateOnly(2025, 3, 3), DayKind.Workday, null), Calendar.Describe(new DateOnly(2025, 3, 3)));
        Assert.Equal(new DayInfo(new DateOnly(2025, 3, 1), DayKind.Weekend, null), Calendar.Describe(new DateOnly(2025, 3, 1)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void Adding_hundreds_of_working_days_allocates_nothing()
    {
        var from = new DateOnly(2018, 1, 2);
        Calendar.CountWorkingDays(from, Calendar.AddWorkingDays(from, 500)); // JIT and first-use costs out of the way

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Calendar.AddWorkingDays(from, 1500);
        var count = Calendar.CountWorkingDays(from, result);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1500, count);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_shipped_calendar_knows_2018_to_2026()
    {
        Assert.Equal(Enumerable.Range(2018, 9), Calendar.Years);
    }
}
