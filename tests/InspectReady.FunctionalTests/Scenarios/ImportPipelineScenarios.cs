using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Scenarios;

/// <summary>
/// The five imports share one pipeline (ADR 0032): for each, a file with a bad row is refused with the row, the
/// column letter, the header and a Chinese message, every problem in one answer, and nothing is written.
/// </summary>
public abstract class ImportPipelineScenarios(AppFactory factory)
{
    private static byte[] Book(params (string Sheet, List<Dictionary<string, object?>> Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets.ToDictionary(s => s.Sheet, s => (object)s.Rows));
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(ApiClient api, string url, byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return await api.Http.PostAsync(url, form);
    }

    private sealed record Error(int? Row, string? Column, string? Field, string Message);

    private static async Task<List<Error>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiClient.ProblemAsync(response);
        return [.. problem["errors"]!.AsArray().Select(e => new Error(e!["row"]?.GetValue<int?>(), e["column"]?.GetValue<string>(),
            e["field"]?.GetValue<string>(), e["message"]!.GetValue<string>()))];
    }

    private static async Task<byte[]> TemplateAsync(ApiClient api, string url)
    {
        var response = await api.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Organisation_a_bad_row_is_named_by_row_letter_and_header_and_nothing_is_written()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var city = await admin.CreateRegionAsync("管线市", "市");
        await admin.CreateRegionAsync("管线区", "区", city);
        var before = (await admin.GetJsonAsync("/api/v1/units")).AsArray().Count;
        var file = Book(
            ("单位", [
                new() { ["单位名称"] = "管线区司法局", ["所属区划"] = "管线区", ["类别"] = "区直单位" },  // synonym header
                new() { ["单位名称"] = "管线区财政局", ["所属区划"] = "管线区", ["类别"] = "区直部门" },  // row 3: not a kind
            ]),
            ("人员", [new() { ["姓名"] = "赵管线", ["所属单位"] = "管线区司法局", ["迎检职责"] = "联络员", ["手机号"] = "1390000" }]));

        var errors = await ErrorsAsync(await UploadAsync(admin, "/api/v1/organisation/import", file, "管线.xlsx"));
        Assert.Contains(errors, e => e is { Row: 3, Column: "C", Field: "单位类别" } && e.Message.Contains("只能是", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 2, Column: "D", Field: "手机" } && e.Message.Contains("格式不正确", StringComparison.Ordinal));
        Assert.Equal(before, (await admin.GetJsonAsync("/api/v1/units")).AsArray().Count);
        Assert.Contains(await factory.AuditAsync("组织机构导入 管线.xlsx"), a => a.Action == "导入" && a.Result == "失败");

        var template = await TemplateAsync(admin, "/api/v1/organisation/import-template");
        using var t = new MemoryStream(template);
        Assert.Contains("填写说明", MiniExcel.GetSheetNames(t));
    }

    [Fact]
    public async Task Case_files_a_bad_row_is_named_by_row_letter_and_header_and_nothing_is_written()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("管卷");
        using var liaison = await factory.SignInAsync(cast.District.LiaisonA);
        Dictionary<string, object?> Penalty(string number, string decided) => new()
        {
            ["案号*"] = number, ["案由*"] = "未按规定公示", ["当事人*"] = "某公司", ["执法人员1"] = "张三", ["执法证号1"] = "41040001",
            ["执法人员2"] = "李四", ["执法证号2"] = "41040002", ["决定日期"] = decided, ["公示日期"] = "2021-10-13", ["重大执法决定"] = "否",
        };
        // Row 2 writes its date the Chinese way (accepted); row 3's date does not exist.
        var file = Book(("行政处罚", [Penalty("管卷罚1", "2021年9月28日"), Penalty("管卷罚2", "2021-02-30")]));

        var errors = await ErrorsAsync(await liaison.ImportCasesAsync(cast.District.UnitA, "行政处罚", file, "管卷.xlsx"));
        var error = Assert.Single(errors);
        Assert.Equal(new Error(3, "H", "决定日期", error.Message), error);
        Assert.Contains("不是有效日期", error.Message, StringComparison.Ordinal);
        Assert.Empty((await liaison.GetJsonAsync("/api/v1/case-files"))["items"]!.AsArray());
        Assert.Contains(await factory.AuditAsync("案卷导入 管卷.xlsx"), a => a.Result == "失败");

