using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InspectReady.E2ETests;

[Collection(ServerGroup.Name)]
public sealed class CaseFilePagesTests(ServerFixture server)
{
    private const string Password = "Anjuan#2026x";

    /// <summary>A unit with a liaison, and an office user, made directly so the test stands alone.</summary>
    private async Task<(string Liaison, string Office)> PeopleAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var region = new Region { Name = $"浏览器评查区{suffix}", Level = RegionLevel.District };
        var unit = new Unit { Name = $"浏览器评查区司法局{suffix}", Kind = UnitKind.DistrictDepartment, RegionId = region.Id };
        db.Regions.Add(region);
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        async Task<string> UserAsync(string name, Guid? unitId, string role)
        {
            var user = new AppUser { Id = Guid.CreateVersion7(), UserName = name, UnitId = unitId, RegionId = region.Id, PasswordChangedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return name;
        }
        return (await UserAsync($"pc-lly-{suffix}", unit.Id, Roles.UnitLiaison), await UserAsync($"pc-off-{suffix}", null, Roles.Office));
    }

    [Fact]
    public async Task A_liaison_registers_a_case_through_the_form_and_sees_its_checks_and_the_office_opens_every_review_page()
    {
        var (liaison, office) = await PeopleAsync();
        await using var browser = await BrowserSession.OpenAsync(server);
        var page = browser.Page;

        await browser.StepAsync("the liaison registers a penalty case", async () =>
        {
            await browser.SignInAsync(liaison, Password);
            await page.WaitForURLAsync(server.BaseUrl + "/");
            await browser.GotoAsync("/case-files");
            await browser.WaitInteractiveAsync();
            await page.Locator("#new-case").ClickAsync();
            await page.Locator("input[data-field=caseNumber]").FillAsync("浏览器罚〔2021〕1号");
            await page.Locator("input[data-field=cause]").FillAsync("未按规定公示");
            await page.Locator("input[data-field=party]").FillAsync("某某公司");
            await page.Locator("input[data-field=officer1Name]").FillAsync("张三");
            await page.Locator("input[data-field=officer1Certificate]").FillAsync("41040001");
            await page.Locator("input[data-field=decidedOn]").FillAsync("2021-09-28");
            await page.Locator("input[data-field=publishedOn]").FillAsync("2021-10-14");
            await page.Locator(".ant-modal").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=cases-table]")).ToContainTextAsync("浏览器罚〔2021〕1号");
            await Assertions.Expect(page.Locator("[data-testid=cases-table]")).ToContainTextAsync("2 项不通过");
        });

        await browser.StepAsync("the case page shows each check with its rule, dates and working days", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "浏览器罚〔2021〕1号" }).ClickAsync();
            var checks = page.Locator("[data-testid=checks-table]");
            await Assertions.Expect(checks).ToContainTextAsync("执法决定公示时限");
            await Assertions.Expect(checks).ToContainTextAsync("8 个工作日");
            await Assertions.Expect(checks).ToContainTextAsync("期限：2021-10-13");
            await Assertions.Expect(checks).ToContainTextAsync("仅登记1名执法人员");
            await browser.SignOutAsync();
        });

        await browser.StepAsync("the office opens sampling, templates, reviews, results and rectifications", async () =>
        {
            await browser.SignInAsync(office, Password);
            await page.WaitForURLAsync(server.BaseUrl + "/");
            foreach (var (path, title) in new[]
            {
                ("/case-files/sampling", "随机抽查"), ("/case-files/templates", "评查标准"), ("/case-files/reviews", "待评查案卷"),
                ("/case-files/results", "评查结果"), ("/case-files/rectifications", "整改清单"), ("/case-files", "案卷登记"),
            })
            {
                await browser.GotoAsync(path);
                await browser.WaitInteractiveAsync();
                await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
            }
            await browser.GotoAsync("/case-files/templates");
            await browser.WaitInteractiveAsync();
            // The built-in 行政处罚 standard: 14 items.
            await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(14);
        });
        Assert.Empty(browser.ForeignRequests);
        Assert.Empty(browser.FailedAssets);
    }
}
