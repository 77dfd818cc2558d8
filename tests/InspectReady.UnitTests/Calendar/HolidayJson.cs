namespace InspectReady.UnitTests.Calendar;

/// <summary>Builds small holiday-cn documents for parser and calendar tests.</summary>
internal static class HolidayJson
{
    public static string Year(int year, params string[] days) =>
        $$"""{"year": {{year}}, "papers": ["https://www.gov.cn/notice"], "days": [{{string.Join(", ", days)}}]}""";

    public static string Day(string date, bool isOffDay, string name = "测试节") =>
        $$"""{"name": "{{name}}", "date": "{{date}}", "isOffDay": {{(isOffDay ? "true" : "false")}}}""";
}
