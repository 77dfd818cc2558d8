using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InspectReady.E2ETests;

/// <summary>The office's exam pages (issue 12): the bank, a blueprint the bank cannot meet, the draw, the slips and the results.</summary>
[Collection(ServerGroup.Name)]
public sealed class ExamPagesTests(ServerFixture server)
{
    private const string Password = "Kaoshi#2026x";

    /// <summary>A district with one unit of three enforcement officers and its office account, made directly.</summary>
    private async Task<(string Office, string UnitName)> DistrictAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var region = new Region { Name = $"浏览器考试区{suffix}", Level = RegionLevel.District };
        var unit = new Unit { Name = $"浏览器考试区司法局{suffix}", Kind = UnitKind.DistrictDepartment, RegionId = region.Id };
        db.Regions.Add(region);
        db.Units.Add(unit);
        for (var i = 0; i < 3; i++)
        {
            db.People.Add(new Person
            {
                Name = $"考生{suffix}{i}", UnitId = unit.Id, CampaignRole = "联络员", Position = "科员", EnforcementCertificate = $"4104{i:0000}",
                CertificateValidUntil = new DateOnly(2099, 12, 31),
            });
        }
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = $"ks-off-{suffix}", RegionId = region.Id, PasswordChangedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Office)).Succeeded);
        return (user.UserName, unit.Name);
    }

    [Fact]
    public async Task The_office_creates_an_exam_through_the_pages_draws_examinees_prints_slips_and_reads_the_results()
    {
        var (office, unitName) = await DistrictAsync();
        await using var browser = await BrowserSession.OpenAsync(server);
        var page = browser.Page;
        // The whole path runs on a shared, loaded machine: give each wait a minute.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        await browser.StepAsync("the office signs in", async () =>
        {
            await browser.SignInAsync(office, Password);
            await page.WaitForURLAsync(server.BaseUrl + "/", new() { Timeout = 60_000 });
        });

        await browser.StepAsync("the office loads the sample bank", async () =>
        {
            await browser.GotoAsync("/exams/questions");
            await browser.WaitInteractiveAsync();
            await page.Locator("[data-testid=load-samples] button").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=questions-table]")).ToContainTextAsync("示例");
        });

        string examUrl = "";
        await browser.StepAsync("a blueprint the bank cannot meet names its cells; a feasible one creates the exam", async () =>
        {
            await browser.GotoAsync("/exams");
            await browser.WaitInteractiveAsync();
            await page.Locator("[data-testid=new-exam] button").ClickAsync();
            await page.Locator("[data-testid=exam-name] input").FillAsync("浏览器抽考");
            var rows = page.Locator("[data-testid=blueprint] tbody tr");
            var firstCount = rows.Nth(0).Locator("td").Nth(3).Locator("input");
            await firstCount.FillAsync("200");
            await firstCount.PressAsync("Tab");
            await page.Locator("[data-testid=exam-create] button").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=blueprint-lacking]")).ToContainTextAsync("单项选择题");
            await Assertions.Expect(page.Locator("[data-testid=blueprint-lacking]")).ToContainTextAsync("缺");
            await firstCount.FillAsync("2");
            await firstCount.PressAsync("Tab");
            var secondCount = rows.Nth(1).Locator("td").Nth(3).Locator("input");
            await secondCount.FillAsync("2");
            await secondCount.PressAsync("Tab");
            await page.Locator("[data-testid=exam-create] button").ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/exams/[0-9a-f-]{36}$"), new() { Timeout = 60_000 });
            examUrl = new Uri(page.Url).AbsolutePath;
            await Assertions.Expect(page.Locator("[data-testid=exam-title]")).ToHaveTextAsync("浏览器抽考");
        });

        await browser.StepAsync("the office draws one officer per unit with a seed", async () =>
        {
            await browser.WaitInteractiveAsync();
            await page.Locator("[data-testid=draw-seed] input").FillAsync("4242");
            await page.Locator("[data-testid=draw-run] button").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=exam-assign]")).ToContainTextAsync("随机种子 4242");
        });

        string code = "";
        await browser.StepAsync("the slips show the access code and its QR code", async () =>
        {
            await browser.GotoAsync(examUrl + "/slips");
            await browser.WaitInteractiveAsync();
            var slip = page.Locator("[data-testid=exam-slip]");
            await Assertions.Expect(slip).ToHaveCountAsync(1);
            await Assertions.Expect(slip).ToContainTextAsync(unitName);
            Assert.Equal(1, await slip.Locator("svg").CountAsync());
            code = (await slip.Locator("[data-testid=slip-code]").InnerTextAsync()).Trim();
            await Assertions.Expect(slip).ToContainTextAsync("/exam?code=" + code);
        });

        await browser.StepAsync("the examinee takes the paper through the API and the results page counts it", async () =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
            var access = await http.PostAsJsonAsync("/api/v1/exams/access", new { code });
            Assert.True(access.IsSuccessStatusCode, await access.Content.ReadAsStringAsync());
            var token = (await access.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var exam = (await http.GetFromJsonAsync<JsonArray>("/api/v1/me/exams"))![0]!["id"]!.GetValue<string>();
            Assert.True((await http.GetAsync($"/api/v1/me/exams/{exam}/paper")).IsSuccessStatusCode);
            Assert.True((await http.PostAsync($"/api/v1/me/exams/{exam}/submit", null)).IsSuccessStatusCode);

            await browser.GotoAsync(examUrl);
            await browser.WaitInteractiveAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "成绩" }).ClickAsync();
            var results = page.Locator("[data-testid=exam-results]");
            await Assertions.Expect(results).ToContainTextAsync("考生 1 人，交卷 1 人");
            await Assertions.Expect(results).ToContainTextAsync(unitName);
            await Assertions.Expect(results).ToContainTextAsync("行政执法人员");
        });
        Assert.Empty(browser.ConsoleErrors);
    }
}
