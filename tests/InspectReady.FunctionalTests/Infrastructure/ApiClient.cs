using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>HTTP with intent methods, so scenarios read as what a user does.</summary>
public sealed class ApiClient(HttpClient http, AppFactory? factory = null) : IDisposable
{
    public const string StrongPassword = "Liaison#2026ok";

    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> RequestTokenAsync(string userName, string password, string? totp = null) =>
        totp is null
            ? await Http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password })
            : await Http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, totp });

    public async Task<ApiClient> SignInAsync(string userName, string password, string? totp = null)
    {
        var response = await RequestTokenAsync(userName, password, totp);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token for {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["accessToken"]!.GetValue<string>());
        return this;
    }

    public Task<ApiClient> SignInAsAdminAsync() => SignInAsync("admin", AppFactory.AdminPassword);

    public Task<ApiClient> SignInAsSecurityAdminAsync() => SignInAsync("secadmin", AppFactory.SecurityAdminPassword);

    public Task<ApiClient> SignInAsAuditAdminAsync() => SignInAsync("auditadmin", AppFactory.AuditAdminPassword);

    private AppFactory Host => factory ?? throw new InvalidOperationException("This client was not made by AppFactory.Api()");

    public async Task<JsonObject> PostOkAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path} gave {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} gave {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<Guid> CreateRegionAsync(string name, string level, Guid? parentId = null) =>
        Id(await PostOkAsync("/api/v1/regions", new { name, level, parentId }));

    public async Task<Guid> CreateUnitAsync(string name, Guid regionId, string kind = "区直单位", string[]? aliases = null, string[]? tags = null) =>
        Id(await PostOkAsync("/api/v1/units", new { name, regionId, kind, aliases = aliases ?? [], tags = tags ?? [] }));

    /// <summary>
    /// An account ready to sign in with <see cref="StrongPassword"/>: this client (the 系统管理员) creates it without
    /// roles, the 安全管理员 grants the roles, and the first-use password change is seeded as done.
    /// </summary>
    public async Task<Guid> CreateUserAsync(string userName, Guid? unitId, params string[] roles)
    {
        var id = Id(await PostOkAsync("/api/v1/users", new { userName, password = StrongPassword, unitId }));
        if (roles.Length > 0)
        {
            await (await Host.SecurityAdminAsync()).GrantRolesAsync(id, roles);
        }
        await Host.SeedPasswordChangedAsync(id);
        return id;
    }

    /// <summary>As the 安全管理员: the account's roles become exactly these.</summary>
    public async Task<JsonObject> GrantRolesAsync(Guid userId, params string[] roles)
    {
        var response = await Http.PutAsJsonAsync($"/api/v1/users/{userId}/roles", new { roles });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT roles gave {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A district with two units, each with a liaison: the usual starting point.</summary>
    public async Task<District> CreateDistrictAsync(string prefix)
    {
        var city = await CreateRegionAsync($"{prefix}市", "市");
        var district = await CreateRegionAsync($"{prefix}区", "区", city);
        var a = await CreateUnitAsync($"{prefix}区司法局", district, aliases: [$"{prefix}司法局"], tags: ["行政执法单位"]);
        var b = await CreateUnitAsync($"{prefix}区财政局", district);
        await CreateUserAsync($"{prefix}-a-lly", a, "单位联络员");
        await CreateUserAsync($"{prefix}-b-lly", b, "单位联络员");
        return new District(city, district, a, b, $"{prefix}-a-lly", $"{prefix}-b-lly");
    }

    public static Guid Id(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static string Text(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public void Dispose() => Http.Dispose();
}

public sealed record District(Guid City, Guid Region, Guid UnitA, Guid UnitB, string LiaisonA, string LiaisonB);
