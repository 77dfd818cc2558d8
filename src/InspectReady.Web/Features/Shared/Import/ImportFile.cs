using InspectReady.Web.Domain.Common;
using InspectReady.Web.Infrastructure.Excel;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace InspectReady.Web.Features.Shared.Import;

/// <summary>
/// One uploaded workbook being imported: its sheets, and every problem found in it so far (header, cell and the
/// import's own rules), so that one answer lists them all. Rows are read as a stream from the upload; nothing of
/// the file is held beyond the row being read.
/// </summary>
public sealed class ImportFile
{
    private readonly Stream stream;
    private readonly List<FieldError> errors = [];

    private ImportFile(Stream stream, string fileName, IReadOnlyList<string> sheets)
    {
        this.stream = stream;
        FileName = fileName;
        SheetNames = sheets;
    }

    public string FileName { get; }

    public IReadOnlyList<string> SheetNames { get; }

    public IReadOnlyList<FieldError> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    /// <summary>Every error, by row (file-level ones first), each reported once.</summary>
    public IReadOnlyList<FieldError> SortedErrors() => [.. errors.Distinct().OrderBy(e => e.Row ?? 0)];

    /// <summary>Opens an upload: it must be an .xlsx (by name and by content) that can be read; otherwise the refusal says why.</summary>
    public static Outcome<ImportFile> Open(Stream stream, string fileName, long? maxBytes = null, long? length = null)
    {
        if (maxBytes is { } max && (length ?? (stream.CanSeek ? stream.Length : 0)) > max)
        {
            return Refuse($"文件“{fileName}”大小为{(length ?? stream.Length) / 1024 / 1024.0:0.0}MB，超过{max / 1024 / 1024}MB上限");
        }
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || !stream.CanSeek || !ExcelSheets.LooksLikeXlsx(stream))
        {
            return Refuse($"文件“{fileName}”不是 .xlsx 格式的 Excel 文件");
        }
        try
        {
            return Outcome<ImportFile>.Ok(new ImportFile(stream, fileName, ExcelSheets.SheetNames(stream)));
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return Refuse($"文件“{fileName}”无法读取：不是有效的 Excel 文件");
        }
    }

    public static bool IsUnreadable(Exception e) =>
        e is InvalidDataException or IOException or InvalidOperationException or ArgumentOutOfRangeException or FormatException or System.Xml.XmlException;

    public static Outcome<ImportFile> Refuse(string message) => Outcome<ImportFile>.Invalid([new FieldError(null, "file", message) { Field = "file" }]);

    public bool HasSheet(string name) => SheetNames.Contains(name);

    /// <summary>A problem of the whole file (no row, no column).</summary>
    public void Fail(string message) => errors.Add(new FieldError(null, "file", message) { Field = "file" });

    public void Add(FieldError error) => errors.Add(error);

    /// <summary>
    /// Reads a sheet (by default the spec's, else the first) against its spec: the header row is checked first
    /// (missing, unknown and duplicate columns); if it holds, data rows follow one by one, each cell parsed by its
    /// column's type. Empty rows and the template's example row are skipped but counted, so row numbers are the
    /// ones the user sees. Enumerate the result once.
    /// </summary>
    public ImportSheetReader Sheet(ImportSheet spec, string? sheetName = null) =>
        new(this, spec, sheetName ?? (HasSheet(spec.Name) ? spec.Name : (SheetNames.Count > 0 ? SheetNames[0] : spec.Name)));

    internal IEnumerable<IDictionary<string, object?>> Raw(string sheet)
    {
        stream.Position = 0;
        // Merged cells (a heading or a shared request over several rows) give their value to every row.
        return MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, configuration: new OpenXmlConfiguration { FillMergedCells = true })
            .Cast<IDictionary<string, object?>>();
    }
}

/// <summary>One data row: its spreadsheet number and its cells by the spec's header (parsed, and as canonical text).</summary>
public sealed class ImportRow(ImportSheetReader sheet, int number, IReadOnlyDictionary<string, string> cells, IReadOnlyDictionary<string, object?> values, bool parsedCleanly)
{
    public int Number { get; } = number;

    /// <summary>Every known column's text by header: trimmed; dates as YYYY-MM-DD and choices as their code when they parsed.</summary>
    public IReadOnlyDictionary<string, string> Cells { get; } = cells;

    /// <summary>No cell of this row failed its column's type or requirement.</summary>
    public bool ParsedCleanly { get; } = parsedCleanly;

    public string Text(string header) => Cells.TryGetValue(header, out var v) ? v : "";

    public long? WholeNumber(string header) => values.GetValueOrDefault(header) as long?;

    public decimal? DecimalNumber(string header) => values.GetValueOrDefault(header) as decimal?;

    public DateOnly? Date(string header) => values.GetValueOrDefault(header) as DateOnly?;

    /// <summary>The choice's code, or null when empty or not one of the choices.</summary>
    public string? Code(string header) => values.GetValueOrDefault(header) as string;

    /// <summary>Reports a problem of this row in a column (by header): the column's letter is added.</summary>
    public void Fail(string header, string message) => sheet.Fail(Number, header, message);
}
