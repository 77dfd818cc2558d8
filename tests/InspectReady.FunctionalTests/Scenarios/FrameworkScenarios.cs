using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class FrameworkScenarios(AppFactory factory)
{
    private static readonly string[] Columns = ["一级指标", "二级指标", "序号", "三级指标", "测评方法", "填报材料", "责任单位"];

    private static async Task<Guid> BuiltInAsync(ApiClient api) =>
        ApiClient.Id((await api.GetJsonAsync("/api/v1/frameworks")).AsArray().Single(f => f!["code"]!.GetValue<string>() == "fzzf-sx-2021")!);

    private static async Task<int> FrameworkCountAsync(ApiClient api) => (await api.GetJsonAsync("/api/v1/frameworks")).AsArray().Count;

    private static async Task<HttpResponseMessage> ImportAsync(ApiClient api, byte[] content, string fileName, string? code = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (code is not null)
        {
            form.Add(new StringContent(code), "code");
        }
        return await api.Http.PostAsync("/api/v1/frameworks/import", form);
    }

    private static Dictionary<string, object?> Row(object? l1, object? l2, object? no, string text, string methods = "网络检索 材料查证",
        string materials = "不需提供申报材料。", string units = "区司法局") =>
        new() { ["一级指标"] = l1, ["二级指标"] = l2, ["序号"] = no, ["三级指标"] = text, ["测评方法"] = methods, ["填报材料"] = materials, ["责任单位"] = units };

    private static byte[] Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.ToList());
        return stream.ToArray();
    }

    [Fact]
    public async Task The_built_in_framework_has_the_100_indicators_of_the_task_list()
    {
        using var api = await factory.Api().SignInAsAdminAsync();
        var list = (await api.GetJsonAsync("/api/v1/frameworks")).AsArray();
        var builtIn = list.Single(f => f!["code"]!.GetValue<string>() == "fzzf-sx-2021")!;
        Assert.Equal(100, builtIn["indicatorCount"]!.GetValue<int>());
        Assert.Equal("市县法治政府建设示范指标体系（2021年版）", builtIn["name"]!.GetValue<string>());

        var indicators = (await api.GetJsonAsync($"/api/v1/frameworks/{ApiClient.Id(builtIn)}/indicators")).AsArray();
        Assert.Equal(Enumerable.Range(1, 100), indicators.Select(i => i!["no"]!.GetValue<int>()));
        Assert.Equal(9, indicators.Select(i => i!["level1"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(32, indicators.Select(i => (i!["level1"]!.GetValue<string>(), i["level2"]!.GetValue<string>())).Distinct().Count());

        var first = indicators[0]!;
        Assert.Equal("政府职能依法全面履行", first["level1"]!.GetValue<string>());
        Assert.Equal("加大简政放权力度", first["level2"]!.GetValue<string>());
        Assert.Equal("全面普及行政审批服务“马上办、网上办、就近办、一次办、自助办”，行政审批事项在法定期限内完成并不断压缩办理时限。", first["text"]!.GetValue<string>());
        Assert.Equal(["web_search", "site_inspection"], Strings(first["methods"]));
        Assert.Equal(["网络检索", "实地核查"], Strings(first["methodLabels"]));
        Assert.Equal(["区政务服务和大数据管理局", "区直有行政审批职能的单位"], Strings(first["units"]));
        Assert.Equal("not_required", first["materialItems"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("不需提供", first["materialItems"]![0]!["kindLabel"]!.GetValue<string>());

        var no4 = indicators[3]!;
        Assert.Contains("区市场监督管理局", Strings(no4["units"]));
        Assert.DoesNotContain("区市场监管局", Strings(no4["units"]));

        var no26 = indicators[25]!;
        Assert.Equal([26, 27, 28, 29], no26["materialsGroup"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal(no26["materials"]!.GetValue<string>(), indicators[28]!["materials"]!.GetValue<string>());
        Assert.Equal("任选", no26["maxItems"]!["relation"]!.GetValue<string>());
        Assert.Equal(5, no26["maxItems"]!["count"]!.GetValue<int>());
        Assert.Equal("件", no26["maxItems"]!["unit"]!.GetValue<string>());
        Assert.Equal(2020, no26["since"]!.GetValue<int>());

        var no10 = indicators[9]!;
        Assert.Equal("恰好", no10["maxItems"]!["relation"]!.GetValue<string>());
        Assert.Equal(10, no10["maxItems"]!["count"]!.GetValue<int>());
        Assert.Equal("家", no10["maxItems"]!["unit"]!.GetValue<string>());
        Assert.Equal("2020-01-01", no10["materialItems"]![0]!["windowFrom"]!.GetValue<string>());
        Assert.Equal("2021-06-30", no10["materialItems"]![0]!["windowTo"]!.GetValue<string>());

        var no13 = indicators[12]!;
        Assert.Equal("不超过", no13["maxItems"]!["relation"]!.GetValue<string>());
        Assert.Equal(5, no13["maxItems"]!["count"]!.GetValue<int>());
        Assert.Equal(["区直各有关行政执法部门"], Strings(no13["units"]));
        Assert.True(indicators.All(i => i!["materialsGroup"] is null || i["materialsGroup"]!.AsArray().Count > 1));
        Assert.DoesNotContain(indicators, i => i!["text"]!.GetValue<string>().Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_tree_has_nine_first_level_and_32_second_level_headings()
    {
        using var api = await factory.Api().SignInAsAdminAsync();
        var tree = await api.GetJsonAsync($"/api/v1/frameworks/{await BuiltInAsync(api)}/tree");
        var headings = tree["headings"]!.AsArray();
        Assert.Equal(9, headings.Count);
        Assert.Equal(32, headings.Sum(h => h!["children"]!.AsArray().Count));
        Assert.Equal(100, headings.SelectMany(h => h!["children"]!.AsArray()).Sum(c => c!["indicators"]!.AsArray().Count));
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("json")]
    public async Task Exporting_the_built_in_framework_and_importing_the_file_gives_an_identical_framework(string format)
    {
        using var api = await factory.Api().SignInAsAdminAsync();
        var id = await BuiltInAsync(api);
        var export = await api.Http.GetAsync($"/api/v1/frameworks/{id}/export?format={format}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();

        var imported = await ImportAsync(api, bytes, $"round-trip.{format}", code: $"round-trip-{format}");
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var copy = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
        Assert.Equal("市县法治政府建设示范指标体系（2021年版）", copy["name"]!.GetValue<string>());
        Assert.Equal(100, copy["indicatorCount"]!.GetValue<int>());

        var original = await api.GetJsonAsync($"/api/v1/frameworks/{id}/indicators");
        var roundTrip = await api.GetJsonAsync($"/api/v1/frameworks/{ApiClient.Id(copy)}/indicators");
        Assert.Equal(ApiClient.Text(original), ApiClient.Text(roundTrip));
        var originalTree = (await api.GetJsonAsync($"/api/v1/frameworks/{id}/tree"))["headings"]!;
        var copyTree = (await api.GetJsonAsync($"/api/v1/frameworks/{ApiClient.Id(copy)}/tree"))["headings"]!;
        Assert.Equal(ApiClient.Text(originalTree), ApiClient.Text(copyTree));
    }

    [Fact]
    public async Task A_small_task_list_with_merged_headings_and_mixed_separators_imports()
    {
        using var api = await factory.Api().SignInAsAdminAsync();
        var file = Sheet([
            Row("一、第一部分", "1. 第一节。", 1, "指标一。", "网络检索、材料查证", units: "区司法局\n区财政局"),
            Row(null, null, 2, "指标二。", "实地核验\n座谈访谈", materials: "第2、3项指标，请合并提供下列材料：\n2020年以来的情况说明。"),
            Row(null, "2. 第二节。", 3, "指标三。", "随机抽考", materials: "第2、3项指标，请合并提供下列材料：\n2020年以来的情况说明。"),
        ]);
        var response = await ImportAsync(api, file, "省级变体.xlsx", code: "province-variant");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("省级变体", created["name"]!.GetValue<string>());
        var indicators = (await api.GetJsonAsync($"/api/v1/frameworks/{ApiClient.Id(created)}/indicators")).AsArray();
        Assert.Equal(["第一节", "第一节", "第二节"], indicators.Select(i => i!["level2"]!.GetValue<string>()));
        Assert.Equal(["区司法局", "区财政局"], Strings(indicators[0]!["units"]));
        Assert.Equal(["site_verification", "interview"], Strings(indicators[1]!["methods"]));
        Assert.Equal([2, 3], indicators[2]!["materialsGroup"]!.AsArray().Select(n => n!.GetValue<int>()));
    }

    public static TheoryData<string, string, int?, string> BadFiles() => new()
    {
        { "wrong-header", "缺少列“测评方法”", 1, "测评方法" },
        { "unknown-method", "未知的测评方法“电话抽查”", 3, "测评方法" },
        { "duplicate-number", "序号2与第3行重复", 4, "序号" },
        { "missing-number", "缺少序号2", 3, "序号" },
        { "empty-text", "三级指标内容不能为空", 3, "三级指标" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_task_list_is_refused_with_row_and_column_and_nothing_is_written(string @case, string message, int? row, string column)
    {
        using var api = await factory.Api().SignInAsAdminAsync();
        var rows = new List<Dictionary<string, object?>>
        {
            Row("一、甲", "1. 乙。", 1, "指标一。"),
            Row(null, null, 2, "指标二。"),
            Row(null, null, 3, "指标三。"),
        };
        switch (@case)
        {
            case "wrong-header":
                rows = [.. rows.Select(r => r.Where(kv => kv.Key != "测评方法").Append(new("评估方式", "网络检索")).ToDictionary())];
                break;
            case "unknown-method":
                rows[1]["测评方法"] = "网络检索 电话抽查";
                break;
            case "duplicate-number":
                rows[2]["序号"] = 2;
                break;
            case "missing-number":
                rows[1]["序号"] = 3;
                rows[2]["序号"] = 4;
                break;
            case "empty-text":
                rows[1]["三级指标"] = "  ";
                break;
        }
        var before = await FrameworkCountAsync(api);
        var response = await ImportAsync(api, Sheet(rows), $"{@case}.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        var errors = problem["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["row"]?.GetValue<int?>() == row && e["field"]!.GetValue<string>() == column
            && e["message"]!.GetValue<string>().Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await FrameworkCountAsync(api));
    }

    [Fact]
    public async Task A_file_that_is_not_xlsx_and_a_file_over_the_limit_are_refused_and_nothing_is_written()
    {
        using var api = await factory.Api().SignInAsAdminAsync();
        var before = await FrameworkCountAsync(api);
        var notExcel = await ImportAsync(api, "%PDF-1.7 not a spreadsheet"u8.ToArray(), "清单.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, notExcel.StatusCode);
        Assert.Contains("不是 .xlsx", await notExcel.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var big = new byte[21 * 1024 * 1024];
        big[0] = 0x50; big[1] = 0x4B; big[2] = 0x03; big[3] = 0x04;
        var tooBig = await ImportAsync(api, big, "巨大.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("超过20MB上限", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await FrameworkCountAsync(api));
    }

    [Fact]
    public async Task A_code_already_in_use_is_refused()
    {
        using var api = await factory.Api().SignInAsAdminAsync();
        var file = Sheet([Row("一、甲", "1. 乙。", 1, "指标一。")]);
        var response = await ImportAsync(api, file, "重复.xlsx", code: "fzzf-sx-2021");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("已被另一个指标体系使用", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_corrects_a_checklist_and_a_liaison_may_not()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("清单");
        var file = Sheet([Row("一、甲", "1. 乙。", 1, "指标一。", materials: "请提供2020年以来的情况说明。")]);
        var framework = ApiClient.Id(JsonNode.Parse(await (await ImportAsync(admin, file, "更正.xlsx", code: "correct-me")).Content.ReadAsStringAsync())!);
        var items = new[] { new { index = 1, text = "典型案例", kind = "案例列表", count = new { relation = "不超过", count = 3, unit = "个" }, sinceYear = 2019, period = (string?)null, requiredFields = new[] { "联系方式" } } };

        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Http.PutAsJsonAsync($"/api/v1/frameworks/{framework}/indicators/1/material-items", items)).StatusCode);

        var response = await admin.Http.PutAsJsonAsync($"/api/v1/frameworks/{framework}/indicators/1/material-items", items);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var indicator = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(indicator["itemsCorrected"]!.GetValue<bool>());
        Assert.Equal("case_list", indicator["materialItems"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal(3, indicator["maxItems"]!["count"]!.GetValue<int>());
        Assert.Equal(2019, indicator["since"]!.GetValue<int>());

        var bad = await admin.Http.PutAsJsonAsync($"/api/v1/frameworks/{framework}/indicators/1/material-items", new[] { new { index = 1, text = "x", kind = "照片" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("材料类型“照片”无效", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_edition_maps_to_the_same_numbers_by_default_and_the_mapping_can_be_edited()
    {
        using var api = await factory.Api().SignInAsAdminAsync();
        var old = await BuiltInAsync(api);
        var file = Sheet([Row("一、甲", "1. 乙。", 1, "指标一。"), Row(null, null, 2, "指标二。")]);
        var edition = ApiClient.Id(JsonNode.Parse(await (await ImportAsync(api, file, "新版.xlsx", code: "edition-2")).Content.ReadAsStringAsync())!);
        var mapping = (await api.GetJsonAsync($"/api/v1/frameworks/{edition}/mapping?from={old}")).AsArray();
        Assert.Equal(100, mapping.Count);
        Assert.Equal(1, mapping[0]!["toNo"]!.GetValue<int>());
        Assert.Null(mapping[2]!["toNo"]);

        var put = await api.Http.PutAsJsonAsync($"/api/v1/frameworks/{edition}/mapping?from={old}", new { entries = new[] { new { fromNo = 3, toNo = 2, isDefault = false } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var edited = JsonNode.Parse(await put.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(2, edited[2]!["toNo"]!.GetValue<int>());
        var wrong = await api.Http.PutAsJsonAsync($"/api/v1/frameworks/{edition}/mapping?from={old}", new { entries = new[] { new { fromNo = 3, toNo = 9, isDefault = false } } });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(x => x!.GetValue<string>())];
}
