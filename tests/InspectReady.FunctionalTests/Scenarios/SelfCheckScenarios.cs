using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class SelfCheckScenarios(AppFactory factory)
{
    [Fact]
    public async Task Self_check_lists_unfiled_tasks_and_broken_rules_per_unit_and_exports_them()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "自查");
        var statement = await w.TaskAsync(w.UnitA, 2);
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, statement, new { statement = new string('字', 1200), version = 0 });

        var mine = await w.LiaisonA.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/self-check");
        var rows = mine["rows"]!.AsArray();
        Assert.All(rows, r => Assert.Equal(w.UnitA, Guid.Parse(r!["unitId"]!.GetValue<string>())));
        var row2 = rows.Single(r => r!["indicatorNos"]![0]!.GetValue<int>() == 2)!;
        Assert.True(row2["started"]!.GetValue<bool>());
        Assert.Contains(row2["problems"]!.AsArray(), p => p!["rule"]!.GetValue<string>() == "情况说明字数");
        var row3 = rows.Single(r => r!["indicatorNos"]![0]!.GetValue<int>() == 3)!;
        Assert.False(row3["started"]!.GetValue<bool>());
        // Item 1 wants the list and its public address, item 2 the directory.
        Assert.Equal(3, row3["problems"]!.AsArray().Count(p => p!["rule"]!.GetValue<string>() == "缺少材料"));
        var row1 = rows.Single(r => r!["indicatorNos"]![0]!.GetValue<int>() == 1)!;
        Assert.Empty(row1["problems"]!.AsArray());

        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonA.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/self-check?unitId={w.UnitB}")).StatusCode);
        var all = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/self-check");
        Assert.Equal(7, all["tasks"]!.GetValue<int>());

        var export = await w.Office.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/self-check.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(sheet, r => (string)r["单位"] == "自查甲局" && (string)r["问题类别"] == "情况说明字数");
        Assert.Contains(sheet, r => (string)r["状态"] == "未填报");
    }

    [Fact]
    public async Task A_case_list_imports_from_its_template_and_bad_rows_are_named()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "清单导入");
        var task = await w.TaskAsync(w.UnitA, 4);
        var template = await w.LiaisonA.Http.GetAsync($"/api/v1/tasks/{task}/lists/1/template");
        using var t = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
        Assert.Equal(["时间", "案由", "措施", "结果", "当事人", "联系方式"], MiniExcel.GetColumns(t, useHeaderRow: true));

        async Task<HttpResponseMessage> UploadAsync(List<Dictionary<string, object?>> rows)
        {
            using var s = new MemoryStream();
            MiniExcel.SaveAs(s, rows);
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(s.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", "案例.xlsx");
            return await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/lists/1/import", form);
        }
        Dictionary<string, object?> Row(string contact) => new() { ["时间"] = "2020-06-01", ["案由"] = "无证经营", ["措施"] = "扣押", ["结果"] = "已处理", ["当事人"] = "某公司", ["联系方式"] = contact };

        var bad = await UploadAsync([Row("13900000000"), Row("abc")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = (await ApiClient.ProblemAsync(bad))["errors"]!.AsArray().Single()!;
        Assert.Equal(3, error["row"]!.GetValue<int>());
        Assert.Equal("联系方式", error["field"]!.GetValue<string>());
        Assert.Equal("F", error["column"]!.GetValue<string>());
        Assert.Empty((await w.DetailAsync(task))["lists"]!.AsObject());

        var good = await UploadAsync([Row("13900000000"), Row("0375-2911111")]);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var lists = (await w.DetailAsync(task))["lists"]!["1"]!.AsArray();
        Assert.Equal(2, lists.Count);
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
    }
}
