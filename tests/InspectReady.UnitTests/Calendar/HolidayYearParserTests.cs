using InspectReady.Web.Domain.Calendar;
using static InspectReady.UnitTests.Calendar.HolidayJson;

namespace InspectReady.UnitTests.Calendar;

public class HolidayYearParserTests
{
    public static TheoryData<int> ShippedYears => [.. Enumerable.Range(2018, 9)];

    private static IReadOnlyList<string> Errors(string json)
    {
        var result = HolidayYearParser.Parse(json, "2020.json");
        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    private static string SingleError(string json) => Assert.Single(Errors(json));

    [Theory]
    [MemberData(nameof(ShippedYears))]
    public void Every_shipped_file_parses_without_errors(int year)
    {
        var result = HolidayYearParser.Parse(ShippedHolidayData.Json(year), $"{year}.json");

        Assert.Empty(result.Errors);
        Assert.Equal(year, result.Year!.Year);
    }

    [Fact]
    public void The_shipped_2020_file_keeps_both_notices_as_papers()
    {
        var year = HolidayYearParser.Parse(ShippedHolidayData.Json(2020), "2020.json").Year!;

        Assert.Equal(2, year.Papers.Count);
        Assert.Contains(year.Papers, p => p.EndsWith("content_5472352.htm", StringComparison.Ordinal));
        Assert.Equal(new HolidayDay(new DateOnly(2020, 1, 1), "元旦", true), year.Days[0]);
    }

    [Theory]
    [MemberData(nameof(ShippedYears))]
    public void Writing_a_shipped_file_and_reading_it_back_gives_the_same_year(int year)
    {
        var original = HolidayYearParser.Parse(ShippedHolidayData.Json(year), $"{year}.json").Year!;

        var reread = HolidayYearParser.Parse(HolidayYearParser.ToJson(original), "written.json").Year!;

        Assert.Equal(original.Year, reread.Year);
        Assert.Equal(original.Papers, reread.Papers);
        Assert.Equal(original.Days, reread.Days);
    }

    [Fact]
    public void Written_files_keep_chinese_holiday_names_readable()
    {
        var year = HolidayYearParser.Parse(ShippedHolidayData.Json(2021), "2021.json").Year!;

        var json = HolidayYearParser.ToJson(year);

        Assert.Contains("\"name\": \"国庆节\"", json, StringComparison.Ordinal);
        Assert.Contains("\"date\": \"2021-10-01\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_off_on_a_weekend_is_accepted()
    {
        // Happens for real: Sat 2020-02-01 became a day off when the 2020 Spring Festival was extended.
        var result = HolidayYearParser.Parse(Year(2020, Day("2020-02-01", true, "春节")), "2020.json");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void The_first_and_last_allowed_dates_are_accepted()
    {
        var result = HolidayYearParser.Parse(Year(2020, Day("2019-12-01", true), Day("2021-01-31", true)), "2020.json");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Malformed_json_is_refused_as_a_format_error_naming_the_file()
    {
        Assert.Equal("文件格式错误：2020.json 不是有效的 JSON（第 1 行第 14 列附近）", SingleError("""{"year": 2020,"""));
    }

    [Fact]
    public void A_repeated_json_key_is_refused_as_a_format_error()
    {
        var json = """{"year": 2020, "year": 2021, "papers": ["u"], "days": [{"name": "元旦", "date": "2020-01-01", "isOffDay": true}]}""";

        Assert.Equal("文件格式错误：2020.json 不是有效的 JSON（可能是同一对象中出现了重复的字段名）", SingleError(json));
    }

    [Fact]
    public void A_top_level_array_is_refused_as_a_format_error()
    {
        Assert.Equal("文件格式错误：2020.json 最外层应为 JSON 对象", SingleError("[]"));
    }

    [Fact]
    public void A_file_without_a_name_is_called_unnamed_in_messages()
    {
        Assert.Equal("文件格式错误：（未命名文件） 最外层应为 JSON 对象", Assert.Single(HolidayYearParser.Parse("[]", null).Errors));
    }

    [Fact]
    public void A_missing_year_field_is_refused_naming_the_field()
    {
        Assert.Equal("文件格式错误：2020.json 缺少字段 year", SingleError("""{"papers": ["u"], "days": []}"""));
    }

    [Fact]
    public void Missing_papers_and_days_fields_are_each_reported()
    {
        Assert.Equal(["文件格式错误：2020.json 缺少字段 papers", "文件格式错误：2020.json 缺少字段 days"], Errors("""{"year": 2020}"""));
    }

    [Theory]
    [InlineData("\"2020\"")]
    [InlineData("2020.5")]
    [InlineData("null")]
    public void A_year_that_is_not_an_integer_is_refused(string year)
    {
        Assert.Equal("文件格式错误：2020.json 字段 year 应为整数年份", SingleError($$"""{"year": {{year}}, "papers": ["u"], "days": []}"""));
    }

    [Fact]
    public void Papers_that_are_not_an_array_of_strings_are_refused_naming_the_index()
    {
        var json = $$"""{"year": 2020, "papers": ["u", 3], "days": [{{Day("2020-01-01", true)}}]}""";

        Assert.Equal("文件格式错误：2020.json papers[1] 应为字符串", SingleError(json));
        Assert.Equal("文件格式错误：2020.json 字段 papers 应为网址字符串数组", SingleError("""{"year": 2020, "papers": "u", "days": []}"""));
    }

    [Fact]
    public void Days_that_are_not_an_array_are_refused()
    {
        Assert.Equal("文件格式错误：2020.json 字段 days 应为数组", SingleError("""{"year": 2020, "papers": ["u"], "days": {}}"""));
    }

    [Fact]
    public void A_day_that_is_not_an_object_is_refused_naming_its_index()
    {
        Assert.Equal("文件格式错误：2020.json days[1] 应为对象", SingleError(Year(2020, Day("2020-01-01", true), "5")));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("date")]
    [InlineData("isOffDay")]
    public void A_day_missing_a_field_is_refused_naming_the_index_and_field(string field)
    {
        var fields = new Dictionary<string, string> { ["name"] = "\"元旦\"", ["date"] = "\"2020-01-01\"", ["isOffDay"] = "true" };
        fields.Remove(field);
        var day = "{" + string.Join(", ", fields.Select(f => $"\"{f.Key}\": {f.Value}")) + "}";

        Assert.Equal($"文件格式错误：2020.json days[1] 缺少字段 {field}", SingleError(Year(2020, Day("2020-05-01", true), day)));
    }

    [Fact]
    public void A_day_off_flag_that_is_not_a_boolean_is_refused()
    {
        var day = """{"name": "元旦", "date": "2020-01-01", "isOffDay": "true"}""";

        Assert.Equal("文件格式错误：2020.json days[0] 字段 isOffDay 应为 true 或 false", SingleError(Year(2020, day)));
    }

    [Fact]
    public void A_date_that_is_not_a_string_is_refused()
    {
        var day = """{"name": "元旦", "date": 20200101, "isOffDay": true}""";

        Assert.Equal("文件格式错误：2020.json days[0] 字段 date 应为字符串", SingleError(Year(2020, day)));
    }

    [Theory]
    [InlineData("2020-02-30")]
    [InlineData("2020/01/01")]
    [InlineData("2020-1-1")]
    [InlineData("2020-01-01T00:00:00")]
    [InlineData("")]
    public void An_unparseable_date_is_refused_naming_the_index_and_value(string date)
    {
        Assert.Equal($"日期无效：2020.json days[0] 字段 date 的值“{date}”不是有效的 YYYY-MM-DD 日期", SingleError(Year(2020, Day(date, true))));
    }

    [Fact]
    public void A_duplicate_date_is_refused_naming_both_entries()
    {
        var json = Year(2020, Day("2020-01-24", true, "春节"), Day("2020-01-24", true, "春节"));

        Assert.Equal("日期重复：2020.json days[1]（2020-01-24，星期五） 与 days[0] 是同一天", SingleError(json));
    }

    [Fact]
    public void An_adjusted_working_day_on_a_weekday_is_refused()
    {
        // Exactly what upstream's 2020.json says of Mon 2020-02-03 (work resumed after the extension).
        var error = SingleError(Year(2020, Day("2020-02-03", false, "春节")));

        Assert.StartsWith("调休上班日不在周末：2020.json days[0]（2020-02-03，星期一） 的 isOffDay 为 false", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019-11-30")]
    [InlineData("2021-02-01")]
    public void A_date_outside_december_of_the_previous_year_to_january_of_the_next_is_refused(string date)
    {
        var error = SingleError(Year(2020, Day(date, true)));

        Assert.StartsWith($"日期超出范围：2020.json days[0]（{date}，", error, StringComparison.Ordinal);
        Assert.EndsWith("不在 2020 年文件允许的范围内（2019-12-01 至 2021-01-31）", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void A_year_outside_2000_to_2100_is_refused(int year)
    {
        Assert.Equal($"年份无效：2020.json 字段 year 为 {year}，应在 2000 至 2100 之间", SingleError(Year(year, Day("2020-01-01", true))));
    }

    [Fact]
    public void Empty_papers_are_refused()
    {
        var json = $$"""{"year": 2020, "papers": [], "days": [{{Day("2020-01-01", true)}}]}""";

        Assert.Equal("内容缺失：2020.json 字段 papers 为空，应列出所依据的国务院通知网址", SingleError(json));
    }

    [Fact]
    public void Empty_days_are_refused()
    {
        Assert.Equal("内容缺失：2020.json 字段 days 为空，一年的安排不会没有节假日", SingleError(Year(2020)));
    }

    [Fact]
    public void An_empty_holiday_name_is_refused()
    {
        Assert.Equal("名称为空：2020.json days[0]（2020-01-01，星期三） 字段 name 不能为空", SingleError(Year(2020, Day("2020-01-01", true, " "))));
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_together()
    {
        var json = Year(2020, Day("2020-01-01", true), Day("2020-01-01", true), Day("2020-02-03", false), Day("2020-13-01", true));

        var errors = Errors(json);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("日期重复：", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("调休上班日不在周末：", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("日期无效：", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_applies_the_file_rules_to_a_year_built_in_code()
    {
        var year = new HolidayYear(2020, [], [new HolidayDay(new DateOnly(2020, 2, 3), "春节", false)]);

        var errors = HolidayYearParser.Validate(year, "手工.json");

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("内容缺失：手工.json 字段 papers 为空", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("调休上班日不在周末：手工.json days[0]", errors[1], StringComparison.Ordinal);
    }
}
