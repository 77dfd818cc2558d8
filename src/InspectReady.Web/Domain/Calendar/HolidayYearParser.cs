using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace InspectReady.Web.Domain.Calendar;

/// <summary>
/// Reads and writes holiday-cn files: {"year", "papers": [url], "days": [{"name", "date", "isOffDay"}]}.
/// Messages are Chinese and name the file, the entry (days[i]) and the field, because an administrator
/// reads them when importing a new year's notice.
/// </summary>
public static class HolidayYearParser
{
    // A year outside this range is a typo, not a notice we could hold.
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private static readonly string[] WeekdayNames = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    // Keeps holiday names readable in the written file instead of \uXXXX escapes.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static HolidayYearParseResult Parse(string json, string? fileName)
    {
        var file = Label(fileName);
        JsonDocument document;
        try
        {
            // A repeated key would let one of two contradicting values win silently.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            // Only the reader knows a position; the duplicate-key check runs after it and reports none.
            var where = ex.LineNumber is { } line
                ? $"第 {line + 1} 行第 {ex.BytePositionInLine + 1} 列附近"
                : "可能是同一对象中出现了重复的字段名";
            return Failed([$"文件格式错误：{file} 不是有效的 JSON（{where}）"]);
        }

        using (document)
        {
            return Read(document.RootElement, file);
        }
    }

    /// <summary>The content rules of <see cref="Parse"/>, for a year built in code rather than read from a file.</summary>
    public static IReadOnlyList<string> Validate(HolidayYear year, string? fileName = null)
    {
        var errors = new List<string>();
        CheckContent(year.Year, year.Papers.Count, year.Days.Count, year.Days.Select((day, index) => (index, day)), Label(fileName), errors);
        return errors;
    }

    public static string ToJson(HolidayYear year)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", year.Year);
            writer.WriteStartArray("papers");
            foreach (var paper in year.Papers)
            {
                writer.WriteStringValue(paper);
            }
            writer.WriteEndArray();
            writer.WriteStartArray("days");
            foreach (var day in year.Days)
            {
                writer.WriteStartObject();
                writer.WriteString("name", day.Name);
                writer.WriteString("date", Iso(day.Date));
                writer.WriteBoolean("isOffDay", day.IsOffDay);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static HolidayYearParseResult Read(JsonElement root, string file)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failed([$"文件格式错误：{file} 最外层应为 JSON 对象"]);
        }

        var errors = new List<string>();
        int? year = null;
        if (Required(root, "year", file, errors) is { } yearElement)
        {
            if (yearElement.ValueKind == JsonValueKind.Number && yearElement.TryGetInt32(out var value))
            {
                year = value;
            }
            else
            {
                errors.Add($"文件格式错误：{file} 字段 year 应为整数年份");
            }
        }

        var papers = new List<string>();
        var papersElement = Required(root, "papers", file, errors);
        if (papersElement is { ValueKind: not JsonValueKind.Array })
        {
            errors.Add($"文件格式错误：{file} 字段 papers 应为网址字符串数组");
        }
        else if (papersElement is { } paperArray)
        {
            var index = 0;
            foreach (var paper in paperArray.EnumerateArray())
            {
                if (paper.ValueKind == JsonValueKind.String)
                {
                    papers.Add(paper.GetString()!);
                }
                else
                {
                    errors.Add($"文件格式错误：{file} papers[{index}] 应为字符串");
                }
                index++;
            }
        }

        // Entries keep their position in the file so that every message can point at days[i].
        var days = new List<(int Index, HolidayDay Day)>();
        var daysElement = Required(root, "days", file, errors);
        if (daysElement is { ValueKind: not JsonValueKind.Array })
        {
            errors.Add($"文件格式错误：{file} 字段 days 应为数组");
        }
        else if (daysElement is { } dayArray)
        {
            var index = 0;
            foreach (var item in dayArray.EnumerateArray())
            {
                if (ReadDay(item, $"{file} days[{index}]", errors) is { } day)
                {
                    days.Add((index, day));
                }
                index++;
            }
        }

        // Without the skeleton the content checks would only echo the errors above.
        if (year is not { } validYear ||
            papersElement is not { ValueKind: JsonValueKind.Array } ||
            daysElement is not { ValueKind: JsonValueKind.Array })
        {
            return Failed(errors);
        }

