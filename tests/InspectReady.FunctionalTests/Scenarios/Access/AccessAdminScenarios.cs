using System.Net;
using System.Net.Http.Json;
using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios.Access;

/// <summary>三员分立 (issue 9 item 4, ADR 0015): each administrator does its own part and nothing else.</summary>
public abstract class AccessAdminScenarios(AppFactory factory)
{
    [Fact]
    public async Task The_three_administrators_are_bootstrapped_each_with_its_one_role()
    {
        foreach (var (name, password, role) in new[]
                 {
                     ("admin", AppFactory.AdminPassword, "system_admin"),
                     ("secadmin", AppFactory.SecurityAdminPassword, "security_admin"),
                     ("auditadmin", AppFactory.AuditAdminPassword, "audit_admin"),
                 })
        {
            using var who = await factory.Api().SignInAsync(name, password);
            var me = await who.GetJsonAsync("/api/v1/me");
            Assert.Equal([role], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
            Assert.False(me["mustChangePassword"]!.GetValue<bool>());
        }
        using var auditor = await factory.Api().SignInAsAuditAdminAsync();
        var created = (await auditor.GetJsonAsync("/api/v1/audit?action=" + Uri.EscapeDataString("创建用户") + "&user=system:bootstrap&pageSize=50"))["items"]!.AsArray()
            .Select(e => e!["target"]!.GetValue<string>()).ToList();
        Assert.Contains("admin", created);
        Assert.Contains("secadmin", created);
        Assert.Contains("auditadmin", created);
    }

    [Fact]
    public async Task The_system_administrator_creates_accounts_without_roles_and_a_roles_field_is_refused_with_403()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var withRoles = await admin.Http.PostAsJsonAsync("/api/v1/users", new { userName = "sy-roles", password = ApiClient.StrongPassword, roles = new[] { "审计管理员" } });
        Assert.Equal(HttpStatusCode.Forbidden, withRoles.StatusCode);
        Assert.Contains("安全管理员", (await ApiClient.ProblemAsync(withRoles))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var emptyRoles = await admin.Http.PostAsJsonAsync("/api/v1/users", new { userName = "sy-empty", password = ApiClient.StrongPassword, roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Forbidden, emptyRoles.StatusCode);

        var noChange = await admin.Http.PostAsJsonAsync("/api/v1/users", new { userName = "sy-nochange", password = ApiClient.StrongPassword, mustChangePassword = false });
        Assert.Equal(HttpStatusCode.BadRequest, noChange.StatusCode);

        var created = await admin.PostOkAsync("/api/v1/users", new { userName = "sy-plain", password = ApiClient.StrongPassword });
        Assert.Empty(created["roles"]!.AsArray());
        Assert.True(created["mustChangePassword"]!.GetValue<bool>());
        var id = ApiClient.Id(created);

        var grant = await admin.Http.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "审计管理员" } });
        Assert.Equal(HttpStatusCode.Forbidden, grant.StatusCode);
        var viaUpdate = await admin.Http.PutAsJsonAsync($"/api/v1/users/{id}", new { roles = new[] { "审计管理员" } });
        Assert.Equal(HttpStatusCode.Forbidden, viaUpdate.StatusCode);
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/users/{id}"))["roles"]!.AsArray());
    }

    [Fact]
    public async Task The_security_administrator_grants_roles_but_manages_no_account()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("授权");
        var id = ApiClient.Id(await admin.PostOkAsync("/api/v1/users", new { userName = "sq-new", password = ApiClient.StrongPassword, unitId = district.UnitA }));
        using var security = await factory.Api().SignInAsSecurityAdminAsync();

        var granted = await security.GrantRolesAsync(id, "单位联络员");
        Assert.Equal(["unit_liaison"], granted["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(id, ApiClient.Id(granted));
        var removed = await security.GrantRolesAsync(id);
        Assert.Empty(removed["roles"]!.AsArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await security.Http.PostAsJsonAsync("/api/v1/users", new { userName = "sq-other", password = ApiClient.StrongPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.Http.PostAsJsonAsync($"/api/v1/users/{id}/reset-password", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.Http.PostAsJsonAsync($"/api/v1/users/{id}/disable", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.Http.PutAsJsonAsync($"/api/v1/users/{id}", new { unitId = district.UnitB })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await security.Http.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/roles", new { roles = new[] { "督查" } })).StatusCode);
    }

    [Fact]
    public async Task Nobody_changes_their_own_roles()
    {
        foreach (var who in new[] { await factory.Api().SignInAsSecurityAdminAsync(), await factory.Api().SignInAsAdminAsync() })
        {
            using (who)
            {
                var me = ApiClient.Id(await who.GetJsonAsync("/api/v1/me"));
                var response = await who.Http.PutAsJsonAsync($"/api/v1/users/{me}/roles", new { roles = new[] { "创建办" } });
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }
        }
        using var security = await factory.Api().SignInAsSecurityAdminAsync();
        var own = await security.GetJsonAsync("/api/v1/me");
        Assert.Equal(["security_admin"], own["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_password_set_by_an_administrator_must_be_changed_at_first_sign_in()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("初改");
        var id = ApiClient.Id(await admin.PostOkAsync("/api/v1/users", new { userName = "chugai-lly", password = "Given#Pass2026", unitId = district.UnitA }));
        await (await factory.SecurityAdminAsync()).GrantRolesAsync(id, "单位联络员");

        using var user = await factory.Api().SignInAsync("chugai-lly", "Given#Pass2026");
        Assert.True((await user.GetJsonAsync("/api/v1/me"))["mustChangePassword"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.GetAsync("/api/v1/units")).StatusCode);
    }

    [Fact]
    public async Task A_unit_or_role_change_ends_the_accounts_tokens()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("换岗");
        var id = ApiClient.Id((await admin.GetJsonAsync("/api/v1/users?keyword=" + district.LiaisonA))["items"]!.AsArray().Single()!);
        using var before = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
        var moved = await admin.Http.PutAsJsonAsync($"/api/v1/users/{id}", new { unitId = district.UnitB });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.Http.GetAsync("/api/v1/me")).StatusCode);

        using var after = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
        await (await factory.SecurityAdminAsync()).GrantRolesAsync(id, "单位领导");
        Assert.Equal(HttpStatusCode.Unauthorized, (await after.Http.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_audit_administrator_reads_and_exports_the_audit_trail_and_nothing_else()
    {
        using var auditor = await factory.Api().SignInAsAuditAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await auditor.Http.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.Http.GetAsync("/api/v1/audit/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Http.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Http.PostAsJsonAsync("/api/v1/users", new { userName = "sj-x", password = ApiClient.StrongPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Http.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/roles", new { roles = new[] { "督查" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Http.GetAsync("/api/v1/security-policy")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Http.PostAsJsonAsync("/api/v1/campaigns", new { name = "x" })).StatusCode);

        foreach (var who in new[] { await factory.Api().SignInAsAdminAsync(), await factory.Api().SignInAsSecurityAdminAsync() })
        {
            using (who)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await who.Http.GetAsync("/api/v1/audit")).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await who.Http.GetAsync("/api/v1/audit/export.xlsx")).StatusCode);
            }
        }
    }

    [Fact]
    public async Task Neither_the_system_nor_the_security_administrator_runs_campaigns()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("活动");
        var frameworks = (await admin.GetJsonAsync("/api/v1/frameworks")).AsArray();
        var builtIn = ApiClient.Id(frameworks.First(f => f!["code"]!.GetValue<string>() == "fzzf-sx-2021")!);
        var body = new { name = "三员不办活动", frameworkId = builtIn, regionId = district.Region, deadline = DateTime.Today.AddDays(20).ToString("yyyy-MM-dd") };
        using var security = await factory.Api().SignInAsSecurityAdminAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.PostAsJsonAsync("/api/v1/campaigns", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.Http.PostAsJsonAsync("/api/v1/campaigns", body)).StatusCode);
    }

    [Fact]
    public async Task The_security_policy_is_set_by_the_security_administrator_alone_and_applies_at_once()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        using var security = await factory.Api().SignInAsSecurityAdminAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.PutAsJsonAsync("/api/v1/security-policy", new { passwordMinLength = 12 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync("/api/v1/security-policy")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await security.Http.PutAsJsonAsync("/api/v1/security-policy", new { passwordMinLength = 6 })).StatusCode);
        try
        {
            var set = await security.Http.PutAsJsonAsync("/api/v1/security-policy", new { passwordMinLength = 16, lockoutThreshold = 3, totpRoles = new[] { "创建办" } });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            var policy = await security.GetJsonAsync("/api/v1/security-policy");
            Assert.Equal(16, policy["passwordMinLength"]!.GetValue<int>());
            Assert.Contains(policy["requiredTotpRoles"]!.AsArray(), r => r!.GetValue<string>() == "office");

            var shortPassword = await admin.Http.PostAsJsonAsync("/api/v1/users", new { userName = "celue-x", password = "Short#Pass2026" });
            Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
            Assert.Contains("密码至少16位", await shortPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var id = ApiClient.Id(await admin.PostOkAsync("/api/v1/users", new { userName = "celue-lock", password = "Long#Password2026x" }));
            await security.GrantRolesAsync(id, "督查");
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Api().RequestTokenAsync("celue-lock", "Wrong#Password2026")).StatusCode);
            }
            Assert.Equal((HttpStatusCode)423, (await factory.Api().RequestTokenAsync("celue-lock", "Long#Password2026x")).StatusCode);

            var officeId = ApiClient.Id(await admin.PostOkAsync("/api/v1/users", new { userName = "celue-office", password = "Long#Password2026x" }));
            await security.GrantRolesAsync(officeId, "创建办");
            var office = await factory.Api().RequestTokenAsync("celue-office", "Long#Password2026x");
            Assert.Equal(HttpStatusCode.Unauthorized, office.StatusCode);
            Assert.Equal("需要动态口令（双因素认证）", (await ApiClient.ProblemAsync(office))["title"]!.GetValue<string>());

            using var auditor = await factory.Api().SignInAsAuditAdminAsync();
            Assert.NotEmpty((await auditor.GetJsonAsync("/api/v1/audit?action=" + Uri.EscapeDataString("修改安全策略")))["items"]!.AsArray());
        }
        finally
        {
            await security.Http.PutAsJsonAsync("/api/v1/security-policy", new { passwordMinLength = 8, lockoutThreshold = 5, totpRoles = Array.Empty<string>() });
        }
    }

    [Fact]
    public async Task A_wrong_current_password_on_password_change_counts_towards_the_lockout()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("原密");
        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await liaison.Http.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "Guess#Pass2026", newPassword = "Next#Pass2026x" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("原密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var fifth = await liaison.Http.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "Guess#Pass2026", newPassword = "Next#Pass2026x" });
        Assert.Equal((HttpStatusCode)423, fifth.StatusCode);
        Assert.Equal((HttpStatusCode)423, (await factory.Api().RequestTokenAsync(district.LiaisonA, ApiClient.StrongPassword)).StatusCode);
    }
}
