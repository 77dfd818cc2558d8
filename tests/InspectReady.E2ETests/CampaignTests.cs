using Microsoft.Playwright;

namespace InspectReady.E2ETests;

public sealed class CampaignTests(KnownAdminServer server) : IClassFixture<KnownAdminServer>
{
    [Fact]
    public async Task The_office_maps_an_unknown_unit_name_creates_a_campaign_and_regenerates_tasks()
    {
        var world = await CampaignSetup.CreateAsync(server, "活动");
        await using var office = await BrowserSession.OpenAsync(server);
        var page = office.Page;
        await office.SignInAsync(world.Office, CampaignSetup.Password);
        var first = page.Locator("[data-testid=campaigns] .ant-card", new() { Has = page.Locator("[data-testid=campaign-title]", new() { HasTextString = "活动创建活动" }) });

        await office.StepAsync("the campaign lists its tasks and the name that matches no unit", async () =>
        {
            await office.OpenAsync("/campaigns");
            await Assertions.Expect(first.Locator("[data-testid=task-count]")).ToHaveTextAsync("3");
            await Assertions.Expect(first.Locator("[data-testid=unmatched]")).ToContainTextAsync("活动丙局");
            await Assertions.Expect(first.Locator("[data-testid=unmatched]")).ToContainTextAsync("第3项");
        });

        await office.StepAsync("mapping the name to a unit creates its task", async () =>
        {
            var row = first.Locator("[data-testid=unmatched] tbody tr", new() { HasTextString = "活动丙局" });
            await office.ChooseAsync(row.Locator(".ant-select"), "活动乙局");
            await row.GetByRole(AriaRole.Button, new() { Name = "保存对应" }).ClickAsync();
            await Assertions.Expect(first).ToContainTextAsync("已重新生成：新增1项，更新0项，移除0项，保留已填报0项");
            await Assertions.Expect(first.Locator("[data-testid=task-count]")).ToHaveTextAsync("4");
            await Assertions.Expect(first.Locator("[data-testid=unmatched]")).ToHaveCountAsync(0);
        });

        await office.StepAsync("regenerating again changes nothing", async () =>
        {
            await first.GetByRole(AriaRole.Button, new() { Name = "重新生成任务" }).ClickAsync();
            await Assertions.Expect(first).ToContainTextAsync("已重新生成：新增0项，更新0项，移除0项，保留已填报0项");
        });

        await office.StepAsync("the office creates a second campaign with the form", async () =>
        {
            var form = page.Locator("[data-testid=create-campaign]");
            await form.Locator("[data-testid=campaign-name]").FillAsync("活动第二轮");
            await office.ChooseAsync(page.Locator("#campaign-framework .ant-select"), "活动指标体系");
            await office.ChooseAsync(page.Locator("#campaign-region .ant-select"), "活动区");
            var pickers = form.Locator(".ant-picker input");
            await BrowserSession.TypeDateAsync(pickers.Nth(0), "2021-06-30");
            await BrowserSession.TypeDateAsync(pickers.Nth(1), DateTime.Today.AddDays(20).ToString("yyyy-MM-dd"));
            await page.Locator("#create-campaign").ClickAsync();
            var second = page.Locator("[data-testid=campaigns] .ant-card", new() { Has = page.Locator("[data-testid=campaign-title]", new() { HasTextString = "活动第二轮" }) });
            await Assertions.Expect(second.Locator("[data-testid=task-count]")).ToHaveTextAsync("3");
            await Assertions.Expect(second.Locator("[data-testid=unmatched]")).ToContainTextAsync("活动丙局");
            await office.SnapshotAsync("campaigns");
        });
        Assert.Empty(office.ConsoleErrors);
        Assert.Empty(office.FailedAssets);
    }

}
