using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class SignInScenarios(AppFactory factory)
{
    [Fact]
    public async Task Health_answers_200_once_the_database_is_migrated()
    {
        using var api = factory.Api();
        var response = await api.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(factory.Provider, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Right_credentials_give_a_bearer_token_with_its_lifetime()
    {
        using var api = factory.Api();
        var response = await api.RequestTokenAsync("admin", AppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(string.IsNullOrEmpty(body!["accessToken"]!.GetValue<string>()));
        Assert.Equal(3600, body["expiresIn"]!.GetValue<long>());
    }

    [Fact]
    public async Task Wrong_password_is_a_401_problem_in_chinese()
    {
        using var api = factory.Api();
        var response = await api.RequestTokenAsync("admin", "Wrong#Password1");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Contains("用户名或密码错误", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_and_the_next_answer_is_423()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("锁定");
        using var api = factory.Api();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.RequestTokenAsync(district.LiaisonA, "Wrong#Password1")).StatusCode);
        }
        var locked = await api.RequestTokenAsync(district.LiaisonA, ApiClient.StrongPassword);
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        var problem = await ApiClient.ProblemAsync(locked);
        Assert.Contains("锁定15分钟", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_who_must_change_the_password_can_do_nothing_else_until_it_is_changed()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("改密");
        var created = await admin.PostOkAsync("/api/v1/users", new { userName = "gaimi-new", password = "Initial#2026x", unitId = district.UnitA });
        await (await factory.SecurityAdminAsync()).GrantRolesAsync(ApiClient.Id(created), "单位联络员");

        using var user = await factory.Api().SignInAsync("gaimi-new", "Initial#2026x");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.GetAsync("/api/v1/units")).StatusCode);
        var me = await user.GetJsonAsync("/api/v1/me");
        Assert.True(me["mustChangePassword"]!.GetValue<bool>());

        var weak = await user.Http.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "Initial#2026x", newPassword = "weakpass" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("至少三类", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await user.Http.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "Initial#2026x", newPassword = "Changed#2026y" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        using var again = await factory.Api().SignInAsync("gaimi-new", "Changed#2026y");
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/api/v1/units")).StatusCode);
    }

    [Fact]
    public async Task Api_without_a_token_answers_401()
    {
        using var api = factory.Api();
        var response = await api.Http.GetAsync("/api/v1/units");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var api = factory.Api();
        var doc = await api.GetJsonAsync("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/auth/token", "/api/v1/regions", "/api/v1/units", "/api/v1/users", "/api/v1/audit" })
        {
            Assert.True(paths.ContainsKey(path), $"OpenAPI lacks {path}");
        }
    }
}
