using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Frameworks;

/// <summary>
/// The full structure as JSON: <c>{"code","name","version","defaultCutoff","nodes":[{"name","children":[…]}|{"no","text",
/// "methods","materials","units","materialsGroup","materialItems"}]}</c>, nodes nesting to any depth.
/// </summary>
public static class FrameworkJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static JsonObject Write(Framework framework)
    {
        JsonArray Children(Guid? parent) => [.. framework.Nodes.Where(n => n.ParentId == parent).OrderBy(n => n.Order).Select(Node)];
        JsonNode Node(FrameworkNode n) => n.No is null
            ? new JsonObject { ["name"] = n.Text, ["children"] = Children(n.Id) }
            : new JsonObject
            {
                ["no"] = n.No,
                ["text"] = n.Text,
                ["methods"] = new JsonArray([.. n.Methods.Select(m => (JsonNode)m)]),
                ["materials"] = n.Materials,
                ["units"] = new JsonArray([.. n.Units.Select(u => (JsonNode)u)]),
                ["materialsGroup"] = n.MaterialsGroup is null ? null : new JsonArray([.. n.MaterialsGroup.Select(g => (JsonNode)g)]),
                ["materialItems"] = n.CorrectedItems is null ? null : JsonSerializer.SerializeToNode(n.CorrectedItems, Options),
            };
        return new JsonObject
        {
            ["code"] = framework.Code,
            ["name"] = framework.Name,
            ["version"] = framework.Version,
            ["defaultCutoff"] = framework.DefaultCutoff?.ToString("yyyy-MM-dd"),
            ["nodes"] = Children(null),
        };
    }

    /// <summary>Reads the structure; <c>materialItems</c>, when present, is kept as the administrator's correction.</summary>
    public static (FrameworkDraft? Draft, IReadOnlyList<FieldError> Errors) Read(Stream json, string? code, string? name, string? version)
    {
        var errors = new List<FieldError>();
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException e)
        {
            return (null, [new FieldError(null, "file", $"JSON 格式错误：第{e.LineNumber + 1}行 {e.Message}")]);
        }
        if (root is null || root["nodes"] is not JsonArray nodes)
        {
            return (null, [new FieldError(null, "nodes", "JSON 缺少 nodes 数组")]);
        }
        var seen = new HashSet<int>();
        List<DraftNode> ReadNodes(JsonArray array, string path)
        {
            var list = new List<DraftNode>();
            var index = 0;
            foreach (var item in array)
            {
                var here = $"{path}[{index++}]";
                if (item is not JsonObject o)
                {
                    errors.Add(new(null, here, "节点必须是对象"));
                    continue;
                }
                if (o["no"] is JsonValue noValue)
                {
                    if (!noValue.TryGetValue<int>(out var no) || no < 1)
                    {
                        errors.Add(new(null, $"{here}.no", "序号必须是正整数"));
                        continue;
                    }
                    if (!seen.Add(no))
                    {
                        errors.Add(new(null, $"{here}.no", $"序号{no}重复"));
                    }
                    var text = o["text"]?.GetValue<string>() ?? "";
                    if (text.Trim().Length == 0)
                    {
                        errors.Add(new(null, $"{here}.text", $"第{no}项指标内容不能为空"));
                    }
                    var methods = o["methods"]?.AsArray().Select(m => m!.GetValue<string>()).ToList() ?? [];
                    foreach (var unknown in methods.Where(m => !EvaluationMethods.IsKnown(m)))
                    {
                        errors.Add(new(null, $"{here}.methods", $"第{no}项指标：未知的测评方法“{unknown}”，可选：{EvaluationMethods.Codes.Describe()}"));
                    }
                    methods = [.. methods.Select(m => EvaluationMethods.Parse(m) ?? m)];
                    List<MaterialItem>? corrected = null;
                    if (o["materialItems"] is JsonArray items)
                    {
                        try
                        {
                            corrected = items.Deserialize<List<MaterialItem>>(Options);
                        }
                        catch (JsonException e)
                        {
                            errors.Add(new(null, $"{here}.materialItems", $"第{no}项指标的材料清单格式错误：{e.Message}"));
                        }
                    }
                    list.Add(new DraftNode(text, no, methods, o["materials"]?.GetValue<string>(),
                        o["units"]?.AsArray().Select(u => u!.GetValue<string>()).ToList() ?? [],
                        o["materialsGroup"] is JsonArray g ? [.. g.Select(x => x!.GetValue<int>())] : null, null, corrected));
                }
                else
                {
                    var heading = o["name"]?.GetValue<string>() ?? "";
                    if (heading.Trim().Length == 0)
                    {
                        errors.Add(new(null, $"{here}.name", "标题节点须有 name"));
                    }
                    list.Add(new DraftNode(heading, ChildrenOrNull: o["children"] is JsonArray c ? ReadNodes(c, $"{here}.children") : []));
                }
            }
            return list;
        }
        var tree = ReadNodes(nodes, "nodes");
        if (seen.Count == 0)
        {
            errors.Add(new(null, "nodes", "没有任何指标"));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var cutoff = root["defaultCutoff"]?.GetValue<string>() is { } s && DateOnly.TryParse(s, out var d) ? d : (DateOnly?)null;
        return (new FrameworkDraft(
            code ?? root["code"]?.GetValue<string>() ?? "",
            name ?? root["name"]?.GetValue<string>() ?? "",
            version ?? root["version"]?.GetValue<string>() ?? "",
            cutoff, tree), []);
    }
}
