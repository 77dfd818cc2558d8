using System.Text.RegularExpressions;

namespace InspectReady.UnitTests.Architecture;

/// <summary>Rules read off the product's source: China's clock only, and no blocking on async work.</summary>
public sealed partial class SourceRulesTests
{
    [GeneratedRegex(@"DateTime\.(Now|Today)\b|DateTimeOffset\.Now\b|GetLocalNow\(|\.ToLocalTime\(|\.LocalTimeZone\b")]
    private static partial Regex HostClock();

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
    public void No_source_blocks_on_async_work()
    {
        var found = SourceLines().Where(l => Blocking().IsMatch(l.Text)).Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(found.Count == 0, "await instead of blocking: " + string.Join(", ", found));
    }
}
