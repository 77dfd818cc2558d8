using System.Globalization;
using System.Net;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Data;
using InspectReady.Web.Features.Reminders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Scenarios;

/// <summary>
/// The host's clock in UTC at 00:30 Beijing time, 16:30 UTC the day before: the product reads today, overdue,
/// reminders and printed dates as Beijing does, a day ahead of the host.
/// </summary>
public abstract class ChinaClockScenarios(AppFactory factory)
{
    private static readonly DateTimeOffset HalfPastMidnightInBeijing = new(2026, 12, 1, 16, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly BeijingToday = new(2026, 12, 2);
    private static readonly DateOnly UtcToday = new(2026, 12, 1);

    [Fact]
    public async Task At_half_past_midnight_in_Beijing_today_overdue_reminders_and_printed_dates_follow_Beijing_on_a_UTC_host()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "零点半");
        var time = new FakeTimeProvider(HalfPastMidnightInBeijing);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));

        // Every task of 甲局 was due on 1 December: yesterday in Beijing, still today on the host.
        await using (var db = await factory.Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.True(await db.Tasks.Where(t => t.CampaignId == w.CampaignId && t.UnitId == w.UnitA)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Deadline, UtcToday)) > 0);
        }
        using var office = CookieSession.Client(host);
        await CookieSession.SignInAsync(office, $"{w.Prefix}-office", ApiClient.StrongPassword);

        // Today and overdue on the dashboard.
        var overview = await GetJsonAsync(office, $"/api/v1/campaigns/{w.CampaignId}/dashboard/overview");
        Assert.Equal("2026-12-02", overview["today"]!.GetValue<string>());
        var unitA = await GetJsonAsync(office, $"/api/v1/campaigns/{w.CampaignId}/dashboard/units/{w.UnitA}");
        Assert.Equal("2026-12-02", unitA["today"]!.GetValue<string>());
        Assert.True(unitA["totals"]!["overdue"]!.GetValue<int>() > 0, unitA.ToJsonString());
        Assert.Equal(unitA["totals"]!["tasks"]!.GetValue<int>(), unitA["totals"]!["overdue"]!.GetValue<int>());

        // Reminders: the sweep's today is Beijing's, and a deadline of yesterday gets the overdue reminder.
        var sweep = host.Services.GetRequiredService<ReminderSweep>();
        Assert.Equal(BeijingToday, sweep.Today);
        var result = await sweep.RunAsync(sweep.Today);
        Assert.True(result.Sent > 0, result.ToString());
        var notes = (await w.LiaisonA.GetJsonAsync("/api/v1/notifications?pageSize=500"))["items"]!.AsArray();
        Assert.Contains(notes, n => n!["title"]!.GetValue<string>() == "迎检材料报送已逾期");

        // Printed dates: the export's mark carries Beijing's time, the results file Beijing's date.
        var workbook = await office.GetAsync($"/api/v1/campaigns/{w.CampaignId}/export/tasklist.xlsx");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        using var xlsx = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var mark = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "说明").Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["项目"], r => Convert.ToString(r["内容"], CultureInfo.InvariantCulture));
        Assert.Equal("2026-12-02 00:30", mark["导出时间"]);
        var results = await office.GetAsync("/api/v1/case-files/results/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Contains("20261202", Uri.UnescapeDataString(results.Content.Headers.ContentDisposition!.ToString()), StringComparison.Ordinal);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> GetJsonAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return System.Text.Json.Nodes.JsonNode.Parse(body)!;
    }
}
