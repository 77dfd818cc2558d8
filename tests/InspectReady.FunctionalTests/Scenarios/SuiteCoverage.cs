using System.Reflection;

namespace InspectReady.FunctionalTests.Scenarios;

/// <summary>
/// Every abstract scenario class with tests runs once per provider: scripts/test.sh selects the suites by their
/// names (<c>OnSqlite</c>, <c>OnPostgres</c>), so a scenario class whose two suite declarations went missing (a
/// merge dropped them once) would silently run nowhere. Named so that both runs pick it up.
/// </summary>
public sealed class SuiteCoverageOnSqlite
{
    [Fact]
    public void Every_scenario_class_has_a_sqlite_and_a_postgres_suite() => SuiteCoverage.Check();
}

public sealed class SuiteCoverageOnPostgres
{
    [Fact]
    public void Every_scenario_class_has_a_sqlite_and_a_postgres_suite() => SuiteCoverage.Check();
}

internal static class SuiteCoverage
{
    public static void Check()
    {
        var types = typeof(SuiteCoverage).Assembly.GetTypes();
        var scenarioClasses = types.Where(t => t.IsAbstract && t.IsClass && !t.IsSealed
            && t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()));
        var missing = new List<string>();
        foreach (var scenario in scenarioClasses)
        {
            var suites = types.Where(t => !t.IsAbstract && scenario.IsAssignableFrom(t)).Select(t => t.Name).ToList();
            foreach (var provider in new[] { "OnSqlite", "OnPostgres" })
            {
                if (!suites.Any(s => s.EndsWith(provider, StringComparison.Ordinal)))
                {
                    missing.Add($"{scenario.Name}: no suite ending in {provider}");
                }
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
