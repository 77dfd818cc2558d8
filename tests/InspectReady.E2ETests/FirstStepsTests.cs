using Microsoft.Playwright;

namespace InspectReady.E2ETests;

/// <summary>A newcomer's first look: 工作台 of a system without units, accounts or a campaign says what to do first.</summary>
public sealed class FirstStepsTests(KnownAdminServer server) : IClassFixture<KnownAdminServer>
{
    [Fact]
    public async Task The_home_page_of_an_empty_system_lists_the_first_steps_with_links_for_the_role_that_does_each()
    {
        await using var admin = await BrowserSession.OpenAsync(server);
        await admin.StepAsync("the 系统管理员 is asked to build the organisation and the accounts", async () =>
        {
            await admin.SignInAsync("admin", KnownAdminServer.AdminPassword);
            await admin.Page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
            await admin.WaitInteractiveAsync();
            var steps = admin.Page.Locator("[data-testid=first-steps]");
            await Assertions.Expect(steps.Locator("[data-testid=first-step-1]")).ToContainTextAsync("请您完成");
            await Assertions.Expect(steps.Locator("[data-testid=first-step-1] a[href='/organisation/units']")).ToBeVisibleAsync();
            await Assertions.Expect(steps.Locator("[data-testid=first-step-2] a[href='/admin/users']")).ToBeVisibleAsync();
            await Assertions.Expect(steps.Locator("[data-testid=first-step-3]")).ToContainTextAsync("待他人完成");
            await Assertions.Expect(steps.Locator("[data-testid=first-step-3] a")).ToHaveCountAsync(0);
            await steps.Locator("[data-testid=first-step-1] a[href='/organisation/units']").ClickAsync();
            await admin.Page.WaitForURLAsync("**/organisation/units");
        });

        await using var security = await BrowserSession.OpenAsync(server);
        await security.StepAsync("the 安全管理员 sees only the roles step as theirs", async () =>
        {
            await security.SignInAsync("secadmin", KnownAdminServer.SecurityAdminPassword);
            await security.Page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
            await security.WaitInteractiveAsync();
            var steps = security.Page.Locator("[data-testid=first-steps]");
            await Assertions.Expect(steps.Locator("[data-testid=first-step-2]")).ToContainTextAsync("请您完成");
            await Assertions.Expect(steps.Locator("[data-testid=first-step-1] a")).ToHaveCountAsync(0);
        });
        Assert.Empty(admin.ConsoleErrors);
        Assert.Empty(security.ConsoleErrors);
    }
}
