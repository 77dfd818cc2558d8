using System.Diagnostics;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Calendar;

/// <summary>
/// The working-day calendar in force: the shipped years, replaced year by year by the ones an administrator
/// imported or edited. Built once and cached; rebuilt when this node changes the data, and otherwise when the
/// stored years' revisions differ from the cached ones, checked at most every <see cref="CheckInterval"/>,
/// so every node of a cluster follows a change within that interval (ADR 0102).
/// </summary>
public sealed class WorkingCalendarHandler(IDbContextFactory<AppDbContext> factory, IConfiguration configuration, ILogger<WorkingCalendarHandler> log) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Snapshot? current;
    private long generation;

    private sealed record Snapshot(string Stamp, WorkingDayCalendar Calendar, long Generation, long CheckedAt);

    public TimeSpan CheckInterval { get; } = TimeSpan.FromSeconds(configuration.GetValue("Calendar:RefreshSeconds", 5.0));

    /// <summary>The calendar to compute with now.</summary>
    public async Task<WorkingDayCalendar> GetAsync(CancellationToken ct = default)
    {
        var snapshot = Volatile.Read(ref current);
        if (IsFresh(snapshot))
        {
            return snapshot!.Calendar;
        }
        await gate.WaitAsync(ct);
        try
        {
            snapshot = Volatile.Read(ref current);
            if (IsFresh(snapshot))
            {
                return snapshot!.Calendar;
            }
            // Read before the query: a change committed meanwhile bumps it and this snapshot is checked again.
            var seen = Interlocked.Read(ref generation);
            await using var db = await factory.CreateDbContextAsync(ct);
            var revisions = await db.HolidayYears.AsNoTracking().Select(y => new { y.Year, y.Revision }).ToListAsync(ct);
            var stamp = string.Join(",", revisions.OrderBy(r => r.Year).Select(r => $"{r.Year}:{r.Revision:N}"));
            var calendar = snapshot is not null && snapshot.Stamp == stamp
                ? snapshot.Calendar
                : Build(await db.HolidayYears.AsNoTracking().ToListAsync(ct));
            Volatile.Write(ref current, new Snapshot(stamp, calendar, seen, Stopwatch.GetTimestamp()));
            return calendar;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Called after this node committed a change to the stored years.</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);

    public void Dispose() => gate.Dispose();

    private bool IsFresh(Snapshot? snapshot) =>
        snapshot is not null && snapshot.Generation == Interlocked.Read(ref generation)
        && Stopwatch.GetElapsedTime(snapshot.CheckedAt) < CheckInterval;

    private WorkingDayCalendar Build(IEnumerable<StoredHolidayYear> stored)
    {
        var years = ShippedHolidayYears.All.ToDictionary(y => y.Year);
        foreach (var row in stored)
        {
            var parsed = HolidayYearParser.Parse(row.Json, $"{row.Year}年（数据库）");
            if (parsed.Succeeded && parsed.Year.Year == row.Year)
            {
                years[row.Year] = parsed.Year;
            }
            else
            {
                // Falling back to the shipped year would silently undo the administrator's change: leave the
                // year without data, so every computation that needs it fails and names it.
                years.Remove(row.Year);
                log.LogError("Stored holiday year {Year} is invalid and was not loaded: {Errors}", row.Year, string.Join("; ", parsed.Errors));
            }
        }
        return new WorkingDayCalendar(years.Values);
    }
}
