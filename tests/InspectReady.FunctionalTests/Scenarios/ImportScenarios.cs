using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class ImportScenarios(AppFactory factory)
{
    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> units, IEnumerable<Dictionary<string, object?>> people)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new Dictionary<string, object> { ["单位"] = units.ToList(), ["人员"] = people.ToList() });
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Unit(string name, string region, string kind = "区直单位", string aliases = "", string tags = "") =>
        new() { ["单位名称"] = name, ["所属区划"] = region, ["单位类别"] = kind, ["别名"] = aliases, ["标签"] = tags };

    private static Dictionary<string, object?> Person(string name, string unit, string role, string mobile = "") =>
        new() { ["姓名"] = name, ["所属单位"] = unit, ["职务"] = "科员", ["迎检职责"] = role, ["手机"] = mobile, ["办公电话"] = "" };

    private static async Task<HttpResponseMessage> UploadAsync(ApiClient api, byte[] content, string fileName = "导入.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await api.Http.PostAsync("/api/v1/organisation/import", form);
    }

    private static async Task<(int Units, int People)> CountsAsync(ApiClient admin) =>
        ((await admin.GetJsonAsync("/api/v1/units")).AsArray().Count, (await admin.GetJsonAsync("/api/v1/people"))["items"]!.AsArray().Count);

    [Fact]
    public async Task A_good_file_imports_units_and_people_in_one_go()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var city = await admin.CreateRegionAsync("导入市", "市");
        await admin.CreateRegionAsync("导入区", "区", city);
        var file = Workbook(
            [Unit("导入区应急管理局", "导入区", aliases: "导入应急局", tags: "行政执法单位"), Unit("导入区教体局", "导入市/导入区")],
            [Person("孙八", "导入应急局", "联络员", "13900001111"), Person("周九", "导入区教体局", "主要领导")]);

        var response = await UploadAsync(admin, file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, summary["units"]!.GetValue<int>());
        Assert.Equal(2, summary["people"]!.GetValue<int>());
        var unit = await admin.GetJsonAsync("/api/v1/units/resolve?name=" + Uri.EscapeDataString("导入应急局"));
        Assert.Equal("导入区应急管理局", unit["name"]!.GetValue<string>());
        Assert.Equal(["行政执法单位"], unit["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task A_bad_file_reports_every_problem_with_row_and_column_and_imports_nothing()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("坏文件");
        var before = await CountsAsync(admin);

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new Dictionary<string, object>
        {
            ["单位"] = new List<Dictionary<string, object?>>
            {
                Unit("坏文件区新单位", "坏文件区"),
                Unit("坏文件区新单位", "坏文件区"),          // duplicate within the file (row 3)
                Unit("坏文件区司法局", "坏文件区"),          // duplicate of an existing unit (row 4)
                Unit("坏文件区外单位", "不存在区"),           // unknown region (row 5)
            },
            // 迎检职责 column missing
            ["人员"] = new List<Dictionary<string, object?>> { new() { ["姓名"] = "吴十", ["所属单位"] = "坏文件区新单位" } },
        });

        var response = await UploadAsync(admin, stream.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        var errors = problem["errors"]!.AsArray().Select(e => (Row: e!["row"]?.GetValue<int?>(), Column: e["field"]?.GetValue<string>(), Message: e["message"]!.GetValue<string>())).ToList();

        Assert.Contains(errors, e => e.Row == 3 && e.Column == "单位名称" && e.Message.Contains("与第2行重复", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "单位名称" && e.Message.Contains("已被系统中的单位", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "所属区划" && e.Message.Contains("不存在区", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 1 && e.Column == "迎检职责" && e.Message.Contains("缺少列", StringComparison.Ordinal));

        Assert.Equal(before, await CountsAsync(admin));
    }

    [Fact]
    public async Task A_file_that_is_not_an_xlsx_is_refused_by_its_content()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var response = await UploadAsync(admin, "MZ this is an executable"u8.ToArray(), "伪装.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不是 .xlsx", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_is_an_xlsx_with_the_expected_columns()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var response = await admin.Http.GetAsync("/api/v1/organisation/import-template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["单位", "人员", "填写说明"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        Assert.Equal(["单位名称", "所属区划", "单位类别", "别名", "标签"], MiniExcel.GetColumns(stream, useHeaderRow: true, sheetName: "单位"));
        stream.Position = 0;
        Assert.Equal(["姓名", "所属单位", "职务", "迎检职责", "手机", "办公电话"], MiniExcel.GetColumns(stream, useHeaderRow: true, sheetName: "人员"));
    }
}
