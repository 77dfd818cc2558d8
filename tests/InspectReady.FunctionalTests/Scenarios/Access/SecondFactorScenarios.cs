using System.Net;
using System.Net.Http.Json;
using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios.Access;

/// <summary>
/// 动态口令 and sign-in defences as production has them (issue 9 items 6 and 7): a second factor for the three
/// administrators, per-address rate limits. Each scenario plays its own client address.
/// </summary>
public abstract class SecondFactorScenarios(AppFactory factory)
{
    private const string Title = "需要动态口令（双因素认证）";

    [Fact]
    public async Task An_administrator_without_a_second_factor_gets_a_401_naming_it_and_no_token()
    {
        using var api = Api("10.1.0.1");
        var response = await api.RequestTokenAsync("auditadmin", AppFactory.AuditAdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(Title, problem["title"]!.GetValue<string>());
        Assert.Contains("绑定", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_enrols_at_first_sign_in_then_signs_in_with_the_code_or_a_recovery_code_once()
    {
        using var web = WebForms.Open(factory, "10.1.0.2");
        var signIn = await web.SignInAsync("secadmin", AppFactory.SecurityAdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/totp/enrol", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await web.Http.GetAsync("/admin/users")).StatusCode);

        var page = await web.GetPageAsync(signIn.Headers.Location!.OriginalString);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        var key = WebForms.KeyOf(page);

        var wrong = await web.SubmitAsync(signIn.Headers.Location!.OriginalString, "/account/totp/enrol", ("Code", "000000"));
        Assert.Contains("动态口令不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enrolled = await web.SubmitAsync(signIn.Headers.Location!.OriginalString, "/account/totp/enrol", ("Code", WebForms.Code(key)));
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var codes = WebForms.RecoveryCodesOf(await enrolled.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync("/admin/users")).StatusCode);

        using var api = Api("10.1.0.3");
        var missing = await api.RequestTokenAsync("secadmin", AppFactory.SecurityAdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(Title, (await ApiClient.ProblemAsync(missing))["title"]!.GetValue<string>());
        var wrongCode = await api.RequestTokenAsync("secadmin", AppFactory.SecurityAdminPassword, "123456");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.RequestTokenAsync("secadmin", AppFactory.SecurityAdminPassword, WebForms.Code(key))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.RequestTokenAsync("secadmin", AppFactory.SecurityAdminPassword, codes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.RequestTokenAsync("secadmin", AppFactory.SecurityAdminPassword, codes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.RequestTokenAsync("secadmin", AppFactory.SecurityAdminPassword, codes[1].ToLowerInvariant())).StatusCode);

        using var again = WebForms.Open(factory, "10.1.0.4");
        var second = await again.SignInAsync("secadmin", AppFactory.SecurityAdminPassword);
        Assert.StartsWith("/account/totp", second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("enrol", second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var done = await again.SubmitAsync(second.Headers.Location!.OriginalString, "/account/totp", ("code", codes[2]));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/", done.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/admin/users")).StatusCode);

        using var security = await Api("10.1.0.10").SignInAsync("secadmin", AppFactory.SecurityAdminPassword, codes[3]);
        var me = ApiClient.Id(await security.GetJsonAsync("/api/v1/me"));
        Assert.Equal(HttpStatusCode.Forbidden, (await security.Http.PostAsJsonAsync($"/api/v1/users/{me}/reset-totp", new { })).StatusCode);
        var adminKey = await EnrolAsync("admin", AppFactory.AdminPassword, "10.1.0.9");
        var adminId = ApiClient.Id((await security.GetJsonAsync("/api/v1/users?keyword=admin"))["items"]!.AsArray().Single(u => u!["userName"]!.GetValue<string>() == "admin")!);
        var reset = await security.PostOkAsync($"/api/v1/users/{adminId}/reset-totp", new { }, HttpStatusCode.OK);
        Assert.False(reset["twoFactorEnabled"]!.GetValue<bool>());
        Keys.TryRemove((factory, "admin"), out _);
        using var later = Api("10.1.0.11");
        var afterReset = await later.RequestTokenAsync("admin", AppFactory.AdminPassword, WebForms.Code(adminKey));
        Assert.Equal(HttpStatusCode.Unauthorized, afterReset.StatusCode);
        Assert.Contains("绑定", (await ApiClient.ProblemAsync(afterReset))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        var key = await EnrolAsync("auditadmin", AppFactory.AuditAdminPassword, "10.1.0.5");
        using var api = Api("10.1.0.6");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.RequestTokenAsync("auditadmin", AppFactory.AuditAdminPassword, "999999")).StatusCode);
        }
        Assert.Equal((HttpStatusCode)423, (await api.RequestTokenAsync("auditadmin", AppFactory.AuditAdminPassword, WebForms.Code(key))).StatusCode);
    }

    [Fact]
    public async Task Other_accounts_may_sign_in_without_a_second_factor()
    {
        var key = await EnrolAsync("admin", AppFactory.AdminPassword, "10.1.0.7");
        using var admin = await Api("10.1.0.8").SignInAsync("admin", AppFactory.AdminPassword, WebForms.Code(key));
        var region = await admin.CreateRegionAsync("口令区", "区");
        var unit = await admin.CreateUnitAsync("口令区司法局", region);
        var id = ApiClient.Id(await admin.PostOkAsync("/api/v1/users", new { userName = "kouling-lly", password = ApiClient.StrongPassword, unitId = unit }));
        await factory.SeedPasswordChangedAsync(id);
        using var liaison = await Api("10.1.0.8").SignInAsync("kouling-lly", ApiClient.StrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await liaison.Http.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Token_requests_beyond_the_limit_of_one_address_answer_429_with_retry_after()
    {
        using var api = Api("10.2.0.1");
        for (var i = 0; i < HardenedHost.SignInPermits; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.RequestTokenAsync("nobody", "Wrong#Password1")).StatusCode);
        }
        var limited = await api.RequestTokenAsync("nobody", "Wrong#Password1");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After missing");
        var problem = await ApiClient.ProblemAsync(limited);
        Assert.Equal("请求过于频繁", problem["title"]!.GetValue<string>());

        using var other = Api("10.2.0.2");
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.RequestTokenAsync("nobody", "Wrong#Password1")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_page_posts_beyond_the_limit_answer_429()
    {
        using var web = WebForms.Open(factory, "10.2.0.3");
        for (var i = 0; i < HardenedHost.SignInPermits; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await web.SignInAsync("nobody", "Wrong#Password1")).StatusCode);
        }
        var limited = await web.SignInAsync("nobody", "Wrong#Password1");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task Password_changes_beyond_the_limit_answer_429()
    {
        var key = await EnrolAsync("admin", AppFactory.AdminPassword, "10.2.0.4");
        using var admin = await Api("10.2.0.5").SignInAsync("admin", AppFactory.AdminPassword, WebForms.Code(key));
        var limited = false;
        for (var i = 0; i < 4 && !limited; i++)
        {
            var response = await admin.Http.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = AppFactory.AdminPassword, newPassword = "weak" });
            limited = response.StatusCode == HttpStatusCode.TooManyRequests;
            if (limited)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }
        Assert.True(limited, "no 429 after the password-change limit");
    }

    private ApiClient Api(string clientAddress)
    {
        var api = factory.Api();
        api.Http.DefaultRequestHeaders.Add(HardenedHost.ClientHeader, clientAddress);
        return api;
    }

    /// <summary>The first sign-in's enrolment, done once per account and host; the key for later codes.</summary>
    private async Task<string> EnrolAsync(string userName, string password, string clientAddress)
    {
        if (Keys.TryGetValue((factory, userName), out var known))
        {
            return known;
        }
        using var web = WebForms.Open(factory, clientAddress);
        var signIn = await web.SignInAsync(userName, password);
        var location = signIn.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/totp/enrol", location, StringComparison.Ordinal);
        var key = WebForms.KeyOf(await web.GetPageAsync(location));
        var enrolled = await web.SubmitAsync(location, "/account/totp/enrol", ("Code", WebForms.Code(key)));
        Assert.Equal(10, WebForms.RecoveryCodesOf(await enrolled.Content.ReadAsStringAsync()).Count);
        Keys[(factory, userName)] = key;
        return key;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(AppFactory, string), string> Keys = new();
}
