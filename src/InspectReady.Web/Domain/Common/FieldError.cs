namespace InspectReady.Web.Domain.Common;

/// <summary>A problem in the input: row (for files), column or field, and a message in Chinese.</summary>
public sealed record FieldError(int? Row, string? Column, string Message)
{
    public override string ToString() =>
        (Row is { } r ? $"第{r}行" : "") + (Column is { Length: > 0 } c ? $"“{c}”" : "") + (Row is null && Column is null ? "" : "：") + Message;
}