        // Counts come from the file, so an array holding only malformed entries is not also reported as empty.
        CheckContent(validYear, papersElement.Value.GetArrayLength(), daysElement.Value.GetArrayLength(), days, file, errors);
        return errors.Count == 0
            ? new HolidayYearParseResult(new HolidayYear(validYear, papers, days.Select(d => d.Day).ToArray()), [])
            : Failed(errors);
    }

    private static HolidayDay? ReadDay(JsonElement item, string where, List<string> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"文件格式错误：{where} 应为对象");
            return null;
        }

        var errorCount = errors.Count;
        var name = Required(item, "name", where, errors) is { } nameElement ? ReadString(nameElement, "name", where, errors) : null;
        var dateText = Required(item, "date", where, errors) is { } dateElement ? ReadString(dateElement, "date", where, errors) : null;
        bool? isOffDay = null;
        if (Required(item, "isOffDay", where, errors) is { } offElement)
        {
            if (offElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                isOffDay = offElement.GetBoolean();
            }
            else
            {
                errors.Add($"文件格式错误：{where} 字段 isOffDay 应为 true 或 false");
            }
        }

        if (errors.Count > errorCount || name is null || dateText is null || isOffDay is null)
        {
            return null;
        }

        // Exact ISO form only: "2020-1-1" or "2020/01/01" hints at a hand-edited file worth a second look.
        if (dateText.Length != 10 ||
            !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add($"日期无效：{where} 字段 date 的值“{dateText}”不是有效的 YYYY-MM-DD 日期");
            return null;
        }

        return new HolidayDay(date, name, isOffDay.Value);
    }

    private static void CheckContent(
        int year, int paperCount, int dayCount, IEnumerable<(int Index, HolidayDay Day)> days, string file, List<string> errors)
    {
        if (paperCount == 0)
        {
            errors.Add($"内容缺失：{file} 字段 papers 为空，应列出所依据的国务院通知网址");
        }
        // An empty year would count every weekday as a working day: exactly the guess we refuse to make.
        if (dayCount == 0)
        {
            errors.Add($"内容缺失：{file} 字段 days 为空，一年的安排不会没有节假日");
        }

        if (year is < MinYear or > MaxYear)
        {
            // The date range below is meaningless for such a year.
            errors.Add($"年份无效：{file} 字段 year 为 {year}，应在 {MinYear} 至 {MaxYear} 之间");
            return;
        }

        // A notice covers its own year; a New Year holiday may start in December before it,
        // and we allow January after it symmetrically.
        var first = new DateOnly(year - 1, 12, 1);
        var last = new DateOnly(year + 1, 1, 31);
        var seen = new Dictionary<DateOnly, int>();
        foreach (var (index, day) in days)
        {
            var where = $"{file} days[{index}]（{Iso(day.Date)}，{WeekdayNames[(int)day.Date.DayOfWeek]}）";
            if (string.IsNullOrWhiteSpace(day.Name))
            {
                errors.Add($"名称为空：{where} 字段 name 不能为空");
            }
            if (day.Date < first || day.Date > last)
            {
                errors.Add($"日期超出范围：{where} 不在 {year} 年文件允许的范围内（{Iso(first)} 至 {Iso(last)}）");
            }
            if (!seen.TryAdd(day.Date, index))
            {
                errors.Add($"日期重复：{where} 与 days[{seen[day.Date]}] 是同一天");
            }
            // Notices only ever move work onto a weekend; false on a weekday is almost always a mistyped day off.
            // A day off on a weekend is legitimate (e.g. 2020-02-01 after the Spring Festival extension).
            if (!day.IsOffDay && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add($"调休上班日不在周末：{where} 的 isOffDay 为 false（调休上班），但调休上班只会安排在星期六或星期日；若该日放假应为 true");
            }
        }
    }

    private static JsonElement? Required(JsonElement obj, string name, string where, List<string> errors)
    {
        if (obj.TryGetProperty(name, out var value))
        {
            return value;
        }
        errors.Add($"文件格式错误：{where} 缺少字段 {name}");
        return null;
    }

    private static string? ReadString(JsonElement element, string field, string where, List<string> errors)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString();
        }
        errors.Add($"文件格式错误：{where} 字段 {field} 应为字符串");
        return null;
    }

    private static HolidayYearParseResult Failed(IReadOnlyList<string> errors) => new(null, errors);

    private static string Label(string? fileName) => string.IsNullOrWhiteSpace(fileName) ? "（未命名文件）" : fileName;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
