using System.Text.Json;

namespace InspectReady.Web.Domain.Frameworks;

/// <summary>The frameworks shipped with the product, read from the embedded data files.</summary>
public static class BuiltInFrameworks
{
    public const string Code2021 = "fzzf-sx-2021";

    public static FrameworkDraft Load2021() => Load($"frameworks/{Code2021}.json", new DateOnly(2021, 6, 30));

    private static FrameworkDraft Load(string resource, DateOnly cutoff)
    {
        using var stream = typeof(BuiltInFrameworks).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"内置指标体系数据缺失：{resource}");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        static List<string> Strings(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetString() ?? "")];
        var level1 = root.GetProperty("level1").EnumerateArray().Select(l1 => new DraftNode(
            l1.GetProperty("name").GetString()!,
            ChildrenOrNull: [.. l1.GetProperty("level2").EnumerateArray().Select(l2 => new DraftNode(
                l2.GetProperty("name").GetString()!,
                ChildrenOrNull: [.. l2.GetProperty("indicators").EnumerateArray().Select(i => new DraftNode(
                    i.GetProperty("text").GetString()!,
                    i.GetProperty("no").GetInt32(),
                    // The data file names methods as the document prints them; the product keeps their codes.
                    [.. Strings(i.GetProperty("methods")).Select(m => EvaluationMethods.Parse(m)
                        ?? throw new InvalidOperationException($"内置指标体系数据中的测评方法无效：{m}"))],
                    i.GetProperty("materials").GetString(),
                    Strings(i.GetProperty("units")),
                    i.GetProperty("materialsGroup").ValueKind == JsonValueKind.Array
                        ? [.. i.GetProperty("materialsGroup").EnumerateArray().Select(x => x.GetInt32())]
                        : null))]))]))
            .ToList();
        return new FrameworkDraft(root.GetProperty("code").GetString()!, root.GetProperty("name").GetString()!,
            root.GetProperty("version").GetString()!, cutoff, level1);
    }
}
