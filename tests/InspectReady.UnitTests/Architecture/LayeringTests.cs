using System.Reflection;
using InspectReady.Web.Domain.Organisation;
using NetArchTest.Rules;

namespace InspectReady.UnitTests.Architecture;

/// <summary>The domain stays free of UI and HTTP; features do not reach into each other.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Web = typeof(Unit).Assembly;
    private const string Root = "InspectReady.Web";

    [Fact]
    public void The_domain_depends_on_no_feature_component_or_aspnet_type()
    {
        var result = Types.InAssembly(Web).That().ResideInNamespace($"{Root}.Domain")
            .ShouldNot().HaveDependencyOnAny($"{Root}.Features", $"{Root}.Components", $"{Root}.Data", $"{Root}.Infrastructure",
                "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "AntDesign")
            .GetResult();
        Assert.True(result.IsSuccessful, "Domain types with forbidden dependencies: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    public static TheoryData<string> Features()
    {
        var data = new TheoryData<string>();
        foreach (var area in FeatureAreas())
        {
            data.Add(area);
        }
        return data;
    }

    private static IEnumerable<string> FeatureAreas() =>
        Web.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith($"{Root}.Features.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[3]).Where(a => a != "Shared").Distinct();

    /// <summary>What a feature offers others: its handlers and the records they take and give.</summary>
    private static bool IsContract(Type t) =>
        t.IsPublic && (t.Name.EndsWith("Handler", StringComparison.Ordinal) || t.Name.EndsWith("Dto", StringComparison.Ordinal)
            || t.Name.EndsWith("Request", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_uses_another_feature_only_through_its_handlers(string feature)
    {
        var others = Web.GetTypes()
            .Where(t => t.Namespace is { } n && n.StartsWith($"{Root}.Features.", StringComparison.Ordinal)
                && n.Split('.')[3] is var area && area != feature && area != "Shared" && !IsContract(t))
            .Select(t => t.FullName!).ToArray();
        var result = Types.InAssembly(Web).That().ResideInNamespace($"{Root}.Features.{feature}")
            .ShouldNot().HaveDependencyOnAny(others).GetResult();
        Assert.True(result.IsSuccessful, $"{feature} reaches into another feature: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>
    /// The OpenAPI document names a body or answer schema by its type's short name: two request or DTO types of the same
    /// name in different areas would share one schema, and clients (and the access-enumeration test) would get the
    /// other's shape.
    /// </summary>
    [Fact]
    public void No_two_request_or_dto_types_share_a_name()
    {
        var clashes = Web.GetTypes()
            .Where(t => t.IsPublic && t.Namespace?.StartsWith($"{Root}.", StringComparison.Ordinal) == true
                && (t.Name.EndsWith("Request", StringComparison.Ordinal) || t.Name.EndsWith("Dto", StringComparison.Ordinal)))
            .GroupBy(t => t.Name).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Namespace))}").ToList();
        Assert.True(clashes.Count == 0, "Types sharing an OpenAPI schema name: " + string.Join("; ", clashes));
    }
}
