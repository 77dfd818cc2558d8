using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InspectReady.E2ETests;

/// <summary>The survey's office pages (issue 13): the form builder, the telephone mode and the publicity register.</summary>
public sealed class SurveyPagesTests(KnownAdminServer server) : IClassFixture<KnownAdminServer>
{
    private const string Password = "Survey#Page2026";

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static async Task<JsonNode> PostAsync(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>A district with one unit, its 创建办 and the unit's liaison; names carry <paramref name="tag"/>.</summary>
    private async Task<(string District, Guid Unit, string Office, string Liaison)> WorldAsync(string tag)
    {
        using var admin = await Accounts.SignInAsync(server, "admin", KnownAdminServer.AdminPassword);
        var district = (await PostAsync(admin, "/api/v1/regions", new { name = $"调查{tag}区", level = "区" }))["id"]!.GetValue<string>();
        var unit = Guid.Parse((await PostAsync(admin, "/api/v1/units", new
        {
            name = $"区{tag}局", regionId = district, kind = "区直单位", aliases = Array.Empty<string>(), tags = Array.Empty<string>(),
        }))["id"]!.GetValue<string>());
        await Accounts.CreateInRegionAsync(server, admin, $"{tag}-office", Password, Guid.Parse(district), null, "创建办");
        await Accounts.CreateAsync(server, admin, $"{tag}-lly", Password, unit, null, "单位联络员");
        return (district, unit, $"{tag}-office", $"{tag}-lly");
    }

    private static async Task FillAsync(ILocator input, string text)
    {
        await input.FillAsync(text);
        await input.BlurAsync();
    }

    private static async Task<BrowserSession> SignInAsync(ServerFixture server, string userName)
    {
        var browser = await BrowserSession.OpenAsync(server);
        browser.Page.SetDefaultNavigationTimeout(60000);
        await browser.SignInAsync(userName, Password);
        await browser.Page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        return browser;
    }

    [Fact]
    public async Task Office_builds_a_survey_with_a_follow_up_in_the_form_publishes_it_and_the_public_page_asks_the_follow_up()
    {
        var world = await WorldAsync("sb");
        await using var browser = await SignInAsync(server, world.Office);
        var page = browser.Page;
        await browser.StepAsync("write two questions, the second a follow-up", async () =>
        {
            await browser.GotoAsync("/surveys/new");
            await browser.WaitInteractiveAsync();
            await FillAsync(page.Locator("[data-testid=survey-title-input]"), "窗口服务满意度");
            await FillAsync(page.Locator("[data-testid=q-0-text]"), "您对窗口服务是否满意？");
            await page.Locator("[data-testid=new-question-type]").SelectOptionAsync("text");
            await page.Locator("[data-testid=add-question] button").ClickAsync();
            await FillAsync(page.Locator("[data-testid=q-1-text]"), "为什么不满意？");
            await page.Locator("[data-testid=q-1-showif]").SelectOptionAsync("0");
            var values = page.Locator("[data-testid=q-1-showif-values]");
            await values.Locator("label", new LocatorLocatorOptions { HasTextString = "很不满意" }).Locator("input").CheckAsync();
            await values.Locator("label", new LocatorLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*不满意\\s*$") }).Locator("input").CheckAsync();
            await FillAsync(page.Locator("[data-testid=survey-groups]"), "群众\n企业");
            await FillAsync(page.Locator("[data-testid=survey-areas]"), "服务大厅");
            await page.Locator("[data-testid=survey-save] button").ClickAsync();
            await page.WaitForURLAsync("**/surveys/*/edit");
            await browser.WaitInteractiveAsync();
        });
        await browser.StepAsync("publish", async () =>
        {
            await page.Locator("[data-testid=survey-publish] button").ClickAsync();
            await page.Locator("[data-testid=survey-public-link]").First.WaitForAsync();
        });
        var link = (await page.Locator("[data-testid=survey-public-link]").First.GetAttributeAsync("href"))!;
        Assert.StartsWith("/s/", link, StringComparison.Ordinal);

        await using var phone = await BrowserSession.OpenAsync(server, BrowserSession.Phone);
        var p = phone.Page;
        await phone.StepAsync("answer on the public page", async () =>
        {
            await phone.GotoAsync(link);
            await p.Locator("#sv-group").SelectOptionAsync("群众");
            await p.Locator("#sv-area").SelectOptionAsync("服务大厅");
            var followUp = p.Locator("[data-testid='q-1']");
            Assert.False(await followUp.IsVisibleAsync());
            await p.Locator("[data-testid='q-0'] label").Filter(new LocatorFilterOptions { HasText = "很不满意" }).First.ClickAsync();
            await followUp.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
            await followUp.Locator("textarea").FillAsync("排队时间太长");
            await p.Locator("[data-testid='survey-submit']").ClickAsync();
            await p.Locator("[data-testid='survey-done']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        });
        Assert.Empty(browser.ForeignRequests);
        Assert.Empty(phone.ForeignRequests);
        Assert.Empty(browser.FailedAssets);

        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var survey = await db.Surveys.AsNoTracking().SingleAsync(s => s.Title == "窗口服务满意度");
        Assert.Equal(["群众", "企业"], survey.Design.Groups);
        Assert.Equal(0, survey.Design.Questions[1].ShowIf!.Question);
        Assert.Equal(["不满意", "很不满意"], survey.Design.Questions[1].ShowIf!.Values.Order(StringComparer.Ordinal));
        var response = await db.SurveyResponses.AsNoTracking().SingleAsync(r => r.SurveyId == survey.Id);
        Assert.Contains(response.Answers, a => a.Question == 1 && a.Text == "排队时间太长");
    }

    [Fact]
    public async Task Caller_draws_a_list_reveals_a_number_and_records_answered_refused_and_unreachable_calls()
    {
        var world = await WorldAsync("tel");
        using var office = await Accounts.SignInAsync(server, world.Office, Password);
        var survey = (await PostAsync(office, "/api/v1/surveys", new
        {
            title = "电话回访",
            questions = new object[]
            {
                new { type = "scale5", text = "您对行政执法是否满意？", topic = "law_enforcement" },
                new { type = "text", text = "为什么不满意？", topic = "law_enforcement", showIf = new { question = 0, values = new[] { "不满意", "很不满意" } } },
            },
        }))["id"]!.GetValue<string>();
        await PostAsync(office, $"/api/v1/surveys/{survey}/publish", new { });

        await using var browser = await SignInAsync(server, world.Office);
        var page = browser.Page;
        var counts = page.Locator("[data-testid=call-counts]");
        await browser.StepAsync("draw three numbers", async () =>
        {
            await browser.GotoAsync($"/surveys/{survey}/calls");
            await browser.WaitInteractiveAsync();
            await FillAsync(page.Locator("[data-testid=call-frame]"), "13800000001\n13800000002\n13800000003");
            await FillAsync(page.Locator("[data-testid=call-count]"), "3");
            await FillAsync(page.Locator("[data-testid=call-seed]"), "7");
            await page.Locator("[data-testid=call-draw] button").ClickAsync();
            await Assertions.Expect(counts).ToContainTextAsync("名单 3 个");
            await page.Locator("[data-testid=call-current]").WaitForAsync();
        });
        await browser.StepAsync("reveal and record an answered call with its follow-up", async () =>
        {
            await page.Locator("[data-testid=call-reveal] button").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=call-phone]")).ToContainTextAsync("1380000000");
            var followUp = page.Locator("[data-testid=call-q-1]");
            Assert.False(await followUp.IsVisibleAsync());
            await page.Locator("[data-testid=call-q-0] label", new PageLocatorOptions { HasTextString = "很不满意" }).Locator("input").CheckAsync();
            await followUp.WaitForAsync();
            await FillAsync(followUp.Locator("textarea"), "执法人员态度生硬");
            await page.Locator("[data-testid=call-answered] button").ClickAsync();
            await Assertions.Expect(counts).ToContainTextAsync("完成访问 1");
        });
        await browser.StepAsync("a refusal and an unreachable number", async () =>
        {
            await page.Locator("[data-testid=call-refused] button").ClickAsync();
            await Assertions.Expect(counts).ToContainTextAsync("拒访 1");
            await page.Locator("[data-testid=call-unreachable] button").ClickAsync();
            await Assertions.Expect(counts).ToContainTextAsync("无法接通 1");
            await Assertions.Expect(counts).ToContainTextAsync("待拨 1");
        });
        Assert.Empty(browser.ForeignRequests);
        Assert.Empty(browser.FailedAssets);

        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var id = Guid.Parse(survey);
        var response = await db.SurveyResponses.AsNoTracking().SingleAsync(r => r.SurveyId == id);
        Assert.Equal("telephone", response.Channel);
        Assert.Contains(response.Answers, a => a.Question == 1 && a.Text == "执法人员态度生硬");
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "查看完整号码" && a.UserName == world.Office));
    }

    [Fact]
    public async Task Office_sets_the_publicity_plan_and_a_liaison_records_an_activity_with_a_photo_counted_against_it()
    {
        var world = await WorldAsync("pub");
        await using var office = await SignInAsync(server, world.Office);
        var page = office.Page;
        await office.StepAsync("set the plan", async () =>
        {
            await office.GotoAsync("/publicity");
            await office.WaitInteractiveAsync();
            await FillAsync(page.Locator($"[data-testid=plan-unit-{world.Unit}]"), "2");
            await FillAsync(page.Locator("[data-testid=plan-streets]"), "建设路街道,1");
            await page.Locator("[data-testid=plan-save] button").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=publicity-by-street]")).ToContainTextAsync("建设路街道");
        });
        await using var liaison = await SignInAsync(server, world.Liaison);
        var p = liaison.Page;
        await liaison.StepAsync("record an activity with a photo", async () =>
        {
            await liaison.GotoAsync("/publicity");
            await liaison.WaitInteractiveAsync();
            await FillAsync(p.Locator("[data-testid=activity-place]"), "建设路社区广场");
            await FillAsync(p.Locator("[data-testid=activity-street]"), "建设路街道");
            await FillAsync(p.Locator("[data-testid=activity-reach]"), "120");
            await p.Locator("[data-testid=activity-kind]").SelectOptionAsync("street_stall");
            await p.Locator("[data-testid=activity-photos]").SetInputFilesAsync(new FilePayload { Name = "现场.png", MimeType = "image/png", Buffer = Png });
            await p.Locator("[data-testid=activity-save] button").ClickAsync();
            await Assertions.Expect(p.Locator("[data-testid=activity-list]")).ToContainTextAsync("建设路社区广场");
            await Assertions.Expect(p.Locator("[data-testid=activity-list]")).ToContainTextAsync("现场.png");
            var unitRow = p.Locator("[data-testid=publicity-by-unit] tbody tr").First;
            await Assertions.Expect(unitRow).ToContainTextAsync("未完成");
        });
        await office.StepAsync("the office sees the street's plan met", async () =>
        {
            await office.GotoAsync("/publicity");
            await office.WaitInteractiveAsync();
            var streetRow = page.Locator("[data-testid=publicity-by-street] tbody tr", new PageLocatorOptions { HasTextString = "建设路街道" });
            await Assertions.Expect(streetRow).ToContainTextAsync("完成");
            await Assertions.Expect(streetRow).Not.ToContainTextAsync("未完成");
        });
        await liaison.StepAsync("filter by street", async () =>
        {
            await p.Locator("[data-testid=filter-street]").SelectOptionAsync("建设路街道");
            await Assertions.Expect(p.Locator("[data-testid=activity-total]")).ToContainTextAsync("共 1 条");
        });
        Assert.Empty(liaison.ForeignRequests);
        Assert.Empty(liaison.FailedAssets);

        using var api = await Accounts.SignInAsync(server, world.Liaison, Password);
        var export = await api.GetAsync("/api/v1/publicity/export.xlsx");
        Assert.Equal(System.Net.HttpStatusCode.OK, export.StatusCode);
        var listed = await api.GetFromJsonAsync<JsonObject>("/api/v1/publicity/activities");
        Assert.Equal(1, listed!["total"]!.GetValue<int>());
        Assert.Single(listed["items"]![0]!["photos"]!.AsArray());
    }
}
