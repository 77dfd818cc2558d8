using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>Intent methods for the working-day calendar, beside ApiClient so the shared file stays untouched.</summary>
public static class CalendarApi
{
    public static async Task<string> AddWorkingDaysAsync(this ApiClient api, string from, int days) =>
        (await api.GetJsonAsync($"/api/v1/calendar/add-working-days?from={from}&days={days}"))["date"]!.GetValue<string>();

    public static async Task<int> WorkingDaysAsync(this ApiClient api, string from, string to) =>
        (await api.GetJsonAsync($"/api/v1/calendar/working-days?from={from}&to={to}"))["count"]!.GetValue<int>();

    public static async Task<(bool WorkingDay, string? Name)> IsWorkingDayAsync(this ApiClient api, string date)
    {
        var body = await api.GetJsonAsync($"/api/v1/calendar/is-working-day?date={date}");
        return (body["workingDay"]!.GetValue<bool>(), body["name"]?.GetValue<string>());
    }

    /// <summary>The 422 problem of a computation that reaches a year without data: (missingYear, detail).</summary>
    public static async Task<(int Year, string Detail)> MissingYearAsync(this ApiClient api, string path)
    {
        var response = await api.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        return (problem["missingYear"]!.GetValue<int>(), problem["detail"]!.GetValue<string>());
    }

    public static async Task<HttpResponseMessage> ImportHolidayYearAsync(this ApiClient api, string json, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new StringContent(json);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", fileName);
        return await api.Http.PostAsync("/api/v1/calendar/years", form);
    }

    public static string HolidayJson(int year, params (string Date, string Name, bool IsOffDay)[] days) =>
        new JsonObject
        {
            ["year"] = year,
            ["papers"] = new JsonArray("https://example.invalid/notice"),
            ["days"] = new JsonArray([.. days.Select(d => (JsonNode)new JsonObject { ["name"] = d.Name, ["date"] = d.Date, ["isOffDay"] = d.IsOffDay })]),
        }.ToJsonString();

    /// <summary>Audit entries whose target contains <paramref name="target"/>, read straight from the database.</summary>
    public static async Task<List<(string Action, string? Target, string Result, string? Detail)>> AuditAsync(this AppFactory factory, string target)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Target != null && a.Target.Contains(target)).OrderBy(a => a.Sequence).ToListAsync();
        return [.. rows.Select(a => (a.Action, a.Target, a.Result, a.Detail))];
    }
}
