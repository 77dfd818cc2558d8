using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace InspectReady.E2ETests;

/// <summary>An open page ends when its account changes, and at the idle limit after a warning.</summary>
public sealed class SessionTests(ShortSessionServer server) : IClassFixture<ShortSessionServer>
{
    private const string Password = "Session#2026ok";

    [Fact]
    public async Task An_open_page_ends_at_the_sign_in_page_soon_after_an_administrator_disables_the_account()
    {
        using var admin = await Accounts.SignInAsync(server, "admin", KnownAdminServer.AdminPassword);
        var userId = await CreateLiaisonAsync(admin, "停用", "tingyong-lly");
        await using var browser = await BrowserSession.OpenAsync(server);
        var page = browser.Page;
        await browser.StepAsync("sign in and open a page", async () =>
        {
            await browser.SignInAsync("tingyong-lly", Password);
            await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
            await browser.GotoAsync("/calendar");
            await browser.WaitInteractiveAsync();
        });
        await browser.StepAsync("the administrator disables the account", async () =>
        {
            var response = await admin.PostAsync($"/api/v1/users/{userId}/disable", null);
            Assert.True(response.IsSuccessStatusCode, $"disable gave {(int)response.StatusCode}");
        });
        await browser.StepAsync("the page ends at the sign-in page within the revalidation interval", async () =>
        {
            await page.WaitForURLAsync("**/account/login?error=ended**", new() { Timeout = 10000 });
            await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("登录已失效");
        });
        await browser.StepAsync("the cookie no longer opens a page", async () =>
        {
            await browser.GotoAsync("/calendar");
            await page.WaitForURLAsync("**/account/login**");
        });
        Assert.Empty(browser.FailedAssets);
        Assert.Empty(browser.ForeignRequests);
    }

    [Fact]
    public async Task An_idle_page_warns_offers_to_continue_and_signs_out_at_the_limit()
    {
        using var admin = await Accounts.SignInAsync(server, "admin", KnownAdminServer.AdminPassword);
        await CreateLiaisonAsync(admin, "空闲", "kongxian-lly");
        await using var browser = await BrowserSession.OpenAsync(server);
        var page = browser.Page;
        var warning = page.Locator("[data-testid=idle-warning]");
        await browser.StepAsync("sign in and open a page", async () =>
        {
            await browser.SignInAsync("kongxian-lly", Password);
            await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
            await browser.GotoAsync("/calendar");
            await browser.WaitInteractiveAsync();
        });
        await browser.StepAsync("the warning shows before the limit and 继续 keeps the session", async () =>
        {
            await Assertions.Expect(warning).ToBeVisibleAsync(new() { Timeout = 20000 });
            await Assertions.Expect(warning).ToContainTextAsync("自动退出登录");
            await page.ClickAsync("#idle-continue");
            await Assertions.Expect(warning).ToBeHiddenAsync();
            Assert.Contains("/calendar", page.Url, StringComparison.Ordinal);
        });
        await browser.StepAsync("left alone, the page signs out at the limit", async () =>
        {
            await Assertions.Expect(warning).ToBeVisibleAsync(new() { Timeout = 20000 });
            await page.WaitForURLAsync("**/account/login?error=idle", new() { Timeout = 20000 });
            await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("长时间未操作");
        });
        await browser.StepAsync("the session is gone", async () =>
        {
            await browser.GotoAsync("/calendar");
            await page.WaitForURLAsync("**/account/login**");
        });
        Assert.Empty(browser.FailedAssets);
    }

    /// <summary>A unit's liaison in a district of its own: the 系统管理员 creates it, the 安全管理员 grants the role.</summary>
    private async Task<Guid> CreateLiaisonAsync(HttpClient admin, string prefix, string userName)
    {
        var city = await IdAsync(await admin.PostAsJsonAsync("/api/v1/regions", new { name = $"{prefix}市", level = "市" }));
        var district = await IdAsync(await admin.PostAsJsonAsync("/api/v1/regions", new { name = $"{prefix}区", level = "区", parentId = city }));
        var unit = await IdAsync(await admin.PostAsJsonAsync("/api/v1/units", new { name = $"{prefix}局", regionId = district, kind = "区直单位", aliases = Array.Empty<string>(), tags = Array.Empty<string>() }));
        return await Accounts.CreateAsync(server, admin, userName, Password, unit, "联络员", "单位联络员");
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}: {text}");
        return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
    }
}
