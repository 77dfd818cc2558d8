using InspectReady.Web.Domain.Access;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InspectReady.E2ETests;

[Collection(ServerGroup.Name)]
public sealed class CalendarMonthViewTests(ServerFixture server)
{
    private const string Password = "Riliban#2026x";

    /// <summary>A 创建办 account made directly, so this test does not depend on the order of the other browser tests.</summary>
    private async Task<string> OfficeUserAsync()
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = "rili-" + Guid.NewGuid().ToString("N")[..6];
        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = name, DisplayName = "日历测试", PasswordChangedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Office)).Succeeded);
        return name;
    }

    [Fact]
    public async Task The_month_view_marks_national_day_2021_holidays_and_the_worked_saturday_and_navigates()
    {
        var name = await OfficeUserAsync();
        await using var browser = await BrowserSession.OpenAsync(server);
        var page = browser.Page;

        await browser.StepAsync("sign in and open October 2021", async () =>
        {
            await browser.SignInAsync(name, Password);
            await page.WaitForURLAsync(server.BaseUrl + "/");
            await browser.GotoAsync("/calendar?year=2021&month=10");
            await browser.WaitInteractiveAsync();
            await Assertions.Expect(page.Locator("[data-testid=month-title]")).ToHaveTextAsync("2021 年 10 月");
        });

        await browser.StepAsync("holidays show 休 and the worked Saturday shows 班", async () =>
        {
            var holiday = page.Locator("td[data-date='2021-10-01']");
            await Assertions.Expect(holiday).ToHaveAttributeAsync("data-kind", "holiday");
            await Assertions.Expect(holiday).ToContainTextAsync("休");
            await Assertions.Expect(holiday).ToContainTextAsync("国庆节");
            var worked = page.Locator("td[data-date='2021-10-09']");
            await Assertions.Expect(worked).ToHaveAttributeAsync("data-kind", "adjusted_workday");
            await Assertions.Expect(worked).ToContainTextAsync("班");
            await Assertions.Expect(page.Locator("td[data-date='2021-10-10']")).ToHaveAttributeAsync("data-kind", "weekend");
            // 21 weekdays, minus 10/1 and 10/4–10/7, plus Sat 10/9.
            await Assertions.Expect(page.Locator("[data-testid=month-summary]")).ToContainTextAsync("本月工作日 17 天");
        });

        await browser.StepAsync("back to September: Sunday 9/26 is worked", async () =>
        {
            await page.Locator("#prev-month").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=month-title]")).ToHaveTextAsync("2021 年 9 月");
            await Assertions.Expect(page.Locator("td[data-date='2021-09-26']")).ToContainTextAsync("班");
        });

        await browser.StepAsync("a day clicked fills the editor of the administration area", async () =>
        {
            await page.Locator("td[data-date='2021-09-26']").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=edit-date]")).ToHaveValueAsync("2021-09-26");
            await Assertions.Expect(page.Locator("[data-testid=edit-name]")).ToHaveValueAsync("国庆节");
        });

        await browser.StepAsync("a file with an adjusted working day on a weekday is refused with the reason", async () =>
        {
            var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(file, """{"year": 2033, "papers": ["https://example.invalid/n"], "days": [{"name": "国庆节", "date": "2033-10-10", "isOffDay": false}]}""");
            await page.Locator("[data-testid=calendar-import-file]").SetInputFilesAsync(file);
            await Assertions.Expect(page.Locator("[data-testid=calendar-errors]")).ToContainTextAsync("调休上班日不在周末");
            File.Delete(file);
        });
        Assert.Empty(browser.ForeignRequests);
        Assert.Empty(browser.FailedAssets);
    }
}
