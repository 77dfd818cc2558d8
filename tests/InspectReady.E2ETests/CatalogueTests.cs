using Microsoft.Playwright;

namespace InspectReady.E2ETests;

public sealed class CatalogueTests(KnownAdminServer server) : IClassFixture<KnownAdminServer>
{
    [Fact]
    public async Task Filtering_the_catalogue_by_random_exam_shows_the_indicators_that_use_it()
    {
        await using var browser = await BrowserSession.OpenAsync(server);
        var page = browser.Page;
        await browser.StepAsync("sign in", () => browser.SignInAsync("admin", KnownAdminServer.AdminPassword));
        await browser.StepAsync("open the built-in framework's list", async () =>
        {
            await browser.GotoAsync("/frameworks");
            await browser.WaitInteractiveAsync();
            var row = page.Locator("[data-testid=frameworks-table] tr", new PageLocatorOptions { HasTextString = "fzzf-sx-2021" });
            await row.GetByRole(AriaRole.Link, new() { Name = "指标列表" }).ClickAsync();
            await page.WaitForURLAsync("**/indicators");
            await browser.WaitInteractiveAsync();
            await Assertions.Expect(page.Locator("[data-testid=indicator-count]")).ToHaveTextAsync("共 100 项");
        });
        await browser.StepAsync("filter by 随机抽考", async () =>
        {
            await browser.ChooseAsync(page.Locator("#method-filter .ant-select"), "随机抽考");
            await Assertions.Expect(page.Locator("[data-testid=indicator-count]")).ToHaveTextAsync("共 2 项");
            var rows = page.Locator("[data-testid=indicators-table] tbody tr.ant-table-row");
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            var numbers = await rows.Locator("td:first-child").AllInnerTextsAsync();
            Assert.Equal(["65", "95"], numbers.Select(n => n.Trim()));
            foreach (var row in await rows.AllAsync())
            {
                await Assertions.Expect(row).ToContainTextAsync("随机抽考");
            }
        });
        await browser.StepAsync("open an indicator", async () =>
        {
            await page.Locator("[data-testid=indicators-table] tbody tr.ant-table-row a").First.ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("第65项指标");
            await Assertions.Expect(page.Locator("[data-testid=checklist]")).ToBeVisibleAsync();
            // The responsible units render, the first one as lead (their tags once crashed the page's circuit).
            await Assertions.Expect(page.Locator(".ant-tag", new PageLocatorOptions { HasTextString = "（牵头）" })).ToHaveCountAsync(1);
            await browser.WaitInteractiveAsync();
        });
        Assert.Empty(browser.ForeignRequests);
        Assert.Empty(browser.FailedAssets);
        Assert.Empty(browser.ConsoleErrors);
    }
}
