using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class SupervisionScenarios(AppFactory factory)
{
    private static string Day(int fromToday) => HostAccess.Today.AddDays(fromToday).ToString("yyyy-MM-dd");

    private static async Task<JsonObject> IssueAsync(CampaignWorld w, Guid unit, params Guid[] tasks) =>
        await w.Office.PostOkAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/notices", new
        {
            unitId = unit, title = "材料报送滞后", reason = "第2项情况说明被退回后未按期重报", deadline = Day(5),
            items = new[] { "补充第2项情况说明的数据", "说明滞后原因及整改措施" }, taskIds = tasks,
        });

    private static Task<HttpResponseMessage> AnswerAsync(ApiClient who, Guid notice, int index, string answer) =>
        who.Http.PutAsJsonAsync($"/api/v1/supervision/notices/{notice}/items/{index}/answer", new { answer });

    [Fact]
    public async Task A_notice_goes_from_the_office_to_the_unit_is_answered_item_by_item_and_closed_by_the_office()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "督办");
        var task = await w.TaskAsync(w.UnitA, 2);
        var notice = await IssueAsync(w, w.UnitA, task);
        var id = ApiClient.Id(notice);
        Assert.Equal($"督办〔{DateTime.UtcNow:yyyy}〕1号", notice["number"]!.GetValue<string>());
        Assert.Equal("issued", notice["status"]!.GetValue<string>());
        Assert.Equal("待答复", notice["statusLabel"]!.GetValue<string>());
        Assert.Equal([task], notice["taskIds"]!.AsArray().Select(t => Guid.Parse(t!.GetValue<string>())));
        Assert.Contains((await w.LeaderA.GetJsonAsync("/api/v1/notifications?pageSize=500"))["items"]!.AsArray(),
            n => n!["title"]!.GetValue<string>() == "收到督办单" && n["link"]!.GetValue<string>() == $"/supervision/notices/{id}");
        Assert.Single((await w.LiaisonA.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/notices")).AsArray());

        var early = await w.Office.Http.PostAsJsonAsync($"/api/v1/supervision/notices/{id}/close", new { remark = "同意" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("第1、2项尚未答复", (await ApiClient.ProblemAsync(early))["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await AnswerAsync(w.Office, id, 1, "创建办代答")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AnswerAsync(w.LiaisonA, id, 9, "没有这一项")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AnswerAsync(w.LiaisonA, id, 1, " ")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(w.LiaisonA, id, 1, "已补充2020年以来清理事项12项的数据")).StatusCode);
        var answered = JsonNode.Parse(await (await AnswerAsync(w.LeaderA, id, 2, "人员调整致滞后，已明确专人负责")).Content.ReadAsStringAsync())!;
        Assert.Equal("answered", answered["status"]!.GetValue<string>());
        Assert.Equal(["督办-a-lly", "督办-a-ld"], answered["items"]!.AsArray().Select(i => i!["answeredBy"]!.GetValue<string>()));
        Assert.Contains((await w.Office.GetJsonAsync("/api/v1/notifications?pageSize=500"))["items"]!.AsArray(), n => n!["title"]!.GetValue<string>() == "督办单已答复");

        Assert.Equal(HttpStatusCode.Forbidden, (await w.LiaisonA.Http.PostAsJsonAsync($"/api/v1/supervision/notices/{id}/close", new { })).StatusCode);
        var closed = await w.Office.PostOkAsync($"/api/v1/supervision/notices/{id}/close", new { remark = "整改到位，同意办结" }, HttpStatusCode.OK);
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Equal("督办-office", closed["closedBy"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await AnswerAsync(w.LiaisonA, id, 1, "再改一次")).StatusCode);

        var auditor = await factory.Api().SignInAsAdminAsync();
        await auditor.CreateUserAsync("督办-audit", null, "审计管理员");
        using var audit = await factory.Api().SignInAsync("督办-audit", ApiClient.StrongPassword);
        var entries = (await audit.GetJsonAsync("/api/v1/audit?keyword=" + Uri.EscapeDataString(notice["number"]!.GetValue<string>()) + "&pageSize=100"))["items"]!.AsArray()
            .Select(e => $"{e!["userName"]!.GetValue<string>()}:{e["target"]!.GetValue<string>()}").ToList();
        Assert.Contains(entries, e => e.StartsWith("督办-office:督办单", StringComparison.Ordinal) && e.EndsWith("督办甲局", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("督办-a-lly:", StringComparison.Ordinal) && e.EndsWith("第1项答复", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("督办-a-ld:", StringComparison.Ordinal) && e.EndsWith("第2项答复", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("督办-office:", StringComparison.Ordinal) && e.EndsWith("办结", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_units_notice_does_not_exist_for_a_unit_and_only_the_office_issues()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "隔离");
        var id = ApiClient.Id(await IssueAsync(w, w.UnitA));
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.GetAsync($"/api/v1/supervision/notices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AnswerAsync(w.LiaisonB, id, 1, "越权答复")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.PostAsJsonAsync($"/api/v1/supervision/notices/{id}/close", new { })).StatusCode);
        Assert.Empty((await w.LiaisonB.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/notices")).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/notices?unitId={w.UnitA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.GetAsync($"/api/v1/supervision/notices/{id}")).StatusCode);

        var byUnit = await w.LiaisonA.Http.PostAsJsonAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/notices",
            new { unitId = w.UnitB, title = "越权下发", deadline = Day(3), items = new[] { "事项" } });
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);

        var otherUnitsTask = await w.TaskAsync(w.UnitB, 2);
        var bad = await w.Office.Http.PostAsJsonAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/notices",
            new { unitId = w.UnitA, title = "", deadline = Day(-1), items = Array.Empty<string>(), taskIds = new[] { otherUnitsTask } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await ApiClient.ProblemAsync(bad))["errors"]!.AsArray().Select(e => e!["column"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(["deadline", "items", "taskIds", "title"], fields.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound,
            (await w.Office.Http.PostAsJsonAsync($"/api/v1/campaigns/{Guid.NewGuid()}/supervision/notices", new { unitId = w.UnitA })).StatusCode);
    }

    [Fact]
    public async Task Accountability_records_are_kept_per_unit_and_the_register_exports_notices_and_records()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "问责");
        var notice = ApiClient.Id(await IssueAsync(w, w.UnitA));
        var interview = await w.Office.PostOkAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/records",
            new { unitId = w.UnitA, kind = "interview", date = Day(0), reason = "督办单逾期未答复", decision = "约谈分管领导，限期三日内整改", noticeId = notice });
        Assert.Equal("interview", interview["kind"]!.GetValue<string>());
        Assert.Equal("约谈", interview["kindLabel"]!.GetValue<string>());
        Assert.StartsWith("督办〔", interview["noticeNumber"]!.GetValue<string>(), StringComparison.Ordinal);
        await w.Office.PostOkAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/records",
            new { unitId = w.UnitB, kind = "通报", date = Day(-1), reason = "三项材料逾期", decision = "全区通报批评" });
        Assert.Contains((await w.LeaderA.GetJsonAsync("/api/v1/notifications?pageSize=500"))["items"]!.AsArray(), n => n!["title"]!.GetValue<string>() == "本单位被约谈");

        var bad = await w.Office.Http.PostAsJsonAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/records",
            new { unitId = w.UnitB, kind = "警告", date = Day(1), reason = "", decision = "x", noticeId = notice });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var columns = (await ApiClient.ProblemAsync(bad))["errors"]!.AsArray().Select(e => e!["column"]!.GetValue<string>()).ToList();
        Assert.Equal(["kind", "date", "reason", "noticeId"], columns);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.LiaisonA.Http.PostAsJsonAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/records",
            new { unitId = w.UnitA, kind = "约谈", date = Day(0), reason = "r", decision = "d" })).StatusCode);

        var mine = (await w.LiaisonB.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/records")).AsArray();
        Assert.Equal(["circular"], mine.Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Equal(2, (await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/records")).AsArray().Count);

        await AnswerAsync(w.LiaisonA, notice, 1, "已补充数据");
        var register = await w.Office.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/register.xlsx");
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", register.Content.Headers.ContentType?.MediaType);
        using var book = new MemoryStream(await register.Content.ReadAsByteArrayAsync());
        Assert.Equal(["督办单", "问责记录", "说明"], MiniExcel.GetSheetNames(book));
        var notices = MiniExcel.Query(book, useHeaderRow: true, sheetName: "督办单").Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(notices);
        Assert.Equal("问责甲局", row["被督办单位"]);
        Assert.Equal("材料报送滞后", row["督办事由"]);
        Assert.Equal("待答复", row["状态"]);
        Assert.Equal(Day(5), row["整改期限"]);
        Assert.Equal("1. 补充第2项情况说明的数据\n2. 说明滞后原因及整改措施", row["督办事项"]);
        Assert.Equal("1. 已补充数据", row["答复情况"]);
        var records = MiniExcel.Query(book, useHeaderRow: true, sheetName: "问责记录").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["问责乙局:通报:全区通报批评", "问责甲局:约谈:约谈分管领导，限期三日内整改"],
            records.Select(r => $"{r["单位"]}:{r["问责方式"]}:{r["处理决定"]}"));

        var theirs = await w.LiaisonB.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/register.xlsx");
        using var own = new MemoryStream(await theirs.Content.ReadAsByteArrayAsync());
        Assert.Empty(MiniExcel.Query(own, useHeaderRow: true, sheetName: "督办单"));
        Assert.Equal(["问责乙局"], MiniExcel.Query(own, useHeaderRow: true, sheetName: "问责记录").Cast<IDictionary<string, object>>().Select(r => r["单位"]));
    }
}
