using System.Net;
using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios.Calendar;

/// <summary>
/// The three computations over HTTP, on the shipped data, with expected dates worked out by hand from the
/// State Council notices (each comment walks the days).
/// </summary>
public abstract class CalendarScenarios(AppFactory factory)
{
    private async Task<ApiClient> AnyUserAsync()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var name = "cal-" + Guid.NewGuid().ToString("N")[..8];
        await admin.CreateUserAsync(name, null, "督查");
        return await factory.Api().SignInAsync(name, ApiClient.StrongPassword);
    }

    [Fact]
    public async Task The_extended_2020_spring_festival_is_ten_days_off_and_work_resumes_on_february_3()
    {
        using var api = await AnyUserAsync();
        // 春节 1/24–1/30 (first notice), extended to 2/2 (国办发明电〔2020〕1号); Sun 1/19 worked; Sat 2/1 no longer worked.
        Assert.Equal((false, "春节"), await api.IsWorkingDayAsync("2020-01-31"));
        Assert.Equal((false, "春节"), await api.IsWorkingDayAsync("2020-02-01"));
        Assert.Equal((true, "春节"), await api.IsWorkingDayAsync("2020-01-19"));
        Assert.Equal((true, null), await api.IsWorkingDayAsync("2020-02-03"));
        // From Thu 1/23: 1/24–2/2 off, Mon 2/3 is the first working day.
        Assert.Equal("2020-02-03", await api.AddWorkingDaysAsync("2020-01-23", 1));
        // From Fri 1/17: Sun 1/19 (1), 1/20–1/23 (2–5), 1/24–2/2 off, 2/3 (6), 2/4 (7).
        Assert.Equal("2020-02-04", await api.AddWorkingDaysAsync("2020-01-17", 7));
        // (1/20, 2/9]: 1/21–1/23 (3), 1/24–2/2 off, 2/3–2/7 (5), 2/8–2/9 weekend: 8.
        Assert.Equal(8, await api.WorkingDaysAsync("2020-01-20", "2020-02-09"));
    }

    [Fact]
    public async Task The_2021_national_day_week_counts_its_two_worked_weekend_days()
    {
        using var api = await AnyUserAsync();
        // 国庆节 10/1–10/7 off; Sun 9/26 and Sat 10/9 worked.
        Assert.Equal((true, "国庆节"), await api.IsWorkingDayAsync("2021-09-26"));
        Assert.Equal((true, "国庆节"), await api.IsWorkingDayAsync("2021-10-09"));
        Assert.Equal((false, "国庆节"), await api.IsWorkingDayAsync("2021-10-04"));
        Assert.Equal((false, null), await api.IsWorkingDayAsync("2021-10-10"));
        // From Fri 9/24: Sat 9/25 off, Sun 9/26 (1), Mon 9/27 (2), Tue 9/28 (3).
        Assert.Equal("2021-09-28", await api.AddWorkingDaysAsync("2021-09-24", 3));
        // A decision of Tue 9/28 published within 7 working days: 9/29 (1), 9/30 (2), 10/1–10/7 off, 10/8 (3),
        // Sat 10/9 (4), Sun 10/10 off, 10/11 (5), 10/12 (6), 10/13 (7).
        Assert.Equal("2021-10-13", await api.AddWorkingDaysAsync("2021-09-28", 7));
        // (9/24, 10/10]: 9/26 (1), 9/27–9/30 (5), 10/1–10/7 off, 10/8 (6), 10/9 (7), 10/10 off.
        Assert.Equal(7, await api.WorkingDaysAsync("2021-09-24", "2021-10-10"));
    }

    [Fact]
    public async Task The_2025_rules_make_spring_festival_eve_and_may_2_holidays()
    {
        using var api = await AnyUserAsync();
        Assert.Equal((false, "春节"), await api.IsWorkingDayAsync("2025-01-28"));
        Assert.Equal((false, "劳动节"), await api.IsWorkingDayAsync("2025-05-02"));
        Assert.Equal((true, "劳动节"), await api.IsWorkingDayAsync("2025-04-27"));
        Assert.Equal((true, "春节"), await api.IsWorkingDayAsync("2025-02-08"));
        // From Wed 4/30: 5/1–5/5 off, Tue 5/6 is the first working day.
        Assert.Equal("2025-05-06", await api.AddWorkingDaysAsync("2025-04-30", 1));
        // (1/24, 2/14]: Sun 1/26 (1), 1/27 (2), 1/28–2/4 off, 2/5–2/7 (3–5), Sat 2/8 (6), 2/10–2/14 (7–11).
        Assert.Equal(11, await api.WorkingDaysAsync("2025-01-24", "2025-02-14"));
        // Backwards from Wed 2/5: 2/4–1/28 off, Mon 1/27 is the last working day before.
        Assert.Equal("2025-01-27", await api.AddWorkingDaysAsync("2025-02-05", -1));
    }

    [Fact]
    public async Task A_computation_reaching_a_year_without_data_is_422_naming_the_year()
    {
        using var api = await AnyUserAsync();
        var (year, detail) = await api.MissingYearAsync("/api/v1/calendar/is-working-day?date=2027-03-01");
        Assert.Equal(2027, year);
        Assert.Contains("缺少2027年的节假日数据", detail, StringComparison.Ordinal);

        Assert.Equal(2017, (await api.MissingYearAsync("/api/v1/calendar/working-days?from=2017-06-01&to=2018-01-05")).Year);
        // Mon 12/21 … Thu 12/24 are known; from Fri 12/25 on, the 2027 notice decides (ADR 0101).
        Assert.Equal("2026-12-24", await api.AddWorkingDaysAsync("2026-12-20", 4));
        var (late, lateDetail) = await api.MissingYearAsync("/api/v1/calendar/add-working-days?from=2026-12-20&days=5");
        Assert.Equal(2027, late);
        Assert.Contains("2026-12-25", lateDetail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/calendar/is-working-day?date=2021-13-01", "date")]
    [InlineData("/api/v1/calendar/is-working-day?date=20211001", "date")]
    [InlineData("/api/v1/calendar/is-working-day", "date")]
    [InlineData("/api/v1/calendar/add-working-days?from=2021-10-01&days=abc", "days")]
    [InlineData("/api/v1/calendar/add-working-days?from=2021/10/01&days=3", "from")]
    [InlineData("/api/v1/calendar/working-days?from=2021-10-01&to=2021-02-30", "to")]
    public async Task A_malformed_date_or_count_is_400_naming_the_parameter(string path, string field)
    {
        using var api = await AnyUserAsync();
        var response = await api.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal(field, error!["column"]!.GetValue<string>());
        Assert.Contains(field, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_needs_a_signed_in_user()
    {
        var response = await factory.Api().Http.GetAsync("/api/v1/calendar/is-working-day?date=2021-10-08");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_month_view_marks_holidays_and_adjusted_working_days()
    {
        using var api = await AnyUserAsync();
        var month = await api.GetJsonAsync("/api/v1/calendar/month?year=2021&month=10");
        var days = month["days"]!.AsArray();
        Assert.Equal(31, days.Count);
        Assert.Equal("holiday", days[0]!["kind"]!.GetValue<string>());
        Assert.Equal("放假", days[0]!["kindLabel"]!.GetValue<string>());
        Assert.Equal("adjusted_workday", days[8]!["kind"]!.GetValue<string>());
        Assert.Equal("weekend", days[9]!["kind"]!.GetValue<string>());
        // 21 weekdays, minus 10/1 and 10/4–10/7 off (5), plus Sat 10/9 worked: 17.
        Assert.Equal(17, days.Count(d => d!["workingDay"]!.GetValue<bool?>() == true));

        var december = await api.GetJsonAsync("/api/v1/calendar/month?year=2026&month=12");
        Assert.Equal(2027, december["missingYear"]!.GetValue<int>());
        Assert.Equal(7, december["days"]!.AsArray().Count(d => d!["kind"]!.GetValue<string>() == "unknown"));
    }

    [Fact]
    public async Task The_calendar_and_case_file_endpoints_are_described_in_the_openapi_document()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await factory.Api().Http.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/calendar/add-working-days", "/api/v1/calendar/working-days", "/api/v1/calendar/is-working-day",
            "/api/v1/calendar/years", "/api/v1/case-files", "/api/v1/case-files/draws", "/api/v1/case-files/results/report.docx" })
        {
            var operation = paths[path]!.AsObject().First().Value!;
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{path} has no summary");
        }
    }
}
