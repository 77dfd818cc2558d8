using InspectReady.Web.Domain.Common;
using InspectReady.Web.Infrastructure.Http;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace InspectReady.Web.Infrastructure.Excel;

/// <summary>A sheet read with its header row; data rows keep their spreadsheet row numbers (header = row 1).</summary>
public sealed record SheetRows(string Sheet, IReadOnlyList<string> Headers, IReadOnlyList<(int Row, IReadOnlyDictionary<string, string> Cells)> Rows);

public static class ExcelSheets
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The first bytes of every .xlsx: it is a ZIP container.</summary>
    public static bool LooksLikeXlsx(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var read = stream.Read(head);
        stream.Position = 0;
        return read == 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04;
    }

    public static IReadOnlyList<string> SheetNames(Stream stream)
    {
        stream.Position = 0;
        var names = MiniExcel.GetSheetNames(stream);
        stream.Position = 0;
        return names;
    }

    /// <summary>
    /// Reads a sheet; missing required headers are reported as errors on row 1. Rows whose cells are all
    /// empty are skipped (but still counted, so later row numbers match what the user sees).
    /// </summary>
    public static SheetRows Read(Stream stream, string sheet, IReadOnlyList<string> required, List<FieldError> errors, string? fileLabel = null)
    {
        stream.Position = 0;
        var rows = new List<(int, IReadOnlyDictionary<string, string>)>();
        // Merged cells (a heading or a shared request over several rows) give their value to every row.
        var raw = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, configuration: new OpenXmlConfiguration { FillMergedCells = true })
            .Cast<IDictionary<string, object?>>();
        var headers = new List<string>();
        Dictionary<string, string>? columnToHeader = null;
        var rowNo = 0;
        foreach (var r in raw)
        {
            rowNo++;
            if (columnToHeader is null)
            {
                columnToHeader = r.Where(kv => !string.IsNullOrWhiteSpace(Text(kv.Value)))
                    .ToDictionary(kv => kv.Key, kv => Normalise(Text(kv.Value)));
                headers.AddRange(columnToHeader.Values);
                foreach (var missing in required.Where(h => !headers.Contains(h)))
                {
                    errors.Add(new FieldError(1, missing, $"{Prefix(fileLabel, sheet)}缺少列“{missing}”"));
                }
                continue;
            }
            var cells = new Dictionary<string, string>();
            foreach (var (column, header) in columnToHeader)
            {
                cells[header] = r.TryGetValue(column, out var v) ? Text(v).Trim() : "";
            }
            if (cells.Values.Any(v => v.Length > 0))
            {
                rows.Add((rowNo, cells));
            }
        }
        if (columnToHeader is null)
        {
            errors.Add(new FieldError(1, null, $"{Prefix(fileLabel, sheet)}没有表头行"));
        }
        stream.Position = 0;
        return new SheetRows(sheet, headers, rows);
    }

    private static string Prefix(string? file, string sheet) => (file is null ? "" : $"文件“{file}”") + $"工作表“{sheet}”";

    private static string Normalise(string header) => string.Concat(header.Where(c => !char.IsWhiteSpace(c))).TrimEnd('*');

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd"),
        double x when x == Math.Floor(x) && Math.Abs(x) < 1e15 => ((long)x).ToString(),
        _ => value.ToString() ?? "",
    };
}
