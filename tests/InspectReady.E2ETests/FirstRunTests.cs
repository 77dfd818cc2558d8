using Microsoft.Playwright;

namespace InspectReady.E2ETests;

[Collection(ServerGroup.Name)]
public sealed class FirstRunTests(ServerFixture server)
{
    private const string AdminNewPassword = "Fresh#Start2026";
    private const string SecurityNewPassword = "Fresh#Secu2026";
    private const string LiaisonPassword = "Lianluo#2026a";
    private const string LiaisonNewPassword = "Lianluo#2026b";

    [Fact]
    public async Task The_sign_in_page_is_chinese_loads_every_asset_and_calls_no_other_host()
    {
        await using var browser = await BrowserSession.OpenAsync(server);
        await browser.StepAsync("open sign-in", async () =>
        {
            await browser.GotoAsync("/account/login");
            await browser.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal("zh-CN", await browser.Page.GetAttributeAsync("html", "lang"));
            Assert.Contains("法治政府建设示范创建迎检平台", await browser.Page.TitleAsync(), StringComparison.Ordinal);
            await Assertions.Expect(browser.Page.Locator("button[type=submit]")).ToHaveTextAsync("登 录");
            var firstRun = browser.Page.Locator("[data-testid=first-run]");
            foreach (var account in new[] { "admin", "secadmin", "auditadmin", "系统管理员", "安全管理员", "审计管理员" })
            {
                await Assertions.Expect(firstRun).ToContainTextAsync(account);
            }
        });
        await browser.StepAsync("wrong password", async () =>
        {
            await browser.SignInAsync("admin", "Wrong#Password1");
            await Assertions.Expect(browser.Page.Locator("[data-testid=login-error]")).ToContainTextAsync("用户名或密码错误");
        });
        Assert.Empty(browser.FailedAssets);
        Assert.Empty(browser.ForeignRequests);
    }

    [Fact]
    public async Task Admin_creates_a_unit_and_an_account_the_security_admin_grants_the_liaison_role_and_the_liaison_sees_only_that_unit()
    {
        await using var admin = await BrowserSession.OpenAsync(server);
        var page = admin.Page;

        await admin.StepAsync("admin signs in with the generated password and must change it", async () =>
        {
            await admin.SignInAsync("admin", server.InitialAdminPassword);
            await Assertions.Expect(page.Locator("[data-testid=forced-change]")).ToBeVisibleAsync();
            await admin.ChangePasswordAsync(server.InitialAdminPassword, AdminNewPassword);
            await page.WaitForURLAsync(server.BaseUrl + "/?passwordChanged=1");
            await admin.WaitInteractiveAsync();
            await Assertions.Expect(page.Locator("[data-testid=welcome]")).ToContainTextAsync("admin");
        });

        await admin.StepAsync("admin creates the district", async () =>
        {
            await admin.GotoAsync("/organisation/regions");
            await admin.WaitInteractiveAsync();
            await page.Locator("[data-testid=region-name]").FillAsync("浏览器区");
            await admin.ChooseAsync(page.Locator(".page-toolbar .ant-select").First, "区");
            await page.GetByRole(AriaRole.Button, new() { Name = "新增区划" }).ClickAsync();
            await Assertions.Expect(page.Locator(".ant-tree")).ToContainTextAsync("浏览器区（区）");
        });

        foreach (var unit in new[] { "浏览器区司法局", "浏览器区财政局" })
        {
            await admin.StepAsync($"admin creates {unit}", async () =>
            {
                await admin.GotoAsync("/organisation/units");
                await admin.WaitInteractiveAsync();
                await page.Locator("#new-unit").ClickAsync();
                await page.Locator("[data-testid=unit-name]").FillAsync(unit);
                await page.Locator(".ant-modal").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
                await Assertions.Expect(page.Locator("[data-testid=units-table]")).ToContainTextAsync(unit);
            });
        }

        await admin.StepAsync("admin creates the liaison of 浏览器区司法局", async () =>
        {
            await admin.GotoAsync("/admin/users");
            await admin.WaitInteractiveAsync();
            await page.Locator("#new-user").ClickAsync();
            var modal = page.Locator(".ant-modal");
            await modal.Locator("[data-testid=user-name]").FillAsync("liulanqi-lly");
            await modal.Locator("input[type=password]").FillAsync(LiaisonPassword);
            await admin.ChooseAsync(modal.Locator(".ant-select").Nth(0), "浏览器区司法局");
            await Assertions.Expect(modal.Locator(".ant-select")).ToHaveCountAsync(1);
            await modal.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=users-table]")).ToContainTextAsync("liulanqi-lly");
            await Assertions.Expect(page.Locator("[data-testid=edit-roles]")).ToHaveCountAsync(0);
            await admin.SignOutAsync();
        });

        await using var security = await BrowserSession.OpenAsync(server);
        await security.StepAsync("the security admin changes the generated password and grants the liaison role", async () =>
        {
            var sp = security.Page;
            await security.SignInAsync("secadmin", server.InitialSecurityAdminPassword);
            await security.ChangePasswordAsync(server.InitialSecurityAdminPassword, SecurityNewPassword);
            await sp.WaitForURLAsync(server.BaseUrl + "/?passwordChanged=1");
            await security.GotoAsync("/admin/users");
            await security.WaitInteractiveAsync();
            await Assertions.Expect(sp.Locator("#new-user")).ToHaveCountAsync(0);
            var row = sp.Locator("[data-testid=users-table] tr", new PageLocatorOptions { HasTextString = "liulanqi-lly" });
            await row.Locator("[data-testid=edit-roles]").ClickAsync();
            var modal = sp.Locator(".ant-modal:visible");
            await security.ChooseAsync(modal.Locator(".ant-select").First, "单位联络员");
            await modal.Locator(".ant-modal-title").ClickAsync();
            await modal.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(row).ToContainTextAsync("单位联络员");
            await security.SignOutAsync();
        });

        await using var liaison = await BrowserSession.OpenAsync(server);
        await liaison.StepAsync("the liaison signs in, changes the password and sees only the own unit", async () =>
        {
            await liaison.SignInAsync("liulanqi-lly", LiaisonPassword);
            await liaison.ChangePasswordAsync(LiaisonPassword, LiaisonNewPassword);
            await liaison.Page.WaitForURLAsync(server.BaseUrl + "/?passwordChanged=1");
            await liaison.GotoAsync("/organisation/units");
            await liaison.WaitInteractiveAsync();
            var table = liaison.Page.Locator("[data-testid=units-table]");
            await Assertions.Expect(table).ToContainTextAsync("浏览器区司法局");
            await Assertions.Expect(table).Not.ToContainTextAsync("浏览器区财政局");
            await Assertions.Expect(liaison.Page.Locator("text=用户与角色")).ToHaveCountAsync(0);
        });
        Assert.Empty(admin.ForeignRequests);
        Assert.Empty(liaison.ForeignRequests);
        Assert.Empty(security.ForeignRequests);
        Assert.Empty(admin.FailedAssets);
    }
}
