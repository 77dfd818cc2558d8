using System.Globalization;
using System.Text.RegularExpressions;

namespace InspectReady.Web.Features.Shared.Import;

/// <summary>Cell parsing: a raw cell (text, number or date as MiniExcel reads it) into the column's type, or why not.</summary>
public static partial class ImportValues
{
    private static readonly DateTime ExcelEpoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")]
    private static partial Regex DateParts();

    [GeneratedRegex(@"^(\d{4})(\d{2})(\d{2})$")]
    private static partial Regex CompactDate();

    /// <summary>A header as written: without spaces (also full-width), line breaks and the required mark "*".</summary>
    public static string NormaliseHeader(string header) =>
        string.Concat(header.Where(c => !char.IsWhiteSpace(c))).TrimEnd('*', '＊').Trim();

    /// <summary>The text of a cell as the user sees it: whole numbers without ".0", dates as YYYY-MM-DD.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x when x == Math.Floor(x) && Math.Abs(x) < 1e15 => ((long)x).ToString(CultureInfo.InvariantCulture),
        double x => x.ToString(CultureInfo.InvariantCulture),
        decimal x => x.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim(),
    };

    /// <summary>
    /// Parses one non-empty cell: the typed value and its canonical text (ISO date, the choice's code), or the
    /// Chinese message saying why the value does not fit.
    /// </summary>
    public static (object? Value, string Text, string? Error) Parse(ImportColumn column, object? raw)
    {
        var text = Text(raw);
        switch (column.Type)
        {
            case ImportType.WholeNumber:
                if (raw is double d && d == Math.Floor(d) && Math.Abs(d) < 1e15)
                {
                    return ((long)d, text, null);
                }
                return long.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                    ? (n, n.ToString(CultureInfo.InvariantCulture), null)
                    : (null, text, $"“{column.Header}”的值“{text}”不是整数");
            case ImportType.Number:
                return decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var m)
                    ? (m, m.ToString(CultureInfo.InvariantCulture), null)
                    : (null, text, $"“{column.Header}”的值“{text}”不是数字");
            case ImportType.Date:
                return Date(raw) is { } date
                    ? (date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, text, $"“{column.Header}”的值“{text}”不是有效日期，应写作 2021-10-08、2021/10/8 或 2021年10月8日");
            case ImportType.Choice:
                var key = NormaliseHeader(text);
                var choice = column.Choices.FirstOrDefault(c => c.Label == key)
                    ?? column.Choices.FirstOrDefault(c => string.Equals(c.Code, key, StringComparison.OrdinalIgnoreCase));
                return choice is not null
                    ? (choice.Code, choice.Code, null)
                    : (null, text, $"“{column.Header}”的值“{text}”无效，只能是：{string.Join("、", column.Choices.Select(c => c.Label))}");
            default:
                return column.MaxLength is { } max && text.Length > max
                    ? (null, text, $"“{column.Header}”有{text.Length}字，超过{max}字上限")
                    : (text, text, null);
        }
    }

    /// <summary>A date in the forms Chinese offices write it: a date cell, an Excel serial, 2021-10-08, 2021/10/8, 2021.10.8, 2021年10月8日, 20211008.</summary>
    public static DateOnly? Date(object? raw)
    {
        switch (raw)
        {
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case DateOnly d:
                return d;
            case double serial when serial is > 20000 and < 80000 && serial == Math.Floor(serial):
                return DateOnly.FromDateTime(ExcelEpoch.AddDays(serial));
        }
        var text = Text(raw).Replace('．', '.').Replace('－', '-').Replace('／', '/');
        var match = DateParts().Match(text);
        if (!match.Success)
        {
            match = CompactDate().Match(text);
        }
        if (!match.Success)
        {
            return null;
        }
        var (y, mo, da) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        return y is >= 1900 and <= 2100 && mo is >= 1 and <= 12 && da >= 1 && da <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, da) : null;
    }

    /// <summary>The spreadsheet letter of a zero-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string Letter(int index)
    {
        var letters = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            letters = (char)('A' + ((i - 1) % 26)) + letters;
        }
        return letters;
    }
}
