using System.Net;
using System.Net.Http.Json;
using InspectReady.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class SessionScenarios(AppFactory factory)
{
    [Fact]
    public async Task A_cookie_session_ends_at_the_absolute_lifetime_although_sliding_renewal_keeps_it_alive()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("时限");
        var clock = new ShiftingClock();
        await using var host = WithClock(clock);
        using var http = CookieSession.Client(host);
        await CookieSession.SignInAsync(http, district.LiaisonA, ApiClient.StrongPassword);

        // A request every 20 minutes: never idle for 30, so only the 8-hour limit can end the session.
        await AssertActiveSessionEndsAtAsync(http, clock, TimeSpan.FromMinutes(20), TimeSpan.FromHours(8));
        var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_session_ends_after_30_idle_minutes()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("闲置");
        var clock = new ShiftingClock();
        await using var host = WithClock(clock);
        using var http = CookieSession.Client(host);
        await CookieSession.SignInAsync(http, district.LiaisonA, ApiClient.StrongPassword);
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/me")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_security_administrators_policy_tightens_the_idle_and_absolute_limits()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        using var security = await factory.Api().SignInAsSecurityAdminAsync();
        var district = await admin.CreateDistrictAsync("策略时限");
        Assert.Equal(HttpStatusCode.OK, (await security.Http.PutAsJsonAsync("/api/v1/security-policy", new { sessionIdleMinutes = 10, sessionAbsoluteHours = 2 })).StatusCode);
        try
        {
            var clock = new ShiftingClock();
            await using var host = WithClock(clock);
            using (var idle = CookieSession.Client(host))
            {
                await CookieSession.SignInAsync(idle, district.LiaisonA, ApiClient.StrongPassword);
                clock.Advance(TimeSpan.FromMinutes(9));
                Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/api/v1/me")).StatusCode);
                clock.Advance(TimeSpan.FromMinutes(9));
                Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/api/v1/me")).StatusCode);
                clock.Advance(TimeSpan.FromMinutes(11));
                Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/v1/me")).StatusCode);
            }
            using var busy = CookieSession.Client(host);
            await CookieSession.SignInAsync(busy, district.LiaisonA, ApiClient.StrongPassword);
            await AssertActiveSessionEndsAtAsync(busy, clock, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2));
        }
        finally
        {
            await security.Http.PutAsJsonAsync("/api/v1/security-policy", new { sessionIdleMinutes = 30, sessionAbsoluteHours = 8 });
        }
    }

    [Fact]
    public async Task An_unsafe_api_call_with_only_the_cookie_is_refused_and_with_the_antiforgery_token_accepted()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("防伪");
        using var http = CookieSession.Client(factory);
        await CookieSession.SignInAsync(http, district.LiaisonA, ApiClient.StrongPassword);

        var bare = await http.PutAsJsonAsync("/api/v1/me/reminder-email", new { email = "a@example.gov.cn" });
        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        var problem = await ApiClient.ProblemAsync(bare);
        Assert.Equal("缺少防伪令牌", problem["title"]!.GetValue<string>());
        Assert.Contains("X-CSRF-TOKEN", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var forged = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/reminder-email") { Content = JsonContent.Create(new { email = "a@example.gov.cn" }) };
        forged.Headers.Add(CookieSession.AntiforgeryHeader, "not-a-token");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(forged)).StatusCode);

        var token = await CookieSession.AntiforgeryTokenAsync(http);
        var signed = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/reminder-email") { Content = JsonContent.Create(new { email = "a@example.gov.cn" }) };
        signed.Headers.Add(CookieSession.AntiforgeryHeader, token);
        var accepted = await http.SendAsync(signed);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"with the token: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        Assert.Equal("a@example.gov.cn", (await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/me/reminder-email"))!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bearer_calls_and_the_token_endpoint_need_no_antiforgery_token()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("令牌");
        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
        var put = await liaison.Http.PutAsJsonAsync("/api/v1/me/reminder-email", new { email = "b@example.gov.cn" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        // A browser that holds a sign-in cookie and also sends a bearer token is judged by the token.
        using var both = CookieSession.Client(factory);
        await CookieSession.SignInAsync(both, district.LiaisonA, ApiClient.StrongPassword);
        both.DefaultRequestHeaders.Authorization = liaison.Http.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await both.PutAsJsonAsync("/api/v1/me/reminder-email", new { email = "c@example.gov.cn" })).StatusCode);
    }

    [Fact]
    public async Task Changing_a_users_unit_ends_the_users_tokens()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("换单位");
        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await liaison.Http.GetAsync("/api/v1/me")).StatusCode);
        var me = await liaison.GetJsonAsync("/api/v1/me");

        var moved = await admin.Http.PutAsJsonAsync($"/api/v1/users/{me["id"]!.GetValue<string>()}",
            new { unitId = district.UnitB });
        Assert.True(moved.IsSuccessStatusCode, $"moving the user: {(int)moved.StatusCode} {await moved.Content.ReadAsStringAsync()}");

        var after = await liaison.Http.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("登录已失效", (await ApiClient.ProblemAsync(after))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pages_and_api_answers_carry_the_security_headers_and_api_answers_and_downloads_are_not_stored()
    {
        using var http = CookieSession.Client(factory);
        var page = await http.GetAsync("/account/login");
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.StartsWith("script-src 'self'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scripts, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(page.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain HTTP");

        using var admin = await factory.Api().SignInAsAdminAsync();
        var me = await admin.Http.GetAsync("/api/v1/me");
        Assert.True(me.Headers.CacheControl?.NoStore, "API answers are not stored");
        Assert.Contains("frame-ancestors 'none'", string.Join(";", me.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var download = await admin.Http.GetAsync("/api/v1/calendar/years/2024/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(download.Headers.CacheControl?.NoStore, "downloads are not stored");
        var refused = await factory.Api().Http.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(refused.Headers.CacheControl?.NoStore, "refusals are not stored either");
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_a_configured_proxy()
    {
        await using var unknown = WithProxy("192.0.2.10");
        Assert.False((await ForwardedHttpsAsync(unknown)).Headers.Contains("Strict-Transport-Security"),
            "X-Forwarded-Proto from an address not in ForwardedHeaders:KnownProxies is ignored");

        await using var none = WithProxy(null);
        Assert.False((await ForwardedHttpsAsync(none)).Headers.Contains("Strict-Transport-Security"),
            "with no proxy listed nobody's forwarded headers count");

        await using var known = WithProxy("127.0.0.1");
        var trusted = await ForwardedHttpsAsync(known);
        Assert.Equal("max-age=31536000", trusted.Headers.GetValues("Strict-Transport-Security").Single());
    }

    private static async Task<HttpResponseMessage> ForwardedHttpsAsync(WebApplicationFactory<Program> host)
    {
        using var http = host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await http.SendAsync(request);
    }

    private WebApplicationFactory<Program> WithClock(ShiftingClock clock) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

    private WebApplicationFactory<Program> WithProxy(string? proxy) =>
        factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("ForwardedHeaders:Enabled", "true");
            if (proxy is not null)
            {
                b.UseSetting("ForwardedHeaders:KnownProxies:0", proxy);
            }
        });

    /// <summary>
    /// A session used every <paramref name="step"/> (never idle) answers 200 until <paramref name="limit"/>, and 401 at
    /// the first request past it.
    /// </summary>
    private static async Task AssertActiveSessionEndsAtAsync(HttpClient http, ShiftingClock clock, TimeSpan step, TimeSpan limit)
    {
        for (var elapsed = step; elapsed < limit; elapsed += step)
        {
            clock.Advance(step);
            var during = await http.GetAsync("/api/v1/me");
            Assert.True(during.StatusCode == HttpStatusCode.OK, $"after {elapsed}: {(int)during.StatusCode}");
        }
        clock.Advance(step);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/me")).StatusCode);
    }
}
