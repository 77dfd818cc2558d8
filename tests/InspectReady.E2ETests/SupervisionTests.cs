using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace InspectReady.E2ETests;

public sealed class SupervisionTests(KnownAdminServer server) : IClassFixture<KnownAdminServer>
{
    private const string Password = "Liaison#2026ok";

    private static async Task<HttpClient> SignInAsync(string baseUrl, string userName, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password })).Content.ReadFromJsonAsync<JsonObject>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!["accessToken"]!.GetValue<string>());
        return http;
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task A_liaison_answers_a_notice_on_its_page_and_the_office_sees_it_answered()
    {
        using var admin = await SignInAsync(server.BaseUrl, "admin", KnownAdminServer.AdminPassword);
        var city = (await PostAsync(admin, "/api/v1/regions", new { name = "督导市", level = "市" }))["id"]!.GetValue<string>();
        var district = (await PostAsync(admin, "/api/v1/regions", new { name = "督导区", level = "区", parentId = city }))["id"]!.GetValue<string>();
        var unit = (await PostAsync(admin, "/api/v1/units", new { name = "区司法局", regionId = district, kind = "区直单位", aliases = Array.Empty<string>(), tags = Array.Empty<string>() }))["id"]!.GetValue<string>();
        await Accounts.CreateAsync(server, admin, "sf-lly", Password, Guid.Parse(unit), null, "单位联络员");
        await Accounts.CreateInRegionAsync(server, admin, "office", Password, Guid.Parse(district), null, "创建办");
        var frameworks = (await admin.GetFromJsonAsync<JsonArray>("/api/v1/frameworks"))!;
        var builtIn = frameworks.Single(f => f!["code"]!.GetValue<string>() == "fzzf-sx-2021")!["id"]!.GetValue<string>();
        using var office = await SignInAsync(server.BaseUrl, "office", Password);
        var campaign = (await PostAsync(office, "/api/v1/campaigns", new
        {
            name = "督导创建", frameworkId = builtIn, regionId = district, deadline = DateTime.Today.AddDays(20).ToString("yyyy-MM-dd"),
        }))["id"]!.GetValue<string>();
        var notice = (await PostAsync(office, $"/api/v1/campaigns/{campaign}/supervision/notices", new
        {
            unitId = unit, title = "材料报送滞后", deadline = DateTime.Today.AddDays(5).ToString("yyyy-MM-dd"), items = new[] { "补充数据" },
        }))["id"]!.GetValue<string>();

        await using var browser = await BrowserSession.OpenAsync(server);
        var page = browser.Page;
        page.SetDefaultNavigationTimeout(60000);
        await browser.StepAsync("sign in as the liaison", () => browser.SignInAsync("sf-lly", Password));
        await browser.StepAsync("open the unit's notices", async () =>
        {
            await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
            await browser.GotoAsync($"/campaigns/{campaign}/supervision");
            await browser.WaitInteractiveAsync();
            await page.Locator("[data-testid=notices-table] a", new PageLocatorOptions { HasTextString = "督办〔" }).ClickAsync();
            await page.WaitForURLAsync($"**/supervision/notices/{notice}");
            await browser.WaitInteractiveAsync();
            await Assertions.Expect(page.Locator("[data-testid=notice-status]")).ToHaveTextAsync("待答复");
        });
        await browser.StepAsync("answer the item", async () =>
        {
            await page.Locator("[data-testid=notice-items] textarea").FillAsync("已补充2020年以来的数据");
            await page.Locator("[data-testid=notice-items] button", new PageLocatorOptions { HasTextString = "保存答复" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=notice-status]")).ToHaveTextAsync("已答复");
            await Assertions.Expect(page.Locator("[data-testid=notice-items] .answer")).ToContainTextAsync("sf-lly");
        });
        var seen = await office.GetFromJsonAsync<JsonObject>($"/api/v1/supervision/notices/{notice}");
        Assert.Equal("answered", seen!["status"]!.GetValue<string>());
        Assert.Equal("已答复", seen["statusLabel"]!.GetValue<string>());
        Assert.Equal("已补充2020年以来的数据", seen["items"]![0]!["answer"]!.GetValue<string>());
        Assert.Empty(browser.ForeignRequests);
        Assert.Empty(browser.FailedAssets);
    }
}
