using System.Collections;
using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Features.Shared.Import;

/// <summary>
/// The rows of one sheet, read against its <see cref="ImportSheet"/> spec as they are enumerated. Header problems,
/// cell problems and the import's own row problems all go to the <see cref="ImportFile"/>'s errors, each with the
/// Excel row, the column letter and the header.
/// </summary>
public sealed class ImportSheetReader : IEnumerable<ImportRow>
{
    private readonly ImportFile file;
    private readonly Dictionary<string, string> letterOf = [];
    private bool read;

    internal ImportSheetReader(ImportFile file, ImportSheet spec, string sheetName)
    {
        this.file = file;
        Spec = spec;
        SheetName = sheetName;
    }

    public ImportSheet Spec { get; }

    public string SheetName { get; }

    /// <summary>The spec's headers found in the header row (after the header row is read).</summary>
    public IReadOnlyCollection<string> Headers => letterOf.Keys;

    /// <summary>Data rows read (not counting empty ones).</summary>
    public int RowCount { get; private set; }

    /// <summary>The header row had no missing, unknown or duplicate column.</summary>
    public bool HeaderOk { get; private set; }

    public string? LetterOf(string header) => letterOf.GetValueOrDefault(header);

    /// <summary>Reports a problem in a row's column (by header).</summary>
    public void Fail(int? row, string? header, string message) =>
        file.Add(new FieldError(row, header is null ? null : LetterOf(header), message) { Field = header });

    /// <summary>An error from a domain rule that names the column by its header (in <see cref="FieldError.Column"/>): adds the letter.</summary>
    public FieldError Locate(FieldError error) =>
        error.Field is not null || error.Column is null ? error : new FieldError(error.Row, LetterOf(error.Column), error.Message) { Field = error.Column };

    /// <summary>Reports domain errors, leaving out those on a cell already reported by the pipeline (one message per bad cell).</summary>
    public void AddRange(IEnumerable<FieldError> errors)
    {
        foreach (var e in errors.Select(Locate))
        {
            if (e.Row is null || !file.Errors.Any(x => x.Row == e.Row && x.Field == e.Field && x.Field is not null))
            {
                file.Add(e);
            }
        }
    }

    public IEnumerator<ImportRow> GetEnumerator()
    {
        if (read)
        {
            throw new InvalidOperationException("An import sheet is read once.");
        }
        read = true;
        return Rows().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string Where => $"文件“{file.FileName}”工作表“{SheetName}”";

    private IEnumerable<ImportRow> Rows()
    {
        if (!file.HasSheet(SheetName))
        {
            file.Fail($"文件“{file.FileName}”中没有“{SheetName}”工作表，请使用导入模板");
            yield break;
        }
        var byName = new Dictionary<string, ImportColumn>();
        foreach (var column in Spec.Columns)
        {
            foreach (var name in column.Names)
            {
                byName.TryAdd(ImportValues.NormaliseHeader(name), column);
            }
        }
        var example = Spec.ExampleInSheet && Spec.Columns.Any(c => c.Example is not null)
            ? Spec.Columns.ToDictionary(c => c.Header, c => c.Example ?? "")
            : null;

        Dictionary<string, ImportColumn>? columnOfKey = null;
        var rowNo = 0;
        foreach (var raw in file.Raw(SheetName))
        {
            rowNo++;
            if (columnOfKey is null)
            {
                columnOfKey = ReadHeader(raw, byName);
                HeaderOk = !file.Errors.Any(e => e.Row == 1 && e.Message.StartsWith(Where, StringComparison.Ordinal));
                if (!HeaderOk)
                {
                    yield break;
                }
                continue;
            }
            var texts = new Dictionary<string, string>();
            foreach (var (key, column) in columnOfKey)
            {
                texts[column.Header] = raw.TryGetValue(key, out var v) ? ImportValues.Text(v) : "";
            }
            if (texts.Values.All(v => v.Length == 0) || (example is not null && example.All(kv => texts.GetValueOrDefault(kv.Key, "") == kv.Value)))
            {
                continue;
            }
            RowCount++;
            var cells = new Dictionary<string, string>();
            var values = new Dictionary<string, object?>();
            var clean = true;
            foreach (var (key, column) in columnOfKey)
            {
                var rawValue = raw.TryGetValue(key, out var v) ? v : null;
                var text = texts[column.Header];
                if (text.Length == 0)
                {
                    cells[column.Header] = "";
                    values[column.Header] = null;
                    if (column.Required && !column.HeaderOnly)
                    {
                        Fail(rowNo, column.Header, $"“{column.Header}”不能为空");
                        clean = false;
                    }
                    continue;
                }
                var (value, canonical, error) = ImportValues.Parse(column, rawValue);
                cells[column.Header] = canonical;
                values[column.Header] = value;
                if (error is not null)
                {
                    Fail(rowNo, column.Header, error);
                    clean = false;
                }
            }
            foreach (var column in Spec.Columns.Where(c => !cells.ContainsKey(c.Header)))
            {
                cells[column.Header] = "";
                values[column.Header] = null;
            }
            yield return new ImportRow(this, rowNo, cells, values, clean);
        }
        if (columnOfKey is null)
        {
            file.Add(new FieldError(1, null, $"{Where}没有表头行"));
        }
    }

    private Dictionary<string, ImportColumn> ReadHeader(IDictionary<string, object?> raw, Dictionary<string, ImportColumn> byName)
    {
        var columnOfKey = new Dictionary<string, ImportColumn>();
        foreach (var (key, value) in raw)
        {
            var header = ImportValues.NormaliseHeader(ImportValues.Text(value));
            if (header.Length == 0)
            {
                continue;
            }
            if (!byName.TryGetValue(header, out var column))
            {
                if (!Spec.IgnoreUnknownColumns)
                {
                    file.Add(new FieldError(1, key, $"{Where}有未知列“{header}”，可用的列：{string.Join("、", Spec.Columns.Select(c => c.Header))}") { Field = header });
                }
                continue;
            }
            if (letterOf.TryGetValue(column.Header, out var first))
            {
                file.Add(new FieldError(1, key, $"{Where}的列“{column.Header}”重复：{first}列与{key}列") { Field = column.Header });
                continue;
            }
            letterOf[column.Header] = key;
            columnOfKey[key] = column;
        }
        foreach (var missing in Spec.Columns.Where(c => c.Required && !letterOf.ContainsKey(c.Header)))
        {
            file.Add(new FieldError(1, null, $"{Where}缺少列“{missing.Header}”") { Field = missing.Header });
        }
        return columnOfKey;
    }
}
