using System.Text.RegularExpressions;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Organisation;

namespace InspectReady.Web.Domain.Frameworks;

/// <summary>
/// The task list's own layout (一级指标, 二级指标, 序号, 三级指标, 测评方法, 填报材料, 责任单位): reading a table
/// into a framework, with every problem reported by row and column, and writing a framework back.
/// </summary>
public static partial class TaskListTable
{
    public const string Level1 = "一级指标";
    public const string Level2 = "二级指标";
    public const string Number = "序号";
    public const string Text = "三级指标";
    public const string Methods = "测评方法";
    public const string Materials = "填报材料";
    public const string Units = "责任单位";

    public static readonly IReadOnlyList<string> Columns = [Level1, Level2, Number, Text, Methods, Materials, Units];

    [GeneratedRegex(@"^[一二三四五六七八九十]+[、.．]\s*")]
    private static partial Regex Level1Prefix();

    [GeneratedRegex(@"^\d+\s*[.．、]\s*")]
    private static partial Regex Level2Prefix();

    [GeneratedRegex(@"^第(\d+(?:、\d+)+)项指标，?请合并提供")]
    private static partial Regex GroupLeadIn();

    public static string Level1Label(int order, string name) => $"{ChineseNumber.Format(order)}、{name}";

    public static string Level2Label(int order, string name) => $"{order}. {name}。";

    /// <summary>A heading cell without its numbering ("一、", "1. ") and its closing "。", and without layout spaces.</summary>
    public static string HeadingName(string cell, bool level1)
    {
        var compact = Compact(cell);
        compact = (level1 ? Level1Prefix() : Level2Prefix()).Replace(compact, "");
        return compact.TrimEnd('。');
    }

