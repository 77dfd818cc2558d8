namespace InspectReady.Web.Features.Shared.Import;

/// <summary>How a cell is read: its type decides the parsing, the message and the 填写说明 line.</summary>
public enum ImportType { Text, WholeNumber, Number, Date, Choice }

/// <summary>One allowed value of a choice column: the stable code and the Chinese label (either is accepted).</summary>
public sealed record ImportChoice(string Code, string Label);

/// <summary>
/// One column of an import: its header (as the template writes it), the other names it is known by, whether the
/// column must be present and every row must fill it, its type, and what the template says about it.
/// </summary>
public sealed record ImportColumn(string Header, ImportType Type = ImportType.Text, bool Required = false)
{
    /// <summary>Other headers that mean this column ("手机号", "联系电话" for "手机").</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>For <see cref="ImportType.Choice"/>: the allowed values.</summary>
    public IReadOnlyList<ImportChoice> Choices { get; init; } = [];

    /// <summary>What to write, for the 填写说明 sheet (the type's own rule is added before it).</summary>
    public string? Help { get; init; }

    /// <summary>The example row's value.</summary>
    public string? Example { get; init; }

    /// <summary>For text: the longest value allowed.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The column must be present, but an empty cell is allowed (the import decides what it means).</summary>
    public bool HeaderOnly { get; init; }

    /// <summary>Marks the header with "*" in the template (the reader accepts the header with or without it).</summary>
    public bool StarInTemplate { get; init; }

    public static ImportColumn Choice(string header, IEnumerable<string> labels, bool required = false) =>
        new(header, ImportType.Choice, required) { Choices = [.. labels.Select(l => new ImportChoice(l, l))] };

    public static ImportColumn Choice(string header, IEnumerable<ImportChoice> choices, bool required = false) =>
        new(header, ImportType.Choice, required) { Choices = [.. choices] };

    public string TemplateHeader => StarInTemplate && Required ? Header + "*" : Header;

    public IEnumerable<string> Names => Synonyms.Prepend(Header);

    /// <summary>The type's rule in Chinese, as the 填写说明 sheet and the messages word it.</summary>
    public string Rule => Type switch
    {
        ImportType.WholeNumber => "整数，如 12",
        ImportType.Number => "数字，如 12.5",
        ImportType.Date => "日期，如 2021-10-08、2021/10/8 或 2021年10月8日",
        ImportType.Choice => $"只能填：{string.Join("、", Choices.Select(c => c.Label))}",
        _ => MaxLength is { } max ? $"文字，不超过{max}字" : "文字",
    };
}

/// <summary>
/// One sheet of an import: its name (the template's; a file may also be read from its first sheet), its columns,
/// and whether columns the spec does not know are refused (the default) or ignored.
/// </summary>
public sealed record ImportSheet(string Name, IReadOnlyList<ImportColumn> Columns)
{
    public bool IgnoreUnknownColumns { get; init; }

    /// <summary>Writes the example row into the template's data sheet (skipped again when a file still carries it).</summary>
    public bool ExampleInSheet { get; init; } = true;

    public ImportColumn? Find(string header) => Columns.FirstOrDefault(c => c.Header == header);
}
