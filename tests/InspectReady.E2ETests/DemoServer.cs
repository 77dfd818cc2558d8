using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Features.Demo;
using InspectReady.Web.Features.Exams.ImportQuestions;
using InspectReady.Web.Features.Exams.ManageExams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InspectReady.E2ETests;

/// <summary>A seat the smoke test signs in as: its account and what it is.</summary>
public sealed record Seat(string Name, string UserName, string Password);

/// <summary>
/// A server with <c>seed-demo</c> loaded (the district, its units and people, the demo accounts and the campaign in
/// progress) and the three administrators' passwords known: every role has an account to sign in with.
/// </summary>
public sealed class DemoServer() : ServerFixture(KnownAdminServer.AdminPassword, false, new Dictionary<string, string>
{
    ["INSPECTREADY_AUDITADMIN_PASSWORD"] = AuditAdminPassword,
})
{
    public const string AuditAdminPassword = "Known#Audi2026";
    public const string DemoPassword = "Demo#Pass2026";

    public DemoCampaignSummary Demo { get; private set; } = default!;

    /// <summary>What the parameterised routes are opened with.</summary>
    public DemoIds Ids { get; private set; } = default!;

    public IReadOnlyList<Seat> Seats { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Demo = (await Services.GetRequiredService<DemoData>().SeedAsync(DemoPassword)).Campaign;
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var task = await db.Tasks.AsNoTracking().Where(t => t.CampaignId == Demo.CampaignId && t.UnitId == Demo.ShowcaseUnitId && t.ReturnCount > 0)
            .OrderBy(t => t.Id).FirstAsync();
        var caseFile = await db.CaseFiles.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
        var notice = await db.SupervisionNotices.AsNoTracking().OrderBy(n => n.Id).FirstAsync();
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == Demo.CampaignId);
        var survey = await db.Set<InspectReady.Web.Domain.Surveys.Survey>().AsNoTracking().OrderBy(s => s.Id).FirstAsync();
        Ids = new DemoIds(Demo.CampaignId, task.Id, Demo.ShowcaseUnitId, caseFile.Id, notice.Id, campaign.FrameworkId, survey.Id, await DemoExamAsync(db));
        async Task<string> UnitUser(string role) => await (from u in db.Users
                                                           join ur in db.UserRoles on u.Id equals ur.UserId
                                                           join r in db.Roles on ur.RoleId equals r.Id
                                                           where u.UnitId == Demo.ShowcaseUnitId && r.Name == role
                                                           orderby u.UserName
                                                           select u.UserName!).FirstAsync();
        Seats =
        [
            new(Roles.SystemAdmin, "admin", KnownAdminServer.AdminPassword),
            new(Roles.SecurityAdmin, "secadmin", KnownAdminServer.SecurityAdminPassword),
            new(Roles.AuditAdmin, "auditadmin", AuditAdminPassword),
            new(Roles.Office, "office", DemoPassword),
            new(Roles.UnitLiaison, await UnitUser(Roles.UnitLiaison), DemoPassword),
            new(Roles.UnitLeader, await UnitUser(Roles.UnitLeader), DemoPassword),
            new(Roles.Reviewer, "reviewer", DemoPassword),
            new(Roles.Inspector, "inspector", DemoPassword),
            new(Roles.Examinee, "examinee", DemoPassword),
        ];
    }

    /// <summary>The sample bank and a small exam for the exam pages, made through the handlers as the office.</summary>
    private async Task<Guid> DemoExamAsync(AppDbContext db)
    {
        var office = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "office");
        var scope = new UserScope(office.Id, "office", null, new HashSet<string> { Roles.Office }, null, office.RegionId);
        using var services = Services.CreateScope();
        await services.ServiceProvider.GetRequiredService<ImportQuestionsHandler>().LoadSamplesAsync(scope);
        var exams = services.ServiceProvider.GetRequiredService<ExamsHandler>();
        var created = await exams.CreateAsync(scope, new CreateExamRequest("示例抽考", 30, [new BlueprintCellRequest("single", null, null, 2, 5)]));
        var id = created.Value!.Id;
        var people = await db.People.AsNoTracking().Where(p => p.UnitId == Demo.ShowcaseUnitId).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
        await exams.AssignAsync(scope, id, new AssignExamineesRequest(people, null));
        return id;
    }
}

/// <param name="TaskId">a task of the showcase unit that the office returned once.</param>
/// <param name="ExamId">an exam of the district with the showcase unit's people drawn, so its pages show rows.</param>
public sealed record DemoIds(Guid CampaignId, Guid TaskId, Guid UnitId, Guid CaseFileId, Guid NoticeId, Guid FrameworkId, Guid SurveyId, Guid ExamId);
