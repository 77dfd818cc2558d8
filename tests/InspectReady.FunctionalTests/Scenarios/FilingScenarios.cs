using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class FilingScenarios(AppFactory factory)
{
    private static List<Dictionary<string, string>> CaseRows(int n, string date = "2020-05-01", string contact = "13812345678") =>
        [.. Enumerable.Range(1, n).Select(i => new Dictionary<string, string>
        {
            ["时间"] = date, ["案由"] = $"案由{i}", ["措施"] = "查封", ["结果"] = "已解除", ["当事人"] = $"当事人{i}", ["联系方式"] = contact,
        })];

    private static List<Dictionary<string, string>> EnterpriseRows(int n) =>
        [.. Enumerable.Range(1, n).Select(i => new Dictionary<string, string>
        {
            ["企业名称"] = $"企业{i}", ["检查时间"] = "2021-03-01", ["事项"] = "安全生产", ["检查部门"] = "区应急管理局", ["结果"] = "合格",
            ["企业负责人"] = $"负责人{i}", ["联系方式"] = "13912345678",
        })];

    private static async Task<JsonObject> Problem422Async(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return await ApiClient.ProblemAsync(response);
    }

    private static HttpContent FilePart(byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task Creating_a_campaign_generates_a_task_per_materials_group_and_unit_and_lists_unknown_units()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "生成");
        var tasks = await w.TasksAsync(w.Office);
        string Key(JsonNode t) => $"{t["unitName"]!.GetValue<string>()}:{string.Join(",", t["indicatorNos"]!.AsArray().Select(n => n!.GetValue<int>()))}:{(t["isLead"]!.GetValue<bool>() ? "牵头" : "配合")}";
        Assert.Equal(
            ["生成甲局:1:牵头", "生成甲局:2:牵头", "生成乙局:2:配合", "生成甲局:3:牵头", "生成乙局:4,5:配合", "生成甲局:4,5:配合", "生成甲局:6:牵头"],
            tasks.Select(t => Key(t!)).OrderBy(k => int.Parse(k.Split(':')[1].Split(',')[0])).ThenBy(k => k, StringComparer.Ordinal).ToList()
                .OrderBy(k => int.Parse(k.Split(':')[1].Split(',')[0])).ThenBy(k => k.EndsWith("配合", StringComparison.Ordinal)));
        Assert.All(tasks, t => Assert.Equal("draft", t!["status"]!.GetValue<string>()));
        Assert.All(tasks, t => Assert.Equal("草稿", t!["statusLabel"]!.GetValue<string>()));
        var unmatched = w.Campaign["unmatched"]!.AsArray().Single()!;
        Assert.Equal("生成不存在局", unmatched["entry"]!.GetValue<string>());
        Assert.Equal([7], unmatched["indicatorNos"]!.AsArray().Select(n => n!.GetValue<int>()));

        var locked = await w.Admin.Http.PutAsJsonAsync($"/api/v1/frameworks/{w.Framework}/indicators/1/material-items", Array.Empty<object>());
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
    }

    [Fact]
    public async Task Regenerating_is_idempotent_picks_up_new_units_and_mapped_names_and_keeps_filed_work()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "重生");
        var statementTask = await w.TaskAsync(w.UnitA, 2);
        Assert.Equal(HttpStatusCode.OK, (await CampaignWorld.SaveDraftAsync(w.LiaisonA, statementTask, new { statement = "已开展清理工作。", version = 0 })).StatusCode);

        var again = await w.Office.PostOkAsync($"/api/v1/campaigns/{w.CampaignId}/regenerate", new { }, HttpStatusCode.OK);
        Assert.Equal(0, again["created"]!.GetValue<int>());
        Assert.Equal(0, again["updated"]!.GetValue<int>());

        await w.Admin.CreateUnitAsync("重生丙局", w.Region, tags: ["行政执法单位"]);
        var grown = await w.Office.PostOkAsync($"/api/v1/campaigns/{w.CampaignId}/regenerate", new { }, HttpStatusCode.OK);
        Assert.Equal(1, grown["created"]!.GetValue<int>());

        var mapped = await w.Office.Http.PutAsJsonAsync($"/api/v1/campaigns/{w.CampaignId}/entry-mappings", new { entry = "重生不存在局", unitIds = new[] { w.UnitB } });
        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        var result = JsonNode.Parse(await mapped.Content.ReadAsStringAsync())!;
        Assert.Equal(1, result["created"]!.GetValue<int>());
        Assert.Empty(result["unmatched"]!.AsArray());

        var detail = await w.DetailAsync(statementTask);
        Assert.Equal("已开展清理工作。", detail["statement"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_statement_over_1000_characters_cannot_be_submitted_and_nothing_changes()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "字数");
        var task = await w.TaskAsync(w.UnitA, 2);
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { statement = new string('字', 1001), version = 0 });
        var problem = await Problem422Async(await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null));
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["rule"]!.GetValue<string>() == "情况说明字数" && e["message"]!.GetValue<string>().Contains("1001字", StringComparison.Ordinal));
        var detail = await w.DetailAsync(task);
        Assert.Equal("draft", detail["task"]!["status"]!.GetValue<string>());
        Assert.Empty(detail["history"]!.AsArray());
    }

    [Fact]
    public async Task A_statement_over_500_characters_warns_but_may_be_submitted_and_white_space_does_not_count()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "提醒");
        var task = await w.TaskAsync(w.UnitA, 2);
        var text = string.Concat(Enumerable.Repeat("字 ", 600)) + "𠀀";
        var saved = JsonNode.Parse(await (await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { statement = text, version = 0 })).Content.ReadAsStringAsync())!;
        Assert.Equal(601, saved["statementLength"]!.GetValue<int>());
        Assert.Contains("一般不超过500字", saved["warnings"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
    }

    [Fact]
    public async Task A_sixth_case_where_the_limit_is_five_is_refused_and_five_pass()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "案例");
        var task = await w.TaskAsync(w.UnitA, 4);
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { lists = new Dictionary<int, object> { [1] = CaseRows(6) }, version = 0 });
        var problem = await Problem422Async(await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null));
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["rule"]!.GetValue<string>() == "数量限制" && e["message"]!.GetValue<string>().Contains("不超过5个", StringComparison.Ordinal));

        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { lists = new Dictionary<int, object> { [1] = CaseRows(5) }, version = 1 });
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
    }

    [Fact]
    public async Task Any_ten_enterprises_means_exactly_ten()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "十家");
        var task = await w.TaskAsync(w.UnitA, 6);
        var detail = await w.DetailAsync(task);
        Assert.Contains("企业负责人", detail["checklist"]![0]!["listColumns"]!.AsArray().Select(c => c!.GetValue<string>()));
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { lists = new Dictionary<int, object> { [1] = EnterpriseRows(9) }, version = 0 });
        var problem = await Problem422Async(await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null));
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["message"]!.GetValue<string>().Contains("须为10家", StringComparison.Ordinal));
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { lists = new Dictionary<int, object> { [1] = EnterpriseRows(10) }, version = 1 });
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
    }

    [Fact]
    public async Task Dates_outside_the_window_and_bad_mobile_numbers_are_refused_with_the_row_named()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "时间");
        var task = await w.TaskAsync(w.UnitA, 4);
        var rows = CaseRows(3);
        rows[1]["时间"] = "2019-12-31";
        rows[2]["时间"] = "2021-07-01";
        rows[0]["联系方式"] = "13812";
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { lists = new Dictionary<int, object> { [1] = rows }, version = 0 });
        var errors = (await Problem422Async(await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)))["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["rule"]!.GetValue<string>() == "时间范围" && e["row"]!.GetValue<int>() == 2 && e["message"]!.GetValue<string>().Contains("2020-01-01至2021-06-30", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!["rule"]!.GetValue<string>() == "时间范围" && e["row"]!.GetValue<int>() == 3);
        Assert.Contains(errors, e => e!["rule"]!.GetValue<string>() == "联系方式" && e["row"]!.GetValue<int>() == 1);
    }

    [Fact]
    public async Task Missing_items_are_named_and_a_declaration_of_no_responsibility_counts_as_filed()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "缺项");
        var task = await w.TaskAsync(w.UnitA, 3);
        var errors = (await Problem422Async(await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)))["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["rule"]!.GetValue<string>() == "缺少材料" && e["item"]!.GetValue<int>() == 1);
        Assert.Contains(errors, e => e!["rule"]!.GetValue<string>() == "缺少材料" && e["item"]!.GetValue<int>() == 2);

        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { notApplicable = true, version = 0 });
        var noReason = (await Problem422Async(await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)))["errors"]!.AsArray();
        Assert.Contains(noReason, e => e!["rule"]!.GetValue<string>() == "不涉及说明");
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { notApplicable = true, notApplicableReason = "本单位无行政审批中介服务事项", version = 1 });
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
    }

    [Fact]
    public async Task A_filing_goes_from_draft_through_sign_off_return_resubmission_to_approval_and_only_the_office_reopens_it()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "流程");
        var task = await w.TaskAsync(w.UnitA, 2);
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { statement = "第一稿。\n开展了清理。", version = 0 });
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
        Assert.Contains((await w.LeaderA.GetJsonAsync("/api/v1/notifications?pageSize=500"))["items"]!.AsArray(), n => n!["title"]!.GetValue<string>() == "有待审核的迎检材料");
        Assert.Equal(HttpStatusCode.Forbidden, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/sign-off", null)).StatusCode);
        var signed = JsonNode.Parse(await (await w.LeaderA.Http.PostAsync($"/api/v1/tasks/{task}/sign-off", null)).Content.ReadAsStringAsync())!;
        Assert.Equal("submitted", signed["task"]!["status"]!.GetValue<string>());
        Assert.Equal("已报送", signed["task"]!["statusLabel"]!.GetValue<string>());

        var newDeadline = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd");
        var noReason = await w.Office.Http.PostAsJsonAsync($"/api/v1/tasks/{task}/return", new { newDeadline });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var returned = await w.Office.Http.PostAsJsonAsync($"/api/v1/tasks/{task}/return", new { reason = "请补充成效", itemReasons = new Dictionary<int, string> { [1] = "缺少数据" }, newDeadline });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var afterReturn = JsonNode.Parse(await returned.Content.ReadAsStringAsync())!;
        Assert.Equal("returned", afterReturn["task"]!["status"]!.GetValue<string>());
        Assert.Equal(newDeadline, afterReturn["task"]!["deadline"]!.GetValue<string>());
        Assert.Equal(1, afterReturn["task"]!["returnCount"]!.GetValue<int>());

        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { statement = "第二稿。\n开展了清理。\n清理事项12项。", version = 1 });
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.LeaderA.Http.PostAsync($"/api/v1/tasks/{task}/sign-off", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/approve", null)).StatusCode);
        var approved = JsonNode.Parse(await (await w.Office.Http.PostAsync($"/api/v1/tasks/{task}/approve", null)).Content.ReadAsStringAsync())!;
        Assert.Equal("approved", approved["task"]!["status"]!.GetValue<string>());

        var history = approved["history"]!.AsArray().Select(h => $"{h!["from"]!.GetValue<string>()}→{h["to"]!.GetValue<string>()}").ToList();
        Assert.Equal(["draft→pending_signoff", "pending_signoff→submitted", "submitted→returned", "returned→pending_signoff", "pending_signoff→submitted",
            "submitted→approved"], history);
        Assert.Equal("已报送→退回", $"{approved["history"]![2]!["fromLabel"]}→{approved["history"]![2]!["toLabel"]}");
        Assert.Equal("请补充成效", approved["history"]![2]!["reason"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Conflict, (await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { statement = "改", version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.LiaisonA.Http.PostAsJsonAsync($"/api/v1/tasks/{task}/reopen", new { reason = "x", newDeadline })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Office.Http.PostAsJsonAsync($"/api/v1/tasks/{task}/reopen", new { reason = "核验发现问题", newDeadline })).StatusCode);

        var versions = (await w.LiaisonA.GetJsonAsync($"/api/v1/tasks/{task}/versions")).AsArray();
        Assert.Equal(2, versions.Count);
        var compare = await w.Office.GetJsonAsync($"/api/v1/tasks/{task}/versions/compare?a=1&b=2");
        var lines = compare["statement"]!.AsArray().Select(l => $"{l!["kind"]!.GetValue<string>()}:{l["text"]!.GetValue<string>()}").ToList();
        Assert.Contains("删除:第一稿。", lines);
        Assert.Contains("新增:第二稿。", lines);
        Assert.Contains("相同:开展了清理。", lines);
        Assert.Contains("新增:清理事项12项。", lines);
    }

    [Fact]
    public async Task The_leader_can_send_a_draft_back_with_a_reason()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "领导");
        var task = await w.TaskAsync(w.UnitA, 2);
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { statement = "说明。", version = 0 });
        await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null);
        var back = await w.LeaderA.Http.PostAsJsonAsync($"/api/v1/tasks/{task}/send-back", new { reason = "数据不准" });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("draft", JsonNode.Parse(await back.Content.ReadAsStringAsync())!["task"]!["status"]!.GetValue<string>());
        Assert.Contains((await w.LiaisonA.GetJsonAsync("/api/v1/notifications?pageSize=500"))["items"]!.AsArray(), n => n!["body"]!.GetValue<string>().Contains("数据不准", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_is_missing_is_listed_per_task_of_the_own_unit_and_shrinks_as_the_unit_files()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "缺什么");
        var statement = await w.TaskAsync(w.UnitA, 2);
        var nothingAsked = await w.TaskAsync(w.UnitA, 1);
        JsonNode For(JsonArray list, Guid task) => list.Single(p => Guid.Parse(p!["taskId"]!.GetValue<string>()) == task)!;

        var before = (await w.LiaisonA.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/tasks/problems")).AsArray();
        Assert.Equal((await w.TasksAsync(w.LiaisonA)).Count, before.Count);
        Assert.Equal(1, For(before, statement)["count"]!.GetValue<int>());
        Assert.Contains("尚未填写", For(before, statement)["messages"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, For(before, nothingAsked)["count"]!.GetValue<int>());

        await CampaignWorld.SaveDraftAsync(w.LiaisonA, statement, new { statement = "已开展清理工作。", version = 0 });
        var after = (await w.LiaisonA.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/tasks/problems")).AsArray();
        Assert.Equal(0, For(after, statement)["count"]!.GetValue<int>());

        var other = (await w.LiaisonB.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/tasks/problems")).AsArray();
        var own = (await w.TasksAsync(w.LiaisonB)).Select(t => t!["id"]!.GetValue<string>()).ToHashSet();
        Assert.NotEmpty(other);
        Assert.All(other, p => Assert.Contains(p!["taskId"]!.GetValue<string>(), own));
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonA.Http.GetAsync($"/api/v1/campaigns/{Guid.NewGuid()}/tasks/problems")).StatusCode);
    }

    [Fact]
    public async Task A_liaison_of_another_unit_touching_a_task_gets_404()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "越界");
        var task = await w.TaskAsync(w.UnitA, 3);
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.GetAsync($"/api/v1/tasks/{task}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CampaignWorld.SaveDraftAsync(w.LiaisonB, task, new { statement = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.PostAsync($"/api/v1/tasks/{task}/files", FilePart(Pdf, "a.pdf"))).StatusCode);
        var own = await w.TasksAsync(w.LiaisonB);
        Assert.All(own, t => Assert.Equal(w.UnitB, Guid.Parse(t!["unitId"]!.GetValue<string>())));
    }

    [Fact]
    public async Task The_lead_unit_sees_the_assisting_units_part_and_the_assisting_unit_sees_only_its_own()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "牵头");
        var lead = await w.TaskAsync(w.UnitA, 2);
        var part = await w.TaskAsync(w.UnitB, 2);
        await CampaignWorld.SaveDraftAsync(w.LiaisonB, part, new { statement = "乙局的部分。", version = 0 });
        var parts = (await w.LiaisonA.GetJsonAsync($"/api/v1/tasks/{lead}/parts")).AsArray();
        Assert.Equal("乙局的部分。", parts.Single()!["statement"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.GetAsync($"/api/v1/tasks/{part}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.GetAsync($"/api/v1/tasks/{lead}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.LiaisonB.Http.GetAsync($"/api/v1/tasks/{part}/parts")).StatusCode);
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_stored_once_and_previewed()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "附件");
        var task = await w.TaskAsync(w.UnitA, 3);
        var exe = await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/files", FilePart([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04], "清单.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("内容与扩展名.pdf不符", await exe.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var first = await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/files?item=1", FilePart(Pdf, "清单.pdf"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var a = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        var compiled = await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/files?item=1&kind={Uri.EscapeDataString("汇编上级文件")}", FilePart(Pdf, "上级文件汇编.pdf"));
        var b = JsonNode.Parse(await compiled.Content.ReadAsStringAsync())!;
        Assert.Equal(a["sha256"]!.GetValue<string>(), b["sha256"]!.GetValue<string>());
        Assert.Equal("higher_level_compilation", b["kind"]!.GetValue<string>());
        Assert.Equal("汇编上级文件", b["kindLabel"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), a["sha256"]!.GetValue<string>());
        var stored = Directory.GetFiles(Path.Combine(factory.DataRoot, "files"), "*", SearchOption.AllDirectories);
        Assert.Single(stored, f => Path.GetFileName(f) == a["sha256"]!.GetValue<string>());

        var preview = await w.LiaisonA.Http.GetAsync($"/api/v1/attachments/{ApiClient.Id(a)}");
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        Assert.Null(preview.Content.Headers.ContentDisposition);
        Assert.Equal(Pdf, await preview.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.GetAsync($"/api/v1/attachments/{ApiClient.Id(a)}")).StatusCode);
    }

    [Fact]
    public async Task An_upload_cut_off_midway_leaves_no_record_and_no_file()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "中断");
        var task = await w.TaskAsync(w.UnitA, 3);
        var unique = Encoding.ASCII.GetBytes("%PDF-1.4 cut " + Guid.NewGuid() + new string('x', 200_000));
        // A multipart body whose file part never reaches its closing boundary, as when the connection drops.
        var body = new MemoryStream();
        body.Write(Encoding.ASCII.GetBytes("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"));
        body.Write(unique);
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");
        var response = await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/files", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("上传未完成", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Empty((await w.DetailAsync(task))["attachments"]!.AsArray());
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(unique));
        var filesDir = Path.Combine(factory.DataRoot, "files");
        Assert.DoesNotContain(Directory.Exists(filesDir) ? Directory.GetFiles(filesDir, "*", SearchOption.AllDirectories) : [], f => f.EndsWith(sha, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataRoot, "tmp"), "upload-*"));
    }

    [Fact]
    public async Task Two_people_saving_the_same_draft_do_not_silently_overwrite_each_other()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "并发");
        var task = await w.TaskAsync(w.UnitA, 2);
        var version = (await w.LiaisonA.GetJsonAsync($"/api/v1/tasks/{task}"))["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { statement = "甲写的。", version })).StatusCode);
        var second = await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { statement = "乙写的。", version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("请刷新后再保存", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("甲写的。", (await w.DetailAsync(task))["statement"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_office_approves_in_batch_and_filters_the_review_queue()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "批量");
        var t1 = await w.TaskAsync(w.UnitA, 1);
        var t2 = await w.TaskAsync(w.UnitA, 2);
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, t2, new { statement = "说明。", version = 0 });
        foreach (var t in new[] { t1, t2 })
        {
            Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{t}/submit", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await w.LeaderA.Http.PostAsync($"/api/v1/tasks/{t}/sign-off", null)).StatusCode);
        }
        var queue = await w.TasksAsync(w.Office, "?status=submitted");
        Assert.Equal(2, queue.Count);
        var batch = await w.Office.PostOkAsync("/api/v1/tasks/batch/approve", new { taskIds = new[] { t1, t2, Guid.NewGuid() } }, HttpStatusCode.OK);
        Assert.Equal(2, batch["done"]!.AsArray().Count);
        Assert.Single(batch["refused"]!.AsObject());
        Assert.Equal(2, (await w.TasksAsync(w.Office, "?status=" + Uri.EscapeDataString("已通过"))).Count);
        Assert.Equal(2, (await w.TasksAsync(w.Office, "?indicatorNo=4")).Count);
    }

    [Fact]
    public async Task The_campaign_tasks_and_the_review_queue_answer_the_page_contract_filtered_and_sorted_in_the_database()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "分页");
        var all = await w.TasksAsync(w.Office);
        Assert.True(all.Count >= 4);
        var order = all.Select(t => (t!["indicatorNos"]![0]!.GetValue<int>(), t["unitName"]!.GetValue<string>())).ToList();
        Assert.Equal(order.OrderBy(o => o.Item1).ThenBy(o => o.Item2, StringComparer.Ordinal), order);

        var first = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/tasks?page=1&pageSize=2");
        Assert.Equal(["items", "total", "page", "pageSize"], first.AsObject().Select(p => p.Key));
        Assert.Equal(all.Count, first["total"]!.GetValue<int>());
        Assert.Equal(2, first["pageSize"]!.GetValue<int>());
        var second = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/tasks?page=2&pageSize=2");
        Assert.Equal(2, second["page"]!.GetValue<int>());
        Assert.Equal(all.Skip(2).Take(2).Select(t => ApiClient.Id(t!)), second["items"]!.AsArray().Select(t => ApiClient.Id(t!)));
        var defaults = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/tasks?pageSize=9999");
        Assert.Equal(500, defaults["pageSize"]!.GetValue<int>());
        Assert.Equal(50, (await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/tasks"))["pageSize"]!.GetValue<int>());

        var task = await w.TaskAsync(w.UnitA, 2);
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { statement = "说明。", version = 0 });
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
        var queue = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/tasks?status=pending_signoff&pageSize=1");
        Assert.Equal(1, queue["total"]!.GetValue<int>());
        Assert.Equal(task, ApiClient.Id(queue["items"]![0]!));
        Assert.Equal(all.Count - 1, (await w.TasksAsync(w.Office, "?status=draft")).Count);
        Assert.Equal(all.Count(t => t!["unitId"]!.GetValue<string>() == w.UnitA.ToString()), (await w.TasksAsync(w.Office, $"?unitId={w.UnitA}")).Count);
        Assert.Equal(all.Count(t => t!["methods"]!.AsArray().Any(m => m!.GetValue<string>() == "document_check")),
            (await w.TasksAsync(w.Office, "?method=document_check")).Count);
        // The label names the same method.
        Assert.Equal((await w.TasksAsync(w.Office, "?method=document_check")).Count,
            (await w.TasksAsync(w.Office, "?method=" + Uri.EscapeDataString("材料查证"))).Count);
        Assert.Empty(await w.TasksAsync(w.Office, "?overdue=true"));
        Assert.Equal(all.Count, (await w.TasksAsync(w.Office, "?overdue=false")).Count);
        var bad = await w.Office.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/tasks?status=done");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("pending_signoff", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