    /// <summary>Methods and units may be separated by spaces, 、, commas or line breaks.</summary>
    public static IReadOnlyList<string> SplitList(string? cell) =>
        string.IsNullOrWhiteSpace(cell)
            ? []
            : [.. cell.Split([' ', '\u3000', '、', ',', '，', ';', '；', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];

    /// <summary>
    /// Units are split like methods, except that a group entry whose name itself holds a 、
    /// ("有下属事业单位、行业协会涉及收费事项的区直部门") stays whole.
    /// </summary>
    public static IReadOnlyList<string> SplitUnits(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }
        var result = new List<string>();
        foreach (var piece in cell.Split([' ', '\u3000', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var compact = Compact(piece);
            if (UnitGroups.IsGroup(compact))
            {
                result.Add(compact);
                continue;
            }
            var parts = compact.Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++)
            {
                // Re-join the parts of a group name that the split cut at its own 、.
                var joined = i + 1 < parts.Length ? parts[i] + "、" + parts[i + 1] : null;
                if (joined is not null && UnitGroups.IsGroup(joined))
                {
                    result.Add(joined);
                    i++;
                }
                else
                {
                    result.Add(parts[i]);
                }
            }
        }
        return [.. result.Distinct()];
    }

    /// <summary>The numbers named by a group's lead-in, or null for an indicator with its own request.</summary>
    public static IReadOnlyList<int>? GroupOf(string? materials)
    {
        var match = materials is null ? null : GroupLeadIn().Match(materials.TrimStart());
        return match is { Success: true } ? [.. match.Groups[1].Value.Split('、').Select(int.Parse)] : null;
    }

    public static (FrameworkDraft? Draft, IReadOnlyList<FieldError> Errors) Read(
        IReadOnlyCollection<string> headers,
        IEnumerable<(int Row, IReadOnlyDictionary<string, string> Cells)> rows,
        string code, string name, string version, DateOnly? cutoff)
    {
        var errors = new List<FieldError>();
        foreach (var missing in Columns.Where(c => !headers.Contains(c)))
        {
            errors.Add(new FieldError(1, missing, $"缺少列“{missing}”；任务清单须有列：{string.Join("、", Columns)}"));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        string? level1 = null, level2 = null;
        var seen = new Dictionary<int, int>();
        var indicators = new List<(int Row, string L1, string L2, DraftNode Node)>();
        foreach (var (row, cells) in rows)
        {
            var c1 = cells.GetValueOrDefault(Level1, "");
            var c2 = cells.GetValueOrDefault(Level2, "");
            if (!string.IsNullOrWhiteSpace(c1))
            {
                level1 = HeadingName(c1, level1: true);
                if (string.IsNullOrWhiteSpace(c2))
                {
                    level2 = null;
                }
            }
            if (!string.IsNullOrWhiteSpace(c2))
            {
                level2 = HeadingName(c2, level1: false);
            }
            if (level1 is null)
            {
                errors.Add(new(row, Level1, "一级指标为空，且上方没有可延续的一级指标"));
            }
            if (level2 is null)
            {
                errors.Add(new(row, Level2, "二级指标为空，且同一一级指标下上方没有可延续的二级指标"));
            }

            var noCell = cells.GetValueOrDefault(Number, "").Trim();
            int? no = null;
            if (noCell.Length == 0)
            {
                errors.Add(new(row, Number, "序号不能为空"));
            }
            else if (!int.TryParse(noCell, out var n) || n < 1)
            {
                errors.Add(new(row, Number, $"序号“{noCell}”不是正整数"));
            }
            else if (seen.TryGetValue(n, out var first))
            {
                errors.Add(new(row, Number, $"序号{n}与第{first}行重复"));
            }
            else
            {
                seen[n] = row;
                no = n;
            }

            var text = Compact(cells.GetValueOrDefault(Text, ""));
            if (text.Length == 0)
            {
                errors.Add(new(row, Text, "三级指标内容不能为空"));
            }

            var methods = SplitList(cells.GetValueOrDefault(Methods));
            if (methods.Count == 0)
            {
                errors.Add(new(row, Methods, "测评方法不能为空"));
            }
            foreach (var unknown in methods.Where(m => !EvaluationMethods.IsKnown(m)))
            {
                errors.Add(new(row, Methods, $"未知的测评方法“{unknown}”，可选：{EvaluationMethods.DescribeLabels()}"));
            }
            methods = [.. methods.Select(m => EvaluationMethods.Parse(m) ?? m)];

            var materials = NormaliseMaterials(cells.GetValueOrDefault(Materials, ""));
            if (materials.Length == 0)
            {
                errors.Add(new(row, Materials, "填报材料不能为空；无需材料时填写“不需提供申报材料。”"));
            }
            var units = SplitUnits(cells.GetValueOrDefault(Units));
            if (units.Count == 0)
            {
                errors.Add(new(row, Units, "责任单位不能为空"));
            }
            if (no is { } number && level1 is not null && level2 is not null)
            {
                indicators.Add((row, level1, level2, new DraftNode(text, number, methods, materials, units, GroupOf(materials))));
            }
        }

        var numbers = seen.Keys.Order().ToList();
        if (numbers.Count == 0 && errors.Count == 0)
        {
            errors.Add(new(2, Number, "文件中没有任何指标行"));
        }
        var expected = 1;
        foreach (var n in numbers)
        {
            if (n != expected)
            {
                errors.Add(new(seen[n], Number, n == expected + 1 ? $"缺少序号{expected}" : $"缺少序号{expected}–{n - 1}"));
            }
            expected = n + 1;
        }
        foreach (var (row, _, _, node) in indicators)
        {
            foreach (var member in node.MaterialsGroup?.Where(m => !seen.ContainsKey(m)) ?? [])
            {
                errors.Add(new(row, Materials, $"合并提供材料的第{member}项指标不存在"));
            }
        }
        if (errors.Count > 0)
        {
            return (null, [.. errors.OrderBy(e => e.Row)]);
        }

        var tree = indicators.OrderBy(i => i.Node.No)
            .GroupBy(i => i.L1)
            .Select(g1 => new DraftNode(g1.Key, ChildrenOrNull: [.. g1.GroupBy(i => i.L2)
                .Select(g2 => new DraftNode(g2.Key, ChildrenOrNull: [.. g2.Select(i => i.Node)]))]))
            .ToList();
        return (new FrameworkDraft(code, name, version, cutoff, tree), []);
    }

    /// <summary>One row per indicator in the task list's columns, headings written out on every row.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Write(Framework framework)
    {
        foreach (var indicator in framework.Indicators)
        {
            var ancestors = framework.AncestorsOf(indicator);
            var l1 = ancestors.ElementAtOrDefault(0);
            var l2 = ancestors.ElementAtOrDefault(1);
            yield return new Dictionary<string, string>
            {
                [Level1] = l1 is null ? "" : Level1Label(l1.Order, l1.Text),
                [Level2] = l2 is null ? "" : Level2Label(l2.Order, l2.Text),
                [Number] = indicator.No!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [Text] = indicator.Text,
                [Methods] = string.Join("、", EvaluationMethods.Labels(indicator.Methods)),
                [Materials] = indicator.Materials ?? "",
                [Units] = string.Join("\n", indicator.Units),
            };
        }
    }

    /// <summary>Layout white space is dropped inside Chinese text; a space between two Latin letters or digits stays.</summary>
    public static string Compact(string text)
    {
        var trimmed = text.Trim();
        var chars = new List<char>(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsWhiteSpace(c))
            {
                var before = chars.Count > 0 ? chars[^1] : '\0';
                var after = i + 1 < trimmed.Length ? trimmed[i + 1] : '\0';
                if (char.IsAsciiLetterOrDigit(before) && char.IsAsciiLetterOrDigit(after))
                {
                    chars.Add(' ');
                }
                continue;
            }
            chars.Add(c);
        }
        return new string([.. chars]);
    }

    [GeneratedRegex(@"^(\d+)[.．]\s*")]
    private static partial Regex ItemNumber();

    /// <summary>Materials keep their item lines, each compacted, each numbered item written "1. …".</summary>
    private static string NormaliseMaterials(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(Compact).Where(l => l.Length > 0).Select(l => ItemNumber().Replace(l, "$1. ", 1)));
}
