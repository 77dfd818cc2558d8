namespace InspectReady.Web.Domain.Common;

/// <summary>
/// A problem in the input: row (for files), column or field, and a message in Chinese. An import error also names
/// the column's letter (<see cref="Column"/>, "B") and its header (<see cref="Field"/>, "单位名称"); other errors name
/// the request field in <see cref="Column"/> and leave <see cref="Field"/> empty.
/// </summary>
public sealed record FieldError(int? Row, string? Column, string Message)
{
    /// <summary>For a spreadsheet cell: the column's header as the template names it.</summary>
    public string? Field { get; init; }

    public override string ToString() =>
        (Row is { } r ? $"第{r}行" : "")
        + (Field is { Length: > 0 } f
            ? (Column is { Length: > 0 } letter ? $"{letter}列" : "") + $"“{f}”"
            : Column is { Length: > 0 } c ? $"“{c}”" : "")
        + (Row is null && Column is null && Field is null ? "" : "：") + Message;
}
