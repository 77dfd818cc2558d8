using InspectReady.Web.Domain.Calendar;

namespace InspectReady.UnitTests.Calendar;

/// <summary>The holiday files the product ships, read from the source tree so tests see exactly what is committed.</summary>
internal static class ShippedHolidayData
{
    public static string Folder { get; } = FindFolder();

    private static readonly Lazy<WorkingDayCalendar> LazyCalendar = new(() => Load(Directory.GetFiles(Folder, "*.json")));

    /// <summary>All shipped years (2018–2026).</summary>
    public static WorkingDayCalendar Calendar => LazyCalendar.Value;

    /// <summary>A calendar from just the named years, for tests about what happens when a year is absent.</summary>
    public static WorkingDayCalendar CalendarOf(params int[] years) =>
        Load(years.Select(y => Path.Combine(Folder, $"{y}.json")));

    public static string Json(int year) => File.ReadAllText(Path.Combine(Folder, $"{year}.json"));

    private static WorkingDayCalendar Load(IEnumerable<string> paths) =>
        HolidayDataLoader.Load(paths.Select(p => (Path.GetFileName(p), (Stream)File.OpenRead(p))));

    private static string FindFolder()
    {
        // Walk up from the test binaries to the checkout root, the folder holding src/.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "InspectReady.Web", "Domain", "Calendar", "HolidayData");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"No src/InspectReady.Web/Domain/Calendar/HolidayData above {AppContext.BaseDirectory}");
    }
}
