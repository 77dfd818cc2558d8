using System.Text.RegularExpressions;

namespace InspectReady.UnitTests.Architecture;

/// <summary>Rules read off the product's source: China's clock only, and no blocking on async work.</summary>
public sealed partial class SourceRulesTests
{
    [GeneratedRegex(@"DateTime\.(Now|Today)\b|DateTimeOffset\.Now\b|GetLocalNow\(|\.ToLocalTime\(|\.LocalTimeZone\b")]
    private static partial Regex HostClock();

    /// <summary>The system clock is chosen once, in composition; everything else is handed a clock.</summary>
    [GeneratedRegex(@"TimeProvider\.System\b")]
    private static partial Regex SystemClock();

    /// <summary>"Today" and "now in China" come from <c>IChinaClock</c>, not from a conversion of a clock at hand.</summary>
    [GeneratedRegex(@"ChinaTime\.(Today|Now)\(")]
    private static partial Regex AdHocChinaToday();

    /// <summary>Zone arithmetic (a UTC+8 constant, a zone lookup) lives in <c>ChinaTime</c> only.</summary>
    [GeneratedRegex(@"AddHours\(\s*8\s*\)|FromHours\(\s*8\s*\)|TimeZoneInfo\.|FindSystemTimeZoneById")]
    private static partial Regex ZoneArithmetic();

    /// <summary>
    /// A date or a printed time taken off a UTC instant is a day behind from 00:00 to 08:00 in Beijing: the current
    /// instant (<c>UtcNow</c>) and stored instants (members named <c>…At</c>) are printed through <c>ChinaTime</c>.
    /// </summary>
    [GeneratedRegex(@"UtcNow\s*(:yyyy|:HH|\.ToString\(|\.Date\b|\.Year\b|\.Month\b|\.Day\b)|FromDateTime\(\s*(DateTime|DateTimeOffset)\.UtcNow|\b\w+At\??\.(ToString\(\s*""[yHd]|Date\b|Year\b)|\{\s*[\w.]*At\s*:\s*[yHd]")]
    private static partial Regex UtcPrinted();

    [GeneratedRegex(@"\.GetAwaiter\(\)\.GetResult\(\)|\.Wait\(\)")]
    private static partial Regex Blocking();

    private static IEnumerable<(string File, int Line, string Text)> SourceLines()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InspectReady.sln")))
        {
            dir = dir.Parent;
        }
        Assert.NotNull(dir);
        var src = Path.Combine(dir.FullName, "src", "InspectReady.Web");
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var n = 0;
            foreach (var line in File.ReadLines(file))
            {
                n++;
                yield return (Path.GetRelativePath(src, file), n, line);
            }
        }
    }

    [Fact]
    public void No_source_reads_the_hosts_local_time()
    {
        var found = SourceLines().Where(l => HostClock().IsMatch(l.Text)).Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(found.Count == 0, "use ChinaTime instead of the host's clock: " + string.Join(", ", found));
    }

    [Fact]
    public void The_system_clock_is_chosen_only_in_composition()
    {
        var found = SourceLines().Where(l => SystemClock().IsMatch(l.Text) && l.File != Path.Combine("Features", "FeatureRegistration.cs"))
            .Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(found.Count == 0, "inject IChinaClock (or TimeProvider) instead of TimeProvider.System: " + string.Join(", ", found));
    }

    [Fact]
    public void Today_comes_from_the_china_clock()
    {
        var found = SourceLines().Where(l => AdHocChinaToday().IsMatch(l.Text) && !InChinaTime(l.File))
            .Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(found.Count == 0, "use IChinaClock.Today / Now: " + string.Join(", ", found));
    }

    [Fact]
    public void No_zone_arithmetic_outside_china_time()
    {
        var found = SourceLines().Where(l => ZoneArithmetic().IsMatch(l.Text) && !InChinaTime(l.File))
            .Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(found.Count == 0, "convert with ChinaTime instead of zone arithmetic: " + string.Join(", ", found));
    }

    [Fact]
    public void No_date_is_read_or_printed_off_a_utc_instant()
    {
        var found = SourceLines().Where(l => UtcPrinted().IsMatch(l.Text)).Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(found.Count == 0, "print or date UTC instants through ChinaTime (DayOf, Minutes, Seconds) or IChinaClock.Today: " + string.Join(", ", found));
    }

    [Theory]
    [InlineData("var d = DateTime.UtcNow.Date;")]
    [InlineData("$\"审计日志-{DateTime.UtcNow:yyyyMMddHHmm}.xlsx\"")]
    [InlineData("n.IssuedAt.ToString(\"yyyy-MM-dd\")")]
    [InlineData("$\"于{current.DrawnAt:yyyy-MM-dd HH:mm}\"")]
    [InlineData("DateOnly.FromDateTime(DateTime.UtcNow)")]
    public void The_utc_rule_catches_the_known_shapes(string line) => Assert.Matches(UtcPrinted(), line);

    [Theory]
    [InlineData("row.UpdatedAt = clock.UtcNow;")]
    [InlineData("ChinaTime.Minutes(current.DrawnAt)")]
    [InlineData("d.Deadline.ToString(\"yyyy-MM-dd\")")]
    public void The_utc_rule_leaves_instants_and_dates_alone(string line) => Assert.DoesNotMatch(UtcPrinted(), line);

    private static bool InChinaTime(string file) =>
        file == Path.Combine("Domain", "Common", "ChinaTime.cs") || file == Path.Combine("Domain", "Common", "IChinaClock.cs");

    [Fact]
    public void No_source_blocks_on_async_work()
    {
        var found = SourceLines().Where(l => Blocking().IsMatch(l.Text)).Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(found.Count == 0, "await instead of blocking: " + string.Join(", ", found));
    }
}
