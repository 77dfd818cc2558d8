using InspectReady.Web.Features.Filing.EditTask;
using InspectReady.Web.Features.Filing.ReviewTasks;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Features.Campaigns;
using InspectReady.Web.Features.CaseFiles;
using InspectReady.Web.Features.CaseFiles.Register;
using InspectReady.Web.Features.Filing;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Supervision;
using InspectReady.Web.Features.Surveys.Build;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Demo;

/// <summary>What the demo campaign holds, for the message and for the browser tests that open its pages.</summary>
/// <param name="ShowcaseUnitId">the unit whose tasks are in every state (its liaison and leader see them all).</param>
public sealed record DemoCampaignSummary(Guid CampaignId, string CampaignName, Guid ShowcaseUnitId, string ShowcaseUnitName,
    IReadOnlyDictionary<string, int> TasksByStatus, int Overdue, int CaseFiles, int Notices);

/// <summary>
/// The campaign in progress of <c>seed-demo</c>: the 创建办 creates it over the built-in framework, liaisons file
/// (statements, lists, small attachments), leaders sign off, the office returns and approves, some deadlines have
/// passed; three case files and a 督办单. Everything goes through the handlers a person would use, as that person,
/// so rules, notifications, versions and audit records are what they would be. Created once (by its name).
/// </summary>
public sealed class DemoCampaign(IServiceProvider services)
{
    public const string CampaignName = "卫东区法治政府建设示范创建（演示）";

    /// <summary>The states each showcase unit's tasks go to, in order; the list repeats over the unit's tasks.</summary>
    private static readonly string[] Plan =
    [
        FilingStatus.Approved, FilingStatus.Submitted, FilingStatus.AwaitingSignOff, FilingStatus.Returned, FilingStatus.Draft,
        FilingStatus.Approved, FilingStatus.Submitted, FilingStatus.Returned, FilingStatus.Draft, FilingStatus.AwaitingSignOff,
    ];

