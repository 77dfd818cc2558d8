using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace InspectReady.E2ETests;

public sealed class DashboardTests(KnownAdminServer server) : IClassFixture<KnownAdminServer>
{
    private const string OfficePassword = "Office#Dash2026";

    /// <summary>
    /// A district with one unit named in the built-in task list (made by the 系统管理员), and a campaign over that
    /// framework (made by the 创建办), over the API.
    /// </summary>
    private async Task<Guid> CampaignAsync()
    {
        using var admin = await Accounts.SignInAsync(server, "admin", KnownAdminServer.AdminPassword);
        var http = admin;
        async Task<JsonNode> PostAsync(string path, object body)
        {
            var response = await http.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
            return JsonNode.Parse(text)!;
        }
        var city = (await PostAsync("/api/v1/regions", new { name = "平顶山市", level = "市" }))["id"]!.GetValue<string>();
        var district = (await PostAsync("/api/v1/regions", new { name = "卫东区", level = "区", parentId = city }))["id"]!.GetValue<string>();
        await PostAsync("/api/v1/units", new { name = "区司法局", regionId = district, kind = "区直单位", aliases = Array.Empty<string>(), tags = Array.Empty<string>() });
        // Campaigns and their dashboards are the 创建办's, in its own region (ADR 0017).
        await Accounts.CreateInRegionAsync(server, admin, "dash-office", OfficePassword, Guid.Parse(district), "创建办", "创建办");
        using var office = await Accounts.SignInAsync(server, "dash-office", OfficePassword);
        http = office;
        var frameworks = (await http.GetFromJsonAsync<JsonArray>("/api/v1/frameworks"))!;
        var builtIn = frameworks.Single(f => f!["code"]!.GetValue<string>() == "fzzf-sx-2021")!["id"]!.GetValue<string>();
        var campaign = await PostAsync("/api/v1/campaigns", new
        {
            name = "卫东区示范创建", frameworkId = builtIn, regionId = district, deadline = DateTime.Today.AddDays(20).ToString("yyyy-MM-dd"),
        });
        Assert.True(campaign["taskCount"]!.GetValue<int>() > 0);
        return Guid.Parse(campaign["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_overview_draws_its_charts_with_the_products_own_echarts()
    {
        var campaign = await CampaignAsync();
        await using var browser = await BrowserSession.OpenAsync(server);
        var page = browser.Page;
        page.SetDefaultNavigationTimeout(60000);
        await browser.StepAsync("sign in", () => browser.SignInAsync("dash-office", OfficePassword));
        await browser.StepAsync("open the overview", async () =>
        {
            await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
            await browser.GotoAsync($"/campaigns/{campaign}/dashboard");
            await browser.WaitInteractiveAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("进度看板");
            await Assertions.Expect(page.Locator("[data-testid=dashboard-cards]")).ToContainTextAsync("任务");
        });
        await browser.StepAsync("see the charts drawn on canvas", async () =>
        {
            foreach (var chart in new[] { "chart-status", "chart-level1", "chart-methods", "chart-ranking" })
            {
                var canvas = page.Locator($"[data-testid={chart}] canvas");
                // The first chart waits for echarts.min.js (1.1 MB) to load: allow for a slow machine.
                await Assertions.Expect(canvas.First).ToBeVisibleAsync(new() { Timeout = 30000 });
                var box = await canvas.First.BoundingBoxAsync();
                Assert.True(box is { Width: > 100, Height: > 100 }, $"{chart} canvas is {box?.Width}×{box?.Height}");
            }
            await Assertions.Expect(page.Locator("[data-testid=chart-ranking]")).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 30000 });
            // The bars carry the ranking's unit name: ECharts drew the data, not an empty frame.
            Assert.True(await page.EvaluateAsync<bool>(
                "() => echarts.getInstanceByDom(document.querySelector('[data-testid=chart-ranking]')).getOption().yAxis[0].data.some(n => n.includes('区司法局'))"));
        });
        await browser.StepAsync("open the matrix", async () =>
        {
            await page.Locator("[data-testid=dashboard-nav] a", new PageLocatorOptions { HasTextString = "指标×单位" }).ClickAsync();
            await page.WaitForURLAsync("**/dashboard/matrix");
            await Assertions.Expect(page.Locator("[data-testid=matrix] thead")).ToContainTextAsync("区司法局");
            var cells = page.Locator("[data-testid=matrix] td.matrix-cell a[data-status='draft']");
            Assert.True(await cells.CountAsync() > 0);
            Assert.StartsWith("/tasks/", await cells.First.GetAttributeAsync("href"), StringComparison.Ordinal);
        });
        Assert.Empty(browser.ForeignRequests);
        Assert.Empty(browser.FailedAssets);
    }
}
