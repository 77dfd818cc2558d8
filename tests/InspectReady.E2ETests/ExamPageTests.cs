using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Features.Exams.ImportQuestions;
using InspectReady.Web.Features.Exams.ManageExams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InspectReady.E2ETests;

/// <summary>The examinee's page (/exam) at phone size, without an account, through the examinee API (ADR 0114, 0115).</summary>
[Collection(ServerGroup.Name)]
public sealed class ExamPageTests(ServerFixture server)
{
    private sealed record Seat(Guid ExamId, Guid ExamineeId, string Code);

    [Fact]
    public async Task An_examinee_answers_every_type_on_a_phone_resumes_after_a_reload_and_sees_the_objective_score()
    {
        var seat = await ExamAsync("单题型", 30,
        [
            new("single", null, null, 2, 2), new("multiple", null, null, 1, 3), new("truefalse", null, null, 1, 1),
            new("blank", null, null, 1, 2), new("short", null, null, 1, 10), new("essay", null, null, 1, 20),
        ]);
        await using var phone = await BrowserSession.OpenAsync(server, BrowserSession.Phone);
        var page = phone.Page;
        await phone.GotoAsync($"/exam?code={seat.Code}");
        await page.Locator("[data-testid='exam-intro-name']").WaitForAsync();
        Assert.Contains("单题型", await page.Locator("[data-testid='exam-intro-name']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("/exam", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain(seat.Code, page.Url, StringComparison.Ordinal);
        await page.Locator("[data-testid='exam-start']").ClickAsync();
        await page.Locator("#exam-app[data-state='paper']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Matches(@"剩余 (29|30):\d\d", await page.Locator("[data-testid='exam-timer']").InnerTextAsync());
        Assert.Equal(7, await page.Locator("li.ex-item").CountAsync());

        // First half: the choices, the true/false and the blank.
        var singles = page.Locator("li.ex-item[data-type='single']");
        await singles.Nth(0).Locator("label.ex-option").Nth(1).ClickAsync();
        await singles.Nth(1).Locator("label.ex-option").Nth(0).ClickAsync();
        var multiple = page.Locator("li.ex-item[data-type='multiple']");
        await multiple.Locator("label.ex-option").Nth(0).ClickAsync();
        await multiple.Locator("label.ex-option").Nth(2).ClickAsync();
        await page.Locator("li.ex-item[data-type='truefalse'] label.ex-option").Filter(new LocatorFilterOptions { HasText = "错" }).ClickAsync();
        var blanks = page.Locator("li.ex-item[data-type='blank'] input[data-blank]");
        var blankCount = await blanks.CountAsync();
        for (var i = 0; i < blankCount; i++)
        {
            await blanks.Nth(i).FillAsync($"答案{i + 1}");
        }
        await SavedAsync(page);

        // A page leave and a paste are counted for the proctor.
        await page.EvaluateAsync("""
            () => {
                Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
                document.dispatchEvent(new Event('visibilitychange'));
                delete document.visibilityState;
                document.querySelector('li.ex-item[data-type="short"] textarea').dispatchEvent(new Event('paste', { bubbles: true }));
            }
            """);

        // A reload resumes: the same paper with the answers given so far, the clock still running.
        await page.ReloadAsync();
        await page.Locator("#exam-app[data-state='paper']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.True(await singles.Nth(0).Locator("input").Nth(1).IsCheckedAsync());
        Assert.True(await singles.Nth(1).Locator("input").Nth(0).IsCheckedAsync());
        Assert.True(await multiple.Locator("input").Nth(0).IsCheckedAsync());
        Assert.True(await multiple.Locator("input").Nth(2).IsCheckedAsync());
        Assert.True(await page.Locator("li.ex-item[data-type='truefalse'] input[value='false']").IsCheckedAsync());
        Assert.Equal("答案1", await blanks.Nth(0).InputValueAsync());
        Assert.Equal(5, await page.Locator("a.ex-nav-link.ex-answered").CountAsync());

        // Second half: the texts, saved as they are typed (debounced).
        await page.Locator("li.ex-item[data-type='short'] textarea").FillAsync("坚持依法行政，权责统一。");
        await page.Locator("li.ex-item[data-type='essay'] textarea").FillAsync("法治政府建设要做到职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意。");
        await SavedAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");

        await page.Locator("[data-testid='exam-submit']").ClickAsync();
        await page.Locator("[data-testid='exam-confirm']").WaitForAsync();
        Assert.Contains("已答 7 题", await page.Locator("[data-testid='exam-confirm']").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("[data-testid='exam-confirm-ok']").ClickAsync();
        await page.Locator("[data-testid='exam-done']").WaitForAsync();

        await using (var db = await DbAsync())
        {
            var x = await db.Set<Examinee>().AsNoTracking().Include(e => e.Items).SingleAsync(e => e.Id == seat.ExamineeId);
            Assert.Equal(ExamineeStatus.Submitted, x.Status);
            Assert.Equal("examinee", x.SubmittedHow);
            Assert.Equal((1, 1), (x.LeaveCount, x.PasteCount));
            Assert.All(x.Items, i => Assert.NotNull(i.Answer));
            Assert.Equal("false", x.Items.Single(i => i.Type == "truefalse").Answer);
            Assert.Equal("\"坚持依法行政，权责统一。\"", x.Items.Single(i => i.Type == "short").Answer);
            Assert.Equal(x.ObjectiveScore!.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                await page.Locator("[data-testid='exam-score']").InnerTextAsync());
            Assert.Equal(x.MaxObjectiveScore.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                await page.Locator("[data-testid='exam-max-score']").InnerTextAsync());
        }

        // Once submitted, the same tab shows the result again instead of the paper.
        await page.ReloadAsync();
        await page.Locator("[data-testid='exam-done']").WaitForAsync();
        Assert.Empty(phone.ForeignRequests);
        Assert.Empty(phone.FailedAssets);
        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.ConsoleErrors);
    }

    [Fact]
    public async Task When_the_time_runs_out_the_paper_is_submitted_and_the_score_shown()
    {
        var seat = await ExamAsync("限时", 30, [new("single", null, null, 2, 5), new("truefalse", null, null, 2, 5)]);
        await using var phone = await BrowserSession.OpenAsync(server, BrowserSession.Phone);
        var page = phone.Page;
        await phone.GotoAsync("/exam");
        await page.Locator("[data-testid='exam-code']").FillAsync(seat.Code.ToLowerInvariant());
        await page.Locator("[data-testid='exam-code-submit']").ClickAsync();
        await page.Locator("[data-testid='exam-start']").ClickAsync();
        await page.Locator("#exam-app[data-state='paper']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.Locator("li.ex-item[data-type='single']").Nth(0).Locator("label.ex-option").Nth(0).ClickAsync();
        await SavedAsync(page);

        // The proctor's clock in place of half an hour: the examinee's deadline is a few seconds away.
        await using (var db = await DbAsync())
        {
            var soon = DateTime.UtcNow.AddSeconds(4);
            await db.Set<Examinee>().Where(e => e.Id == seat.ExamineeId).ExecuteUpdateAsync(s => s.SetProperty(e => e.DeadlineAt, soon));
        }
        await page.ReloadAsync();
        await page.Locator("#exam-app[data-state='paper']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Matches(@"剩余 00:0\d", await page.Locator("[data-testid='exam-timer']").InnerTextAsync());
        await page.Locator("[data-testid='exam-done']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30000 });
        Assert.Contains("时间已到", await page.Locator("[data-testid='exam-done']").InnerTextAsync(), StringComparison.Ordinal);

        await using (var db = await DbAsync())
        {
            var x = await db.Set<Examinee>().AsNoTracking().Include(e => e.Items).SingleAsync(e => e.Id == seat.ExamineeId);
            Assert.Equal((ExamineeStatus.Submitted, "timeout"), (x.Status, x.SubmittedHow));
            Assert.NotNull(x.Items.Single(i => i.Position == x.Items.Where(j => j.Type == "single").Min(j => j.Position)).Answer);
            Assert.Equal(x.ObjectiveScore!.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                await page.Locator("[data-testid='exam-score']").InnerTextAsync());
        }
        Assert.Empty(phone.ForeignRequests);
        Assert.Empty(phone.FailedAssets);
        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.ConsoleErrors);
    }

    /// <summary>Waits until the page says every answer is saved.</summary>
    private static Task SavedAsync(IPage page) =>
        page.Locator("[data-testid='exam-saving'][data-pending='0']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    private async Task<AppDbContext> DbAsync() =>
        await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>A district with one unit and one person, the sample bank, an exam of the blueprint and that person assigned.</summary>
    private async Task<Seat> ExamAsync(string name, int minutes, BlueprintCellRequest[] blueprint)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var region = new Region { Name = $"浏览器考试区{Guid.NewGuid().ToString("N")[..6]}", Level = RegionLevel.District };
        var unit = new Unit { Name = $"{region.Name}司法局", Kind = "区直单位", RegionId = region.Id };
        var person = new Person { Name = "考生甲", UnitId = unit.Id, CampaignRole = "联络员", Position = "科员" };
        db.Regions.Add(region);
        db.Units.Add(unit);
        db.People.Add(person);
        await db.SaveChangesAsync();
        var office = new UserScope(Guid.NewGuid(), "e2e-exam-office", null, new HashSet<string> { Roles.Office }, null, region.Id);
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<ImportQuestionsHandler>().LoadSamplesAsync(office));
        var exams = scope.ServiceProvider.GetRequiredService<ExamsHandler>();
        var created = await exams.CreateAsync(office, new CreateExamRequest(name, minutes, blueprint));
        Assert.True(created.IsOk, created.Message);
        var assigned = await exams.AssignAsync(office, created.Value!.Id, new AssignExamineesRequest([person.Id], null));
        Assert.True(assigned.IsOk, assigned.Message);
        var examinee = assigned.Value!.Examinees.Single();
        return new Seat(created.Value.Id, examinee.ExamineeId, examinee.AccessCode);
    }
}
