using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace InspectReady.E2ETests;

/// <summary>
/// In a city with several districts the 系统管理员 gives an account without a unit (创建办, 督查) its district on the
/// users page (ADR 0017), and the account has that region.
/// </summary>
public sealed class UserRegionTests(KnownAdminServer server) : IClassFixture<KnownAdminServer>
{
    private const string Password = "Region#Pick2026";

    [Fact]
    public async Task The_system_admin_creates_an_account_without_a_unit_in_a_chosen_district_and_moves_it_to_another()
    {
        using var admin = await Accounts.SignInAsync(server, "admin", KnownAdminServer.AdminPassword);
        async Task<Guid> PostAsync(string path, object body)
        {
            var response = await admin.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
            return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
        }
        var city = await PostAsync("/api/v1/regions", new { name = "选区市", level = "市" });
        var east = await PostAsync("/api/v1/regions", new { name = "选区东区", level = "区", parentId = city });
        var west = await PostAsync("/api/v1/regions", new { name = "选区西区", level = "区", parentId = city });
        await PostAsync("/api/v1/regions", new { name = "选区北市", level = "市" });

        await using var browser = await BrowserSession.OpenAsync(server);
        var page = browser.Page;
        var row = page.Locator("[data-testid=users-table] tr", new PageLocatorOptions { HasTextString = "xuanqu-cjb" });
        await browser.StepAsync("sign in", async () =>
        {
            await browser.SignInAsync("admin", KnownAdminServer.AdminPassword);
            await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        });

        await browser.StepAsync("create the office account in 选区西区", async () =>
        {
            await browser.GotoAsync("/admin/users");
            await browser.WaitInteractiveAsync();
            await page.Locator("#new-user").ClickAsync();
            var modal = page.Locator(".ant-modal:visible");
            await modal.Locator("[data-testid=user-name]").FillAsync("xuanqu-cjb");
            await modal.Locator("input[type=password]").FillAsync(Password);
            await browser.ChooseAsync(modal.Locator("[data-testid=user-region] .ant-select"), "选区市 / 选区西区");
            await modal.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(row).ToContainTextAsync("选区市 / 选区西区");
        });

        var id = Guid.Empty;
        await browser.StepAsync("the account has 选区西区", async () =>
        {
            var users = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/users?keyword=xuanqu-cjb"))!["items"]!.AsArray();
            id = Guid.Parse(Assert.Single(users)!["id"]!.GetValue<string>());
            var user = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/users/{id}"))!;
            Assert.Null(user["unitId"]?.GetValue<Guid?>());
            Assert.Equal(west, user["regionId"]!.GetValue<Guid>());
        });

        await browser.StepAsync("move it to 选区东区 in the edit form", async () =>
        {
            // A click while the create form is still closing opens nothing: wait until it is gone.
            var modal = page.Locator(".ant-modal:visible");
            await Assertions.Expect(modal).ToHaveCountAsync(0);
            await row.GetByText("编辑").ClickAsync();
            await Assertions.Expect(modal.Locator(".ant-modal-title")).ToHaveTextAsync("编辑用户");
            await Assertions.Expect(modal.Locator("[data-testid=user-region]")).ToContainTextAsync("选区市 / 选区西区");
            await browser.ChooseAsync(modal.Locator("[data-testid=user-region] .ant-select"), "选区市 / 选区东区");
            await modal.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(row).ToContainTextAsync("选区市 / 选区东区");
            var user = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/users/{id}"))!;
            Assert.Equal(east, user["regionId"]!.GetValue<Guid>());
        });
        Assert.Empty(browser.ConsoleErrors);
        Assert.Empty(browser.FailedAssets);
    }
}
