using System.Text;
using System.Text.RegularExpressions;

namespace InspectReady.Web.Domain.Frameworks;

/// <summary>
/// Turns an indicator's 填报材料 text into a checklist: one <see cref="MaterialItem"/> per numbered item,
/// with its kind, count rule, time window and required details.
/// </summary>
/// <remarks>
/// The rules were set by reading all 100 requests of fzzf-sx-2021 (see MaterialsParserTests):
/// <list type="bullet">
/// <item>A group's lead-in "第26、27、28、29项指标，请合并提供下列材料：" is not an item.</item>
/// <item>An item starts at "1.", "2.", … at the start or after ；。：, and only in sequence, so "2019、2020年"
/// or a stray "3." never starts one. Unnumbered text is one item with index 1.</item>
/// <item>Kind, first rule that matches: 不需提供 → NotRequired; 案例, 具体案件 or a sample of named
/// enterprises (任意N家) → CaseList; 名录 → Directory; 列表, 编制数, 实有人数, 人员配备, 分值权重 → DataTable;
/// 情况说明 → Statement; a request for nothing but an address ("…的网址", "查询平台网址", "公开方式及网址")
/// → Url; anything else (清单, 目录, 文件, 意见书, 报告, 结果) → DocumentOrList.</item>
/// <item>Count: 不超过N → AtMost; 任选N → AnyOf; 任意N家 and 举N个例子 → Exactly (the request names how many,
/// not a ceiling). N may be Chinese (三个).</item>
/// <item>Time: "N年以来" → SinceYear N; "2021年上半年" → 2021 and Period "2021年上半年"; explicit years
/// ("2020年", "2019年、2020年", "2019、2020年") → the earliest year and that Period.</item>
/// </list>
/// </remarks>
public static partial class MaterialsParser
{
    public static IReadOnlyList<MaterialItem> Parse(string? materials)
    {
        if (string.IsNullOrWhiteSpace(materials))
        {
            return [];
        }

        var body = GroupLeadIn().Replace(materials, string.Empty, 1);
        return [.. SplitItems(body)
            .Select(item => (item.Index, Text: Clean(item.Text)))
            .Where(item => item.Text.Length > 0)
            .Select(item => Describe(item.Index, item.Text))];
    }

    /// <summary>The count rule that governs the indicator (the first item that states one), or null.</summary>
    public static CountRule? MaxItems(IEnumerable<MaterialItem> items) =>
        items.Select(i => i.Count).FirstOrDefault(c => c is not null);

    /// <summary>The earliest year any item covers, or null when no item names a year.</summary>
    public static int? Since(IEnumerable<MaterialItem> items) =>
        items.Min(i => i.SinceYear);

    private static MaterialItem Describe(int index, string text)
    {
        var compact = WhiteSpace().Replace(text, string.Empty);
        var (since, period) = TimeWindow(compact);
        return new MaterialItem(index, text, KindOf(compact), CountOf(compact), since, period, FieldsOf(compact));
    }

    private static MaterialItemKind KindOf(string s)
    {
        if (s.Contains("不需提供"))
        {
            return MaterialItemKind.NotRequired;
        }

        if (s.Contains("案例") || s.Contains("具体案件") || SampleOfEnterprises().IsMatch(s))
        {
            return MaterialItemKind.CaseList;
        }

        if (s.Contains("名录"))
        {
            return MaterialItemKind.Directory;
        }

        if (DataTableWords().IsMatch(s))
        {
            return MaterialItemKind.DataTable;
        }

        if (s.Contains("情况说明"))
        {
            return MaterialItemKind.Statement;
        }

        // "…清单及其公开网址" or "…目录，并注明…的网址" ask for a document and its address: not Url.
        if (AddressOnly().IsMatch(s) && !s.Contains("以及") && s.IndexOfAny(['，', ',']) < 0)
        {
            return MaterialItemKind.Url;
        }

        return MaterialItemKind.DocumentOrList;
    }

