using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InspectReady.FunctionalTests.Scenarios;

/// <summary>One access policy per resource (ADR 0017): who reads and changes filings, by role, unit and region.</summary>
public abstract class AccessScenarios(AppFactory factory)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static HttpContent FilePart(byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private async Task<ApiClient> UserAsync(CampaignWorld w, string name, Guid? unit, params string[] roles)
    {
        await w.Admin.CreateUserAsync($"{w.Prefix}-{name}", unit, roles);
        return await factory.Api().SignInAsync($"{w.Prefix}-{name}", ApiClient.StrongPassword);
    }

    private async Task<ApiClient> RegionUserAsync(CampaignWorld w, string name, Guid region, params string[] roles)
    {
        await w.Admin.CreateRegionUserAsync($"{w.Prefix}-{name}", region, roles);
        return await factory.Api().SignInAsync($"{w.Prefix}-{name}", ApiClient.StrongPassword);
    }

    private async Task<List<(string Action, string Result, string? Target)>> AuditOfAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return [.. (await db.AuditEntries.AsNoTracking().Where(e => e.UserName == userName).ToListAsync()).Select(e => (e.Action, e.Result, e.Target))];
    }

    /// <summary>Every read of one task's filing data, for a role that may not see it.</summary>
    private static async Task AssertNoFilingAsync(CampaignWorld w, ApiClient who, Guid task, HttpStatusCode expected)
    {
        foreach (var path in new[] { $"/api/v1/tasks/{task}", $"/api/v1/tasks/{task}/comments", $"/api/v1/tasks/{task}/versions", $"/api/v1/tasks/{task}/parts" })
        {
            var response = await who.Http.GetAsync(path);
            Assert.True(expected == response.StatusCode, $"{path}: {response.StatusCode}");
        }
        foreach (var path in new[]
        {
            $"/api/v1/campaigns/{w.CampaignId}", $"/api/v1/campaigns/{w.CampaignId}/tasks", $"/api/v1/campaigns/{w.CampaignId}/tasks/problems",
            $"/api/v1/campaigns/{w.CampaignId}/self-check", $"/api/v1/campaigns/{w.CampaignId}/self-check.xlsx",
            $"/api/v1/campaigns/{w.CampaignId}/dashboard/overview", $"/api/v1/campaigns/{w.CampaignId}/dashboard/matrix",
            $"/api/v1/campaigns/{w.CampaignId}/dashboard/units/{w.UnitA}", $"/api/v1/campaigns/{w.CampaignId}/supervision/notices",
            $"/api/v1/campaigns/{w.CampaignId}/export/tasklist.xlsx",
        })
        {
            var response = await who.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }
        var package = await who.Http.PostAsync($"/api/v1/campaigns/{w.CampaignId}/packages", JsonContent.Create(new { approvedOnly = false }));
        Assert.Equal(HttpStatusCode.NotFound, package.StatusCode);
        Assert.DoesNotContain((await who.GetJsonAsync("/api/v1/campaigns")).AsArray(), c => ApiClient.Id(c!) == w.CampaignId);
    }

    [Fact]
    public async Task The_three_administrators_read_no_filing_self_check_dashboard_or_package()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "三员");
        var task = await w.TaskAsync(w.UnitA, 1);
        using var security = await UserAsync(w, "sec", null, "安全管理员");
        using var auditor = await UserAsync(w, "aud", null, "审计管理员");
        foreach (var admin in new[] { w.Admin, security, auditor })
        {
            await AssertNoFilingAsync(w, admin, task, HttpStatusCode.NotFound);
        }
        var create = await w.Admin.Http.PostAsJsonAsync("/api/v1/campaigns", new { name = "管理员的活动", frameworkId = w.Framework, regionId = w.Region, deadline = "2030-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Admin.Http.PostAsync($"/api/v1/campaigns/{w.CampaignId}/regenerate", null)).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_or_examinee_of_the_unit_reads_none_of_its_filings_and_is_refused_with_403()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "无权");
        var task = await w.TaskAsync(w.UnitA, 2);
        var upload = await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/files", FilePart(Pdf, "佐证.pdf"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var attachment = ApiClient.Id(JsonNode.Parse(await upload.Content.ReadAsStringAsync())!);
        using var reviewer = await UserAsync(w, "rev", w.UnitA, "评查员");
        using var examinee = await UserAsync(w, "exa", w.UnitA, "考生");
        foreach (var who in new[] { reviewer, examinee })
        {
            await AssertNoFilingAsync(w, who, task, HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Forbidden, (await who.Http.GetAsync($"/api/v1/attachments/{attachment}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await CampaignWorld.SaveDraftAsync(who, task, new { statement = "篡改", version = 0 })).StatusCode);
        }
        Assert.Null((await w.DetailAsync(task))["statement"]?.GetValue<string>());
    }

    [Fact]
    public async Task Another_units_liaison_and_leader_get_404_and_the_attempt_is_audited()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "他单位");
        var task = await w.TaskAsync(w.UnitA, 1);
        using var leaderB = await UserAsync(w, "b-ld", w.UnitB, "单位领导");
        foreach (var who in new[] { w.LiaisonB, leaderB })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await who.Http.GetAsync($"/api/v1/tasks/{task}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.Http.PostAsJsonAsync($"/api/v1/tasks/{task}/comments", new { text = "看看" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/units/{w.UnitA}")).StatusCode);
            Assert.DoesNotContain((await w.TasksAsync(who)).AsArray(), t => ApiClient.Id(t!) == task);
        }
        var audit = await AuditOfAsync($"{w.Prefix}-b-ld");
        Assert.Contains(audit, e => e.Action == "拒绝访问" && e.Result == "拒绝" && e.Target == $"任务 {task}");
    }

    [Fact]
    public async Task The_inspector_reads_the_regions_filings_but_cannot_comment_decide_or_change_anything()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "督查");
        var task = await w.TaskAsync(w.UnitA, 1);
        using var city = await RegionUserAsync(w, "insp", w.City, "督查");
        Assert.Equal(HttpStatusCode.OK, (await city.Http.GetAsync($"/api/v1/tasks/{task}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/self-check")).StatusCode);
        Assert.Contains((await w.TasksAsync(city)).AsArray(), t => ApiClient.Id(t!) == task);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.Http.PostAsJsonAsync($"/api/v1/tasks/{task}/comments", new { text = "督查意见" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.Http.PostAsync($"/api/v1/tasks/{task}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.Http.PostAsJsonAsync($"/api/v1/tasks/{task}/return",
            new { reason = "不行", newDeadline = "2030-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CampaignWorld.SaveDraftAsync(city, task, new { statement = "督查改", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.Http.PostAsJsonAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/notices",
            new { unitId = w.UnitA, title = "督办", deadline = "2030-01-01", items = new[] { "一" } })).StatusCode);
        Assert.Empty((await w.Office.GetJsonAsync($"/api/v1/tasks/{task}/comments")).AsArray());
        Assert.Contains(await AuditOfAsync($"{w.Prefix}-insp"), e => e.Action == "拒绝访问" && e.Result == "拒绝");
    }

    [Fact]
    public async Task An_office_sees_its_region_and_those_below_never_a_siblings()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "区划");
        var task = await w.TaskAsync(w.UnitA, 1);
        var cityId = w.City;
        var sibling = await w.Admin.CreateRegionAsync($"{w.Prefix}邻区", "区", cityId);
        using var siblingOffice = await RegionUserAsync(w, "sib-office", sibling, "创建办");
        using var cityOffice = await RegionUserAsync(w, "city-office", cityId, "创建办");

        await AssertNoFilingAsync(w, siblingOffice, task, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await siblingOffice.Http.PostAsync($"/api/v1/tasks/{task}/approve", null)).StatusCode);
        var create = await siblingOffice.Http.PostAsJsonAsync("/api/v1/campaigns", new { name = "越界", frameworkId = w.Framework, regionId = w.Region, deadline = "2030-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await cityOffice.Http.GetAsync($"/api/v1/tasks/{task}")).StatusCode);
        Assert.Equal((await w.TasksAsync(w.Office)).AsArray().Count, (await w.TasksAsync(cityOffice)).AsArray().Count);
        Assert.Contains((await cityOffice.GetJsonAsync("/api/v1/campaigns")).AsArray(), c => ApiClient.Id(c!) == w.CampaignId);

        var me = await w.Office.GetJsonAsync("/api/v1/me");
        Assert.Equal(w.Region, Guid.Parse(me["regionId"]!.GetValue<string>()));
        var liaison = await w.LiaisonA.GetJsonAsync("/api/v1/me");
        Assert.Equal(w.Region, Guid.Parse(liaison["regionId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_unit_of_a_group_entry_files_its_own_part_and_never_sees_a_peers()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "同组");
        // 指标4's first 责任单位 entry is 区直各行政执法单位: 甲局 and now 丙局 are in it.
        var c = await w.Admin.CreateUnitAsync($"{w.Prefix}丙局", w.Region, tags: ["行政执法单位"]);
        await w.Office.PostOkAsync($"/api/v1/campaigns/{w.CampaignId}/regenerate", new { }, HttpStatusCode.OK);
        using var liaisonC = await UserAsync(w, "c-lly", c, "单位联络员");
        var peerTask = await w.TaskAsync(w.UnitA, 4);
        var ownTask = await w.TaskAsync(c, 4);
        Assert.Equal(HttpStatusCode.OK, (await CampaignWorld.SaveDraftAsync(w.LiaisonA, peerTask, new { statement = "甲局的执法情况。", version = 0 })).StatusCode);

        var group = (await w.TasksAsync(w.Office)).AsArray().Where(t => t!["indicatorNos"]![0]!.GetValue<int>() == 4).ToList();
        Assert.Equal(3, group.Count);
        Assert.All(group, t => Assert.False(t!["isLead"]!.GetValue<bool>()));

        Assert.Equal(HttpStatusCode.NotFound, (await liaisonC.Http.GetAsync($"/api/v1/tasks/{peerTask}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonA.Http.GetAsync($"/api/v1/tasks/{ownTask}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaisonC.Http.GetAsync($"/api/v1/tasks/{ownTask}/parts")).StatusCode);
        var listed = (await w.TasksAsync(liaisonC)).AsArray();
        Assert.All(listed, t => Assert.Equal(c, Guid.Parse(t!["unitId"]!.GetValue<string>())));
        Assert.DoesNotContain("甲局的执法情况", ApiClient.Text(await liaisonC.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/self-check")));

        // The office compiles the group's answer from every part.
        var statements = (await w.Office.GetJsonAsync($"/api/v1/tasks/{ownTask}/parts")).AsArray();
        Assert.Contains(statements, s => s!["statement"]?.GetValue<string>() == "甲局的执法情况。");
    }

    [Fact]
    public async Task A_named_first_unit_still_sees_its_assisting_units_parts()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "具名牵头");
        var lead = await w.TaskAsync(w.UnitA, 2);
        var part = await w.TaskAsync(w.UnitB, 2);
        await CampaignWorld.SaveDraftAsync(w.LiaisonB, part, new { statement = "乙局的部分。", version = 0 });
        Assert.Equal("乙局的部分。", (await w.LeaderA.GetJsonAsync($"/api/v1/tasks/{lead}/parts")).AsArray().Single()!["statement"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await w.LeaderA.Http.GetAsync($"/api/v1/tasks/{part}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.GetAsync($"/api/v1/tasks/{lead}")).StatusCode);
    }

    [Fact]
    public async Task Every_attachment_and_package_download_is_audited()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "下载");
        var task = await w.TaskAsync(w.UnitA, 2);
        var upload = await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/files", FilePart(Pdf, "下载审计.pdf"));
        var attachment = ApiClient.Id(JsonNode.Parse(await upload.Content.ReadAsStringAsync())!);
        Assert.Equal(HttpStatusCode.OK, (await w.Office.Http.GetAsync($"/api/v1/attachments/{attachment}")).StatusCode);
        Assert.Contains(await AuditOfAsync($"{w.Prefix}-office"), e => e.Action == "下载" && e.Target == "附件 下载审计.pdf");

        var queued = await w.Office.Http.PostAsync($"/api/v1/campaigns/{w.CampaignId}/packages", JsonContent.Create(new { approvedOnly = false }));
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var jobId = JsonNode.Parse(await queued.Content.ReadAsStringAsync())!["jobId"]!.GetValue<string>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        JsonNode job;
        do
        {
            await Task.Delay(200);
            job = await w.Office.GetJsonAsync($"/api/v1/jobs/{jobId}");
        }
        while (job["state"]!.GetValue<string>() is "queued" or "running" && watch.Elapsed < TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await w.Office.Http.GetAsync($"/api/v1/jobs/{jobId}/result")).StatusCode);
        Assert.Contains(await AuditOfAsync($"{w.Prefix}-office"), e => e.Action == "下载" && e.Target!.StartsWith("迎检材料包", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.GetAsync($"/api/v1/jobs/{jobId}/result")).StatusCode);
    }
}
