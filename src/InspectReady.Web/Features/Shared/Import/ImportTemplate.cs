using MiniExcelLibs;

namespace InspectReady.Web.Features.Shared.Import;

/// <summary>
/// The downloadable template, generated from the spec: each data sheet with its header row (and the example row),
/// then the <see cref="HelpSheet"/> sheet listing every column: required or not, what to write, other accepted
/// headers and the example. A template is not an export of data: it carries no mark and no audit record.
/// </summary>
public static class ImportTemplate
{
    public const string HelpSheet = "填写说明";

    public static Task WriteAsync(Stream output, params ImportSheet[] sheets) => WriteAsync(output, sheets, []);

    /// <summary>Writes the template; <paramref name="notes"/> are extra lines (项目, 说明) put after the columns.</summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<ImportSheet> sheets, IReadOnlyList<(string Item, string Note)> notes)
    {
        var book = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var sheet in sheets)
        {
            var header = sheet.Columns.ToDictionary(c => c.TemplateHeader, _ => (object?)null);
            var rows = new List<Dictionary<string, object?>> { header };
            if (sheet.ExampleInSheet && sheet.Columns.Any(c => c.Example is not null))
            {
                // MiniExcel writes headers from the first row's keys; the first row is the example itself.
                rows = [sheet.Columns.ToDictionary(c => c.TemplateHeader, c => (object?)c.Example)];
            }
            book[sheet.Name] = rows;
        }
        var many = sheets.Count > 1;
        var help = sheets.SelectMany(sheet => sheet.Columns.Select(c => new Dictionary<string, object?>
        {
            ["工作表"] = sheet.Name,
            ["列"] = c.TemplateHeader,
            ["是否必填"] = c.Required ? (c.HeaderOnly ? "必须有此列" : "必填") : "选填",
            ["填写要求"] = c.Help is null ? c.Rule : $"{c.Rule}；{c.Help}",
            ["也可用的列名"] = c.Synonyms.Count == 0 ? null : string.Join("、", c.Synonyms),
            ["示例"] = c.Example,
        })).Select(r =>
        {
            if (!many)
            {
                r.Remove("工作表");
            }
            return r;
        }).ToList();
        foreach (var (item, note) in notes)
        {
            var line = help[0].Keys.ToDictionary(k => k, _ => (object?)null);
            line["列"] = item;
            line["填写要求"] = note;
            help.Add(line);
        }
        book[HelpSheet] = help;
        await MiniExcel.SaveAsAsync(output, book);
    }
}
