using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Features.Surveys.Build;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InspectReady.E2ETests;

[Collection(ServerGroup.Name)]
public sealed class SurveyPublicPageTests(ServerFixture server)
{
    [Fact]
    public async Task Survey_public_page_is_answered_on_a_phone_without_sign_in_and_without_another_host()
    {
        Guid surveyId;
        string token;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var region = new Region { Name = $"浏览器调查区{Guid.NewGuid().ToString("N")[..6]}", Level = RegionLevel.District };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            var office = new UserScope(Guid.NewGuid(), "e2e-survey-office", null, new HashSet<string> { Roles.Office }, null, region.Id);
            var handler = scope.ServiceProvider.GetRequiredService<SurveysHandler>();
            var created = await handler.CreateAsync(office, SurveysHandler.Example());
            Assert.True(created.IsOk, created.Message);
            surveyId = created.Value!.Id;
            token = (await handler.PublishAsync(office, surveyId)).Value!.PublicToken;
        }

        await using var phone = await BrowserSession.OpenAsync(server);
        await phone.Page.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync($"/s/{token}");
        var page = phone.Page;
        await page.Locator("#sv-group").SelectOptionAsync("群众");
        await page.Locator("#sv-area").SelectOptionAsync("社区");
        async Task PickAsync(int question, string option) =>
            await page.Locator($"[data-testid='q-{question}'] label").Filter(new LocatorFilterOptions { HasText = option }).First.ClickAsync();
        await PickAsync(0, "知晓");
        await PickAsync(1, "支持");
        await PickAsync(5, "很满意");
        var followUp = page.Locator("[data-testid='q-11']");
        Assert.False(await followUp.IsVisibleAsync());
        await PickAsync(10, "不满意");
        await followUp.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await followUp.Locator("textarea").FillAsync("窗口排队时间长");
        await PickAsync(10, "满意");
        await followUp.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        await PickAsync(10, "很不满意");
        await followUp.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });

        // Nothing wider than the phone: no horizontal scrolling.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");
        await page.Locator("[data-testid='survey-submit']").ClickAsync();
        await page.Locator("[data-testid='survey-done']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });

        Assert.Empty(phone.ForeignRequests);
        Assert.Empty(phone.FailedAssets);
        Assert.Empty(phone.CspViolations);
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var response = await db.SurveyResponses.AsNoTracking().SingleAsync(r => r.SurveyId == surveyId);
            Assert.Equal(("群众", "社区"), (response.Group, response.Area));
            Assert.Contains(response.Answers, a => a.Question == 11 && a.Text == "窗口排队时间长");
            Assert.Contains(response.Answers, a => a.Question == 10 && a.Choices![0] == "很不满意");
        }

        // The same phone again: answered already.
        await phone.GotoAsync($"/s/{token}");
        await page.Locator("[data-testid='survey-answered']").WaitForAsync();
    }
}