    public async Task<DemoCampaignSummary> EnsureAsync(Guid districtId)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<IChinaClock>();
        var today = clock.Today;
        var office = await ScopeOfAsync(db, "office");
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Name == CampaignName);
        if (campaign is null)
        {
            var framework = await db.Frameworks.AsNoTracking().FirstAsync(f => f.Code == BuiltInFrameworks.Code2021);
            var created = await sp.GetRequiredService<CampaignsHandler>().CreateAsync(office, new CampaignRequest(CampaignName, framework.Id, districtId,
                null, today.AddDays(21), SelfCheckFrom: today.AddDays(-14), SelfCheckTo: today.AddDays(7), OnSiteFrom: today.AddDays(45), OnSiteTo: today.AddDays(47)));
            Require(created.IsOk, "创建演示创建活动", created.Message);
            campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == created.Value!.Id);
            await FileAsync(sp, db, office, campaign, today);
            await CaseFilesAsync(sp, db);
            await NoticeAsync(sp, db, office, campaign, today);
        }
        await SurveyAsync(sp, db, office);
        return await SummaryAsync(db, campaign, today);
    }

    private static async Task FileAsync(IServiceProvider sp, AppDbContext db, UserScope office, Campaign campaign, DateOnly today)
    {
        var details = sp.GetRequiredService<TaskDetailsHandler>();
        var filing = sp.GetRequiredService<FilingHandler>();
        var decisions = sp.GetRequiredService<DecisionsHandler>();
        var attachments = sp.GetRequiredService<AttachmentsHandler>();
        // The six units with the most lead tasks file; the first of them has tasks in every state.
        var showcase = await db.Tasks.AsNoTracking().Where(t => t.CampaignId == campaign.Id && t.IsLead && !t.Removed)
            .GroupBy(t => t.UnitId).Select(g => new { Unit = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Unit).Take(6).ToListAsync();
        var overdue = new List<Guid>();
        foreach (var (unit, u) in showcase.Select((s, i) => (s.Unit, i)))
        {
            var liaison = await ScopeOfUnitAsync(db, unit, Roles.UnitLiaison);
            var leader = await ScopeOfUnitAsync(db, unit, Roles.UnitLeader);
            var own = (await db.Tasks.AsNoTracking().Where(t => t.CampaignId == campaign.Id && t.UnitId == unit && t.IsLead && !t.Removed).ToListAsync())
                .OrderBy(t => t.IndicatorNos[0]).Take(u == 0 ? Plan.Length : 5).ToList();
            foreach (var (task, i) in own.Select((t, i) => (t, i)))
            {
                var target = Plan[(i + u) % Plan.Length];
                var detail = await details.GetAsync(liaison, task.Id);
                Require(detail.IsOk, $"打开任务 {task.GroupLabel}", detail.Message);
                await FillAsync(filing, attachments, liaison, detail.Value!, campaign.CutoffDate);
                if (target == FilingStatus.Draft)
                {
                    overdue.Add(task.Id);
                    continue;
                }
                await StepAsync(filing.SubmitAsync(liaison, task.Id), $"{task.GroupLabel} 提交单位审核");
                if (target == FilingStatus.AwaitingSignOff)
                {
                    continue;
                }
                await StepAsync(decisions.SignOffAsync(leader, task.Id), $"{task.GroupLabel} 单位审核通过");
                if (target == FilingStatus.Approved)
                {
                    await StepAsync(decisions.ApproveAsync(office, task.Id), $"{task.GroupLabel} 创建办审核通过");
                }
                else if (target == FilingStatus.Returned)
                {
                    await StepAsync(decisions.ReturnAsync(office, task.Id, new DecisionRequest("请补充2021年以来的数据，并注明公开网址。", null, today.AddDays(3))),
                        $"{task.GroupLabel} 创建办退回");
                    overdue.Add(task.Id);
                }
            }
        }
        // Some deadlines have passed: the office set them before the campaign's own (a draft and a returned filing of each unit).
        var late = await db.Tasks.Where(t => overdue.Contains(t.Id)).ToListAsync();
        foreach (var task in late.Where((_, i) => i % 2 == 0))
        {
            task.Deadline = today.AddDays(-3);
        }
        db.Record(UserScope.System(DemoData.Command), AuditActions.Update, $"创建活动 {campaign.Name} 演示逾期任务", detail: $"{late.Count(t => t.Deadline < today)}项");
        await db.SaveChangesAsync();
    }

    /// <summary>A filing that meets its checklist: a statement, a link, list rows inside the date window, one small file per document item.</summary>
    private static async Task FillAsync(FilingHandler filing, AttachmentsHandler attachments, UserScope liaison, TaskDetailDto detail, DateOnly cutoff)
    {
        var lists = new Dictionary<int, List<Dictionary<string, string>>>();
        foreach (var item in detail.Checklist.Where(c => c.ListColumns is { Count: > 0 }))
        {
            var rows = CountOf(item.CountRule, 2);
            var date = (item.WindowFrom, item.WindowTo) switch
            {
                ({ } f, { } t) => f.AddDays((t.DayNumber - f.DayNumber) / 2),
                ({ } f, null) => f.AddDays(30),
                (null, { } t) => t.AddDays(-30),
                _ => cutoff.AddDays(-60),
            };
            lists[item.Index] = [.. Enumerable.Range(1, rows).Select(r => item.ListColumns!.ToDictionary(c => c, c => c switch
            {
                "时间" or "检查时间" => date.AddDays(-r).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                "联系方式" => $"1390375{r:0000}",
                "数值" => $"{r * 3}",
                _ => $"示例{c}{r}",
            }))];
        }
        var saved = await filing.SaveDraftAsync(liaison, detail.Task.Id, new DraftRequest(
            $"{detail.Task.UnitName}围绕{string.Join("、", detail.Task.IndicatorNos.Select(n => $"第{n}项"))}指标开展工作，已建立台账，相关材料按要求整理报送。（演示数据）",
            ["https://www.example.gov.cn/fzzf/demo"], lists, false, null, detail.Version));
        Require(saved.IsOk, $"保存任务 {detail.Task.Id} 草稿", saved.Message);
        var documents = detail.Checklist.Where(c => c.Kind == MaterialItemKind.DocumentOrList.Code()).ToList();
        foreach (var item in documents)
        {
            var count = CountOf(item.CountRule, 1);
            for (var n = 1; n <= count; n++)
            {
                using var pdf = new MemoryStream(SmallPdf($"Demo {detail.Task.IndicatorNos[0]}-{item.Index}-{n}"));
                var uploaded = await attachments.UploadAsync(liaison, detail.Task.Id, pdf, $"第{detail.Task.IndicatorNos[0]}项材料{item.Index}-{n}（演示）.pdf",
                    null, documents.Count > 1 ? item.Index : null, CancellationToken.None);
                Require(uploaded.IsOk, $"上传任务 {detail.Task.Id} 附件", uploaded.Message);
            }
        }
    }

    /// <summary>As many as an exact rule asks (任意10家, 任选5件); otherwise <paramref name="fallback"/>, within an upper bound.</summary>
    private static int CountOf(string? rule, int fallback)
    {
        if (rule is null || !int.TryParse(new string([.. rule.Where(char.IsAsciiDigit)]), out var n))
        {
            return fallback;
        }
        return rule.StartsWith("不超过", StringComparison.Ordinal) ? Math.Clamp(fallback, 1, Math.Max(1, n)) : Math.Clamp(n, 1, 10);
    }

    /// <summary>A one-page PDF of a few bytes, enough for the preview and the package.</summary>
    internal static byte[] SmallPdf(string text)
    {
        var content = $"BT /F1 18 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n");
        }
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static async Task CaseFilesAsync(IServiceProvider sp, AppDbContext db)
    {
        var handler = sp.GetRequiredService<CaseFilesHandler>();
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Name == "区市场监督管理局");
        var liaison = await ScopeOfUnitAsync(db, unit.Id, Roles.UnitLiaison);
        var cases = new[]
        {
            (CaseKind.Penalty, "卫市监罚〔2024〕12号", "销售过期食品", "卫东区某超市", "2024-03-04", "2024-03-20", "2024-03-28"),
            (CaseKind.Penalty, "卫市监罚〔2024〕27号", "未按规定公示营业执照", "卫东区某餐饮店", "2024-05-10", "2024-05-21", "2024-06-03"),
            (CaseKind.Inspection, "卫市监查〔2024〕8号", "食品安全专项检查", "卫东区某食品厂", "2024-07-01", "2024-07-05", "2024-07-08"),
        };
        foreach (var (kind, number, cause, party, filed, decided, served) in cases)
        {
            var created = await handler.CreateAsync(liaison, new CaseFileRequest(unit.Id, kind, number, cause, party, filed, decided, null, null, decided, served,
                null, null, null, null, "卫东区市场监管行政处罚裁量基准", true, false, served,
                [new OfficerRequest("王伟", "41040012345"), new OfficerRequest("李芳", "41040012346")]));
            Require(created.IsOk, $"登记案卷 {number}", created.Message);
        }
    }

    /// <summary>The shipped 示例 satisfaction survey, published, so the office sees the survey pages with a real survey.</summary>
    private static async Task SurveyAsync(IServiceProvider sp, AppDbContext db, UserScope office)
    {
        var title = SurveysHandler.Example().Title;
        if (await db.Set<InspectReady.Web.Domain.Surveys.Survey>().AnyAsync(x => x.Title == title))
        {
            return;
        }
        var surveys = sp.GetRequiredService<SurveysHandler>();
        var created = await surveys.CreateAsync(office, SurveysHandler.Example());
        Require(created.IsOk, "创建示例满意度调查", created.Message);
        var published = await surveys.PublishAsync(office, created.Value!.Id);
        Require(published.IsOk, "发布示例满意度调查", published.Message);
    }

    private static async Task NoticeAsync(IServiceProvider sp, AppDbContext db, UserScope office, Campaign campaign, DateOnly today)
    {
        var returned = await db.Tasks.AsNoTracking().Where(t => t.CampaignId == campaign.Id && t.Status == FilingStatus.Returned).OrderBy(t => t.Id).FirstAsync();
        var issued = await sp.GetRequiredService<InspectReady.Web.Features.Supervision.Notices.IssueNoticeHandler>().IssueAsync(office, campaign.Id, new NoticeRequest(returned.UnitId,
            "迎检材料退回后未及时整改", "请按创建办的退回意见逐项整改，并在期限内答复。", today.AddDays(5),
            ["补充2021年以来的数据", "注明公开网址并确保可以访问"], [returned.Id]));
        Require(issued.IsOk, "下发督办单", issued.Message);
    }

    private static async Task<DemoCampaignSummary> SummaryAsync(AppDbContext db, Campaign campaign, DateOnly today)
    {
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.CampaignId == campaign.Id && !t.Removed).ToListAsync();
        var showcase = tasks.Where(t => t.Status == FilingStatus.Returned).GroupBy(t => t.UnitId)
            .OrderByDescending(g => tasks.Where(t => t.UnitId == g.Key).Select(t => t.Status).Distinct().Count()).First().Key;
        var name = await db.Units.Where(u => u.Id == showcase).Select(u => u.Name).FirstAsync();
        return new DemoCampaignSummary(campaign.Id, campaign.Name, showcase, name,
            tasks.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => g.Count()), tasks.Count(t => t.IsOverdue(today)),
            await db.CaseFiles.CountAsync(), await db.SupervisionNotices.CountAsync(n => n.CampaignId == campaign.Id));
    }

    private static async Task<UserScope> ScopeOfAsync(AppDbContext db, string userName)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == userName);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync();
        return new UserScope(user.Id, user.UserName!, user.UnitId, roles.ToHashSet(), "127.0.0.1", user.RegionId);
    }

    private static async Task<UserScope> ScopeOfUnitAsync(AppDbContext db, Guid unitId, string role)
    {
        var name = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.UnitId == unitId && r.Name == role
                          orderby u.UserName
                          select u.UserName).FirstAsync();
        return await ScopeOfAsync(db, name!);
    }

    private static async Task StepAsync<T>(Task<Outcome<T>> step, string what)
    {
        var outcome = await step;
        Require(outcome.IsOk, what, outcome.Message);
    }

    private static void Require(bool ok, string what, string? message)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"演示数据：{what}失败：{message}");
        }
    }
}
