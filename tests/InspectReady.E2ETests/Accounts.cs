using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InspectReady.E2ETests;

/// <summary>
/// Accounts for browser scenarios, made as the product has them made (三员分立): the 系统管理员 creates the account
/// without roles, the 安全管理员 grants the roles; the first-use password change is seeded as done.
/// </summary>
public static class Accounts
{
    public static async Task<HttpClient> SignInAsync(ServerFixture server, string userName, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static Task<Guid> CreateAsync(ServerFixture server, HttpClient admin, string userName, string password, Guid? unitId,
        string? displayName, params string[] roles) => CreateAsync(server, admin, userName, password, unitId, null, displayName, roles);

    /// <summary>An account without a unit (创建办, 督查) belongs to a region it sees, with the regions below it (ADR 0017).</summary>
    public static Task<Guid> CreateInRegionAsync(ServerFixture server, HttpClient admin, string userName, string password, Guid regionId,
        string? displayName, params string[] roles) => CreateAsync(server, admin, userName, password, null, regionId, displayName, roles);

    private static async Task<Guid> CreateAsync(ServerFixture server, HttpClient admin, string userName, string password, Guid? unitId,
        Guid? regionId, string? displayName, string[] roles)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName, displayName, password, unitId, regionId });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create {userName}: {(int)created.StatusCode} {text}");
        var id = Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
        using var security = await SignInAsync(server, "secadmin", KnownAdminServer.SecurityAdminPassword);
        var granted = await security.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles });
        Assert.True(granted.StatusCode == HttpStatusCode.OK, $"roles of {userName}: {(int)granted.StatusCode} {await granted.Content.ReadAsStringAsync()}");
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, false));
        return id;
    }
}