        var good = await liaison.ImportCasesAsync(cast.District.UnitA, "行政处罚", Book(("行政处罚", [Penalty("管卷罚1", "2021年9月28日")])), "管卷.xlsx");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var stored = (await liaison.GetJsonAsync("/api/v1/case-files"))["items"]!.AsArray().Single()!;
        Assert.Equal("2021-09-28", stored["fields"]!["decidedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Task_lists_a_bad_row_is_named_by_row_letter_and_header_and_nothing_is_written()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "管单");
        var task = await w.TaskAsync(w.UnitA, 4);
        Dictionary<string, object?> Row(object? when) => new()
        {
            ["时间"] = when, ["案由"] = "无证经营", ["措施"] = "扣押", ["结果"] = "已处理", ["当事人"] = "某公司", ["联系方式"] = "13900000000",
        };
        var file = Book(("清单", [Row("2020年6月1日"), Row("六月"), Row(null)]));

        var errors = await ErrorsAsync(await UploadAsync(w.LiaisonA, $"/api/v1/tasks/{task}/lists/1/import", file, "管单.xlsx"));
        Assert.Contains(errors, e => e is { Row: 3, Column: "A", Field: "时间" } && e.Message.Contains("不是有效日期", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 4, Column: "A", Field: "时间", Message: "“时间”不能为空" });
        Assert.Empty((await w.DetailAsync(task))["lists"]!.AsObject());

        var good = await UploadAsync(w.LiaisonA, $"/api/v1/tasks/{task}/lists/1/import", Book(("清单", [Row("2020年6月1日")])), "管单.xlsx");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("2020-06-01", (await w.DetailAsync(task))["lists"]!["1"]![0]!["时间"]!.GetValue<string>());
    }

    [Fact]
    public async Task Frameworks_a_bad_row_is_named_by_row_letter_and_header_and_nothing_is_written()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var before = (await admin.GetJsonAsync("/api/v1/frameworks")).AsArray().Count;
        Dictionary<string, object?> Row(object? l1, object? l2, object? no, string text) => new()
        {
            ["一级指标"] = l1, ["二级指标"] = l2, ["序号"] = no, ["三级指标"] = text, ["测评方法"] = "网络检索", ["填报材料"] = "不需提供申报材料。", ["责任单位"] = "区司法局",
        };
        var file = Book(("任务清单", [Row("一、甲", "1. 乙。", 1, "指标一。"), Row(null, null, "二", "指标二。")]));

        var errors = await ErrorsAsync(await UploadAsync(admin, "/api/v1/frameworks/import", file, "管线体系.xlsx", ("code", "pipeline-bad")));
        Assert.Contains(errors, e => e is { Row: 3, Column: "C", Field: "序号" } && e.Message.Contains("不是正整数", StringComparison.Ordinal));
        Assert.Equal(before, (await admin.GetJsonAsync("/api/v1/frameworks")).AsArray().Count);

        var template = await TemplateAsync(admin, "/api/v1/frameworks/import/template.xlsx");
        using var t = new MemoryStream(template);
        Assert.Equal(["任务清单", "体系信息", "填写说明"], MiniExcel.GetSheetNames(t));
        t.Position = 0;
        Assert.Equal(["一级指标", "二级指标", "序号", "三级指标", "测评方法", "填报材料", "责任单位"], MiniExcel.GetColumns(t, useHeaderRow: true, sheetName: "任务清单"));
    }

    [Fact]
    public async Task Holiday_years_a_bad_row_is_named_by_row_letter_and_header_and_nothing_is_written()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        const string Paper = "https://www.gov.cn/zhengce/content/2031-test.htm";
        Dictionary<string, object?> Day(string date, string name, string kind) => new()
        {
            ["日期"] = date, ["名称"] = name, ["安排"] = kind, ["年份"] = null, ["通知网址"] = Paper,
        };
        var file = Book(("节假日安排", [Day("2031-10-01", "国庆节", "放假"), Day("2031/10/2", "国庆节", "休息"), Day("2031-10-06", "国庆节", "调休上班")]));

        var errors = await ErrorsAsync(await UploadAsync(admin, "/api/v1/calendar/years", file, "2031.xlsx"));
        Assert.Contains(errors, e => e is { Row: 3, Column: "C", Field: "安排" } && e.Message.Contains("只能是：放假、调休上班", StringComparison.Ordinal));
        Assert.DoesNotContain((await admin.GetJsonAsync("/api/v1/calendar/years")).AsArray(), y => y!["year"]!.GetValue<int>() == 2031);
        Assert.Contains(await factory.AuditAsync("节假日安排（2031.xlsx）"), a => a.Result == "失败");

        // 2031-10-06 is a Monday: the year's own rule names its row.
        var weekday = await ErrorsAsync(await UploadAsync(admin, "/api/v1/calendar/years",
            Book(("节假日安排", [Day("2031-10-01", "国庆节", "放假"), Day("2031-10-06", "国庆节", "调休上班")])), "2031.xlsx"));
        Assert.Contains(weekday, e => e is { Row: 3, Column: "C", Field: "安排" } && e.Message.StartsWith("调休上班日不在周末", StringComparison.Ordinal));

        var good = await UploadAsync(admin, "/api/v1/calendar/years",
            Book(("节假日安排", [Day("2031-10-01", "国庆节", "放假"), Day("2031年10月2日", "国庆节", "off"), Day("2031-10-11", "国庆节", "调休上班")])), "2031.xlsx");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var year = JsonNode.Parse(await good.Content.ReadAsStringAsync())!;
        Assert.Equal(2, year["holidays"]!.GetValue<int>());
        Assert.Equal(1, year["adjustedWorkdays"]!.GetValue<int>());

        var template = await TemplateAsync(admin, "/api/v1/calendar/years/template.xlsx");
        using var t = new MemoryStream(template);
        Assert.Equal(["节假日安排", "填写说明"], MiniExcel.GetSheetNames(t));
    }
}
