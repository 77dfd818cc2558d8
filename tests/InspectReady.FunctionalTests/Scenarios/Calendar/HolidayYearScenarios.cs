using System.Net;
using System.Net.Http.Json;
using InspectReady.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace InspectReady.FunctionalTests.Scenarios.Calendar;

/// <summary>Administrators add next year's notice or correct a day; everyone else only reads.</summary>
public abstract class HolidayYearScenarios(AppFactory factory)
{
    // A made-up arrangement for 2028 (test data, not a real notice): 元旦 Sat 1/1–Mon 1/3 off, 春节 1/25–1/31 off,
    // Sat 1/22 and Sat 2/5 worked.
    private static readonly string Year2028 = CalendarApi.HolidayJson(2028,
        ("2028-01-01", "元旦", true), ("2028-01-02", "元旦", true), ("2028-01-03", "元旦", true),
        ("2028-01-22", "春节", false), ("2028-01-25", "春节", true), ("2028-01-26", "春节", true), ("2028-01-27", "春节", true),
        ("2028-01-28", "春节", true), ("2028-01-29", "春节", true), ("2028-01-30", "春节", true), ("2028-01-31", "春节", true),
        ("2028-02-05", "春节", false));

    private async Task<ApiClient> OfficeAsync()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var name = "cal-office-" + Guid.NewGuid().ToString("N")[..6];
        await admin.CreateUserAsync(name, null, "创建办");
        return await factory.Api().SignInAsync(name, ApiClient.StrongPassword);
    }

    [Fact]
    public async Task An_imported_year_is_used_at_once_and_the_import_is_audited()
    {
        using var office = await OfficeAsync();
        Assert.Equal(2028, (await office.MissingYearAsync("/api/v1/calendar/add-working-days?from=2028-01-20&days=3")).Year);

        var response = await office.ImportHolidayYearAsync(Year2028, "2028.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var year = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        Assert.Equal("imported", year["source"]!.GetValue<string>());
        Assert.Equal("导入", year["sourceLabel"]!.GetValue<string>());
        Assert.Equal(10, year["holidays"]!.GetValue<int>());
        Assert.Equal(2, year["adjustedWorkdays"]!.GetValue<int>());

        // From Thu 1/20: Fri 1/21 (1), Sat 1/22 worked (2), Mon 1/24 (3).
        Assert.Equal("2028-01-24", await office.AddWorkingDaysAsync("2028-01-20", 3));
        Assert.Equal((false, "春节"), await office.IsWorkingDayAsync("2028-01-27"));
        var audit = await factory.AuditAsync("2028年节假日安排");
        Assert.Contains(audit, a => a.Action == "导入" && a.Result == "成功" && a.Detail!.Contains("放假10天", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_every_reason_and_changes_nothing()
    {
        using var office = await OfficeAsync();
        var bad = CalendarApi.HolidayJson(2029,
            ("2029-10-01", "国庆节", true), ("2029-10-01", "国庆节", true), // duplicate date
            ("2029-10-08", "国庆节", false));                               // Monday as an adjusted working day
        var response = await office.ImportHolidayYearAsync(bad, "2029.json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClient.ProblemAsync(response))["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()).ToList();
        Assert.Contains(errors, e => e.StartsWith("日期重复", StringComparison.Ordinal) && e.Contains("2029-10-01", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("调休上班日不在周末", StringComparison.Ordinal) && e.Contains("2029-10-08", StringComparison.Ordinal));

        var malformed = await office.ImportHolidayYearAsync("{\"year\": 2029, \"days\": [", "2029.json");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var message = (await ApiClient.ProblemAsync(malformed))["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("不是有效的 JSON", message, StringComparison.Ordinal);

        Assert.Equal(2029, (await office.MissingYearAsync("/api/v1/calendar/is-working-day?date=2029-10-01")).Year);
        Assert.Contains(await factory.AuditAsync("2029.json"), a => a.Action == "导入" && a.Result == "失败");
    }

    [Fact]
    public async Task Editing_a_day_of_a_shipped_year_overrides_it_and_resetting_restores_the_shipped_data()
    {
        using var office = await OfficeAsync();
        // Made-up change: Fri 2024-12-06 as a day off. 2024's shipped data has no entry for it.
        Assert.Equal((true, null), await office.IsWorkingDayAsync("2024-12-06"));
        var put = await office.Http.PutAsJsonAsync("/api/v1/calendar/years/2024/days/2024-12-06", new { name = "测试假日", isOffDay = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal((false, "测试假日"), await office.IsWorkingDayAsync("2024-12-06"));
        var years = (await office.GetJsonAsync("/api/v1/calendar/years")).AsArray();
        var y2024 = years.Single(y => y!["year"]!.GetValue<int>() == 2024)!;
        Assert.Equal("edited", y2024["source"]!.GetValue<string>());
        Assert.True(y2024["replacesShipped"]!.GetValue<bool>());

        // An adjusted working day on a weekday is refused, naming the date.
        var weekday = await office.Http.PutAsJsonAsync("/api/v1/calendar/years/2024/days/2024-12-05", new { name = "测试", isOffDay = false });
        Assert.Equal(HttpStatusCode.BadRequest, weekday.StatusCode);
        var error = (await ApiClient.ProblemAsync(weekday))["errors"]![0]!;
        Assert.Equal("isOffDay", error["column"]!.GetValue<string>());
        Assert.Contains("2024-12-05", error["message"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await office.Http.DeleteAsync("/api/v1/calendar/years/2024")).StatusCode);
        Assert.Equal((true, null), await office.IsWorkingDayAsync("2024-12-06"));
        var audit = await factory.AuditAsync("2024年节假日安排");
        Assert.Contains(audit, a => a.Action == "修改" && a.Target!.Contains("2024-12-06", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "删除" && a.Detail == "恢复为内置数据");
    }

    [Fact]
    public async Task Removing_an_entry_makes_the_day_count_by_its_weekday()
    {
        using var office = await OfficeAsync();
        Assert.Equal(HttpStatusCode.OK, (await office.ImportHolidayYearAsync(CalendarApi.HolidayJson(2030,
            ("2030-01-01", "元旦", true), ("2030-10-01", "国庆节", true), ("2030-09-29", "国庆节", false)), "2030.json")).StatusCode);
        Assert.Equal((true, "国庆节"), await office.IsWorkingDayAsync("2030-09-29"));
        Assert.Equal(HttpStatusCode.OK, (await office.Http.DeleteAsync("/api/v1/calendar/years/2030/days/2030-09-29")).StatusCode);
        Assert.Equal((false, null), await office.IsWorkingDayAsync("2030-09-29"));
        Assert.Equal(HttpStatusCode.NotFound, (await office.Http.DeleteAsync("/api/v1/calendar/years/2030/days/2030-09-29")).StatusCode);
    }

    [Fact]
    public async Task Only_the_administrator_and_the_office_change_holiday_data()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("日历权限");
        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.ImportHolidayYearAsync(Year2028, "2028.json")).StatusCode);
        var put = await liaison.Http.PutAsJsonAsync("/api/v1/calendar/years/2021/days/2021-10-08", new { name = "国庆节", isOffDay = true });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Http.DeleteAsync("/api/v1/calendar/years/2021")).StatusCode);
        Assert.Equal((true, null), await liaison.IsWorkingDayAsync("2021-10-08"));
    }

    [Fact]
    public async Task Another_node_follows_a_change_made_on_this_node()
    {
        // A second host on the same database, with its own cached calendar, checking the stamp on every use.
        using var otherNode = factory.WithWebHostBuilder(b => b.UseSetting("Calendar:RefreshSeconds", "0"));
        using var office = await OfficeAsync();
        var onOther = new ApiClient(otherNode.CreateClient());
        await onOther.SignInAsAdminAsync();
        Assert.Equal(2031, (await onOther.MissingYearAsync("/api/v1/calendar/is-working-day?date=2031-10-01")).Year);

        Assert.Equal(HttpStatusCode.OK, (await office.ImportHolidayYearAsync(CalendarApi.HolidayJson(2031,
            ("2031-01-01", "元旦", true), ("2031-10-01", "国庆节", true)), "2031.json")).StatusCode);

        Assert.Equal((false, "国庆节"), await onOther.IsWorkingDayAsync("2031-10-01"));
        onOther.Dispose();
    }
}
