namespace InspectReady.Web.Domain.Calendar;

/// <summary>
/// China's working-day calendar: a day is a working day when a notice makes it one (调休上班), or it is
/// Monday–Friday and no notice makes it a day off. Only years with a loaded file are known; anything
/// that needs another year throws <see cref="CalendarYearMissingException"/> rather than guessing.
/// The last days of December of a year Y are known only when year Y+1 is loaded too, because the
/// New Year arrangement sits in Y+1's notice (2018-12-29/30/31, 2022-12-31); see ADR 0101.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>
    /// From this day of December on, a date of year Y needs year Y+1's notice as well. Every New Year
    /// arrangement so far (holiday and the weekend worked for it) lies within the week before 1 January;
    /// the earliest December entry in any notice is 2018-12-29.
    /// </summary>
    public const int NextNoticeReachesFromDecember = 25;

    // One slot per day from 1 January of the first loaded year to 31 December of the last, indexed by
    // DayNumber - _firstDayNumber; null where that year has no file. Built once, so walking days is a
    // plain array read with no allocation.
    private readonly int _firstDayNumber;
    private readonly DayKind?[] _kinds;
    private readonly string?[] _names;
    private readonly int[] _years;

    public WorkingDayCalendar(IEnumerable<HolidayYear> years)
    {
        var files = years.ToArray();
        foreach (var file in files)
        {
            var errors = HolidayYearParser.Validate(file);
            if (errors.Count > 0)
            {
                throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(years));
            }
        }
        _years = files.Select(f => f.Year).Order().ToArray();
        for (var i = 1; i < _years.Length; i++)
        {
            // Two arrangements for one year cannot both be right; the caller has to pick.
            if (_years[i] == _years[i - 1])
            {
                throw new ArgumentException($"{_years[i]}年的节假日数据重复提供了两份", nameof(years));
            }
        }

        if (_years.Length == 0)
        {
            _kinds = [];
            _names = [];
            return;
        }

        _firstDayNumber = new DateOnly(_years[0], 1, 1).DayNumber;
        var length = new DateOnly(_years[^1], 12, 31).DayNumber - _firstDayNumber + 1;
        _kinds = new DayKind?[length];
        _names = new string?[length];
        foreach (var year in _years)
        {
            for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            {
                _kinds[day.DayNumber - _firstDayNumber] =
                    day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday;
            }
        }

        // Entries for the neighbouring year first, so a date's own-year file has the last word whatever
        // order the files came in. A date can sit in only one neighbour's range (Dec 1 of Y-1 to Jan 31
        // of Y+1), so this pass cannot conflict with itself.
        foreach (var file in files)
        {
            Apply(file.Days.Where(d => d.Date.Year != file.Year));
        }
        foreach (var file in files)
        {
            Apply(file.Days.Where(d => d.Date.Year == file.Year));
        }

        // Without next year's notice the end of December is unknown: it may be part of its New Year holiday.
        foreach (var year in _years.Where(y => Array.BinarySearch(_years, y + 1) < 0))
        {
            for (var day = new DateOnly(year, 12, NextNoticeReachesFromDecember); day.Year == year; day = day.AddDays(1))
            {
                _kinds[day.DayNumber - _firstDayNumber] = null;
                _names[day.DayNumber - _firstDayNumber] = null;
            }
        }
    }

    /// <summary>Years with a loaded file, ascending.</summary>
    public IReadOnlyList<int> Years => _years;

    /// <exception cref="CalendarYearMissingException">The date's year has no data.</exception>
    public bool IsWorkingDay(DateOnly date) => IsWorking(KindAt(date.DayNumber));

    /// <exception cref="CalendarYearMissingException">The date's year has no data.</exception>
    public DayInfo Describe(DateOnly date)
    {
        var kind = KindAt(date.DayNumber);
        return new DayInfo(date, kind, _names[date.DayNumber - _firstDayNumber]);
    }

    /// <summary>Like <see cref="Describe"/>, but answers false instead of throwing for a day without data.</summary>
    public bool TryDescribe(DateOnly date, out DayInfo info)
    {
        var index = date.DayNumber - _firstDayNumber;
        if ((uint)index < (uint)_kinds.Length && _kinds[index] is { } kind)
        {
            info = new DayInfo(date, kind, _names[index]);
            return true;
        }
        info = default;
        return false;
    }

    /// <summary>The year whose notice is needed to know <paramref name="date"/>, or null when it is known.</summary>
    public int? MissingYearFor(DateOnly date) => TryDescribe(date, out _) ? null : Missing(date).Year;

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="from"/>; <paramref name="from"/>
    /// itself never counts, so from a Friday 1 gives the next working day, not the Friday.
    /// A negative count walks backwards symmetrically: -1 is the last working day before
    /// <paramref name="from"/>. Zero returns <paramref name="from"/> unchanged (even if it is not a
    /// working day and even if its year has no data, since nothing is looked up).
    /// For days ≥ 1, <c>CountWorkingDays(from, AddWorkingDays(from, days)) == days</c>.
    /// </summary>
    /// <exception cref="CalendarYearMissingException">The walk reaches a year with no data.</exception>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var remaining = Math.Abs((long)days);
        var dayNumber = from.DayNumber;
        while (remaining > 0)
        {
            dayNumber += step;
            if (IsWorking(KindAt(dayNumber)))
            {
                remaining--;
            }
        }
        return DateOnly.FromDayNumber(dayNumber);
    }

    /// <summary>
    /// Working days in the half-open range (<paramref name="from"/>, <paramref name="to"/>]: the start
    /// day is excluded, the end day included, matching "N working days after"; 0 when
    /// <paramref name="to"/> ≤ <paramref name="from"/>. Only the days in the range need data.
    /// </summary>
    /// <exception cref="CalendarYearMissingException">A day in the range falls in a year with no data.</exception>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var dayNumber = from.DayNumber + 1; dayNumber <= to.DayNumber; dayNumber++)
        {
            if (IsWorking(KindAt(dayNumber)))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Every day of the month in order, for calendar views.</summary>
    /// <exception cref="CalendarYearMissingException">
    /// The year has no data, or (for December) the next year's notice is missing.
    /// </exception>
    public IReadOnlyList<DayInfo> Month(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        if (Array.BinarySearch(_years, year) < 0)
        {
            throw new CalendarYearMissingException(year);
        }
        var first = new DateOnly(year, month, 1);
        return Enumerable.Range(0, DateTime.DaysInMonth(year, month)).Select(i => Describe(first.AddDays(i))).ToArray();
    }

    private void Apply(IEnumerable<HolidayDay> days)
    {
        foreach (var day in days)
        {
            var index = day.Date.DayNumber - _firstDayNumber;
            // An entry for a year without its own file stays unused: that year has no data.
            if ((uint)index < (uint)_kinds.Length && _kinds[index] is not null)
            {
                _kinds[index] = day.IsOffDay ? DayKind.Holiday : DayKind.AdjustedWorkday;
                _names[index] = day.Name;
            }
        }
    }

    private DayKind KindAt(int dayNumber)
    {
        var index = dayNumber - _firstDayNumber;
        if ((uint)index < (uint)_kinds.Length && _kinds[index] is { } kind)
        {
            return kind;
        }
        // Clamped because a walk can step one day past the ends of DateOnly's range.
        throw Missing(DateOnly.FromDayNumber(Math.Clamp(dayNumber, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber)));
    }

    private CalendarYearMissingException Missing(DateOnly date) =>
        date.Month == 12 && date.Day >= NextNoticeReachesFromDecember && Array.BinarySearch(_years, date.Year) >= 0
            ? new CalendarYearMissingException(date.Year + 1, date)
            : new CalendarYearMissingException(date.Year);

    private static bool IsWorking(DayKind kind) => kind is DayKind.Workday or DayKind.AdjustedWorkday;
}