    private static CountRule? CountOf(string s)
    {
        var m = Count().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var relation = m.Groups["verb"].Value switch
        {
            "不超过" => CountRelation.AtMost,
            "任选" => CountRelation.AnyOf,
            _ => CountRelation.Exactly,
        };
        return new CountRule(relation, ChineseNumber.Parse(m.Groups["n"].Value), m.Groups["unit"].Value);
    }

    private static (int? Since, string? Period) TimeWindow(string s)
    {
        int? since = null;
        string? period = null;
        foreach (Match m in Years().Matches(s))
        {
            var years = FourDigits().Matches(m.Groups["years"].Value).Select(y => int.Parse(y.Value)).ToList();
            since = since is null ? years.Min() : Math.Min(since.Value, years.Min());
            var suffix = m.Groups["suffix"].Value;
            if (suffix != "以来")
            {
                period ??= m.Groups["years"].Value + suffix;
            }
        }

        return (since, period);
    }

    private static IReadOnlyList<RequiredField> FieldsOf(string s)
    {
        var fields = new List<RequiredField>();
        if (s.Contains("联系方式"))
        {
            fields.Add(RequiredField.Contact);
        }

        if (s.Contains("网址"))
        {
            fields.Add(RequiredField.Url);
        }

        if (s.Contains("负责人"))
        {
            fields.Add(RequiredField.PersonInCharge);
        }

        return fields;
    }

    /// <summary>
    /// Splits at "1.", "2.", … taken in sequence. Text before "1." that ends in a colon introduces the list
    /// and is dropped; any other text before it is kept with item 1 so that nothing is lost.
    /// </summary>
    private static List<(int Index, string Text)> SplitItems(string body)
    {
        var starts = new List<(int Index, int At, int TextAt)>();
        foreach (Match m in ItemNumber().Matches(body))
        {
            var n = int.Parse(m.Groups["n"].Value);
            if (n == starts.Count + 1)
            {
                starts.Add((n, m.Index, m.Index + m.Length));
            }
        }

        if (starts.Count == 0)
        {
            return [(1, body)];
        }

        var items = new List<(int Index, string Text)>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].At : body.Length;
            items.Add((starts[i].Index, body[starts[i].TextAt..end]));
        }

        var preamble = body[..starts[0].At].Trim();
        if (preamble.Length > 0 && !preamble.EndsWith('：') && !preamble.EndsWith(':'))
        {
            items[0] = (1, preamble + items[0].Text);
        }

        return items;
    }

    /// <summary>Removes layout white space from PDF text; keeps one space between two ASCII letters or digits.</summary>
    private static string Clean(string text)
    {
        var t = text.Trim();
        var sb = new StringBuilder(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            if (!char.IsWhiteSpace(t[i]))
            {
                sb.Append(t[i]);
                continue;
            }

            var next = i + 1;
            while (next < t.Length && char.IsWhiteSpace(t[next]))
            {
                next++;
            }

            if (sb.Length > 0 && next < t.Length && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(t[next]))
            {
                sb.Append(' ');
            }

            i = next - 1;
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*第[\d\s、,，]+项指标[，,]?\s*请合并提供下列材料[：:]\s*")]
    private static partial Regex GroupLeadIn();

    [GeneratedRegex(@"(?:^|(?<=[；;。：:\n]))\s*(?<n>[0-9]{1,2})\s*[.．]\s*")]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"(?<verb>不超过|任选|任意|举)(?<n>[0-9０-９]+|[〇零一二两三四五六七八九十百]+)(?<unit>个|件|家)")]
    private static partial Regex Count();

    [GeneratedRegex(@"任意([0-9０-９]+|[〇零一二两三四五六七八九十百]+)家")]
    private static partial Regex SampleOfEnterprises();

    [GeneratedRegex("列表|编制数|实有人数|人员配备|分值权重")]
    private static partial Regex DataTableWords();

    [GeneratedRegex("(?:的|平台|方式及)网址[。；;]?$")]
    private static partial Regex AddressOnly();

    [GeneratedRegex(@"(?<![0-9])(?<years>(?:[0-9]{4}年?、)*[0-9]{4}年)(?<suffix>以来|上半年)?")]
    private static partial Regex Years();

    [GeneratedRegex("[0-9]{4}")]
    private static partial Regex FourDigits();
}
