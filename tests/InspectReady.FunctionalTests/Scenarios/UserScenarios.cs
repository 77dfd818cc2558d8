using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class UserScenarios(AppFactory factory)
{
    [Fact]
    public async Task System_security_and_audit_administrators_must_be_different_people()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var id = await admin.CreateUserAsync("sanyuan", null);
        var security = await factory.SecurityAdminAsync();
        var response = await security.Http.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "系统管理员", "审计管理员" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("三员分立", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_roles_weak_passwords_and_unit_roles_without_a_unit_are_refused()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var weak = await admin.Http.PostAsJsonAsync("/api/v1/users", new { userName = "bad-user", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("密码至少8位", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = await admin.CreateUserAsync("bad-roles", null);
        var security = await factory.SecurityAdminAsync();
        var response = await security.Http.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "超级用户", "单位联络员" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("超级用户", text, StringComparison.Ordinal);
        Assert.Contains("必须指定所属单位", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_user_loses_the_token_at_once_and_cannot_sign_in()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("停用");
        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
        var users = (await admin.GetJsonAsync("/api/v1/users?keyword=" + district.LiaisonA))["items"]!.AsArray();
        var id = ApiClient.Id(users.Single()!);

        await admin.PostOkAsync($"/api/v1/users/{id}/disable", new { }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await liaison.Http.GetAsync("/api/v1/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Api().RequestTokenAsync(district.LiaisonA, ApiClient.StrongPassword)).StatusCode);

        await admin.PostOkAsync($"/api/v1/users/{id}/enable", new { }, HttpStatusCode.OK);
        using var again = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
    }

    [Fact]
    public async Task A_reset_password_is_temporary_and_must_be_changed()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("重置");
        var id = ApiClient.Id((await admin.GetJsonAsync("/api/v1/users?keyword=" + district.LiaisonB))["items"]!.AsArray().Single()!);
        var reset = await admin.PostOkAsync($"/api/v1/users/{id}/reset-password", new { }, HttpStatusCode.OK);
        var temporary = reset["temporaryPassword"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Api().RequestTokenAsync(district.LiaisonB, ApiClient.StrongPassword)).StatusCode);
        using var user = await factory.Api().SignInAsync(district.LiaisonB, temporary);
        var me = await user.GetJsonAsync("/api/v1/me");
        Assert.True(me["mustChangePassword"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Changing_roles_takes_effect_and_is_refused_on_ones_own_account()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("角色");
        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
        var id = ApiClient.Id((await admin.GetJsonAsync("/api/v1/users?keyword=" + district.LiaisonA))["items"]!.AsArray().Single()!);
        using var security = await factory.Api().SignInAsSecurityAdminAsync();
        var updated = await security.Http.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "单位领导" } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await updated.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(["unit_leader"], body!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await liaison.Http.GetAsync("/api/v1/me")).StatusCode);

        var me = await security.GetJsonAsync("/api/v1/me");
        var self = await security.Http.PutAsJsonAsync($"/api/v1/users/{ApiClient.Id(me)}/roles", new { roles = new[] { "创建办" } });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("不能修改自己的角色", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
