using System.Net;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Scenarios.CaseFiles;

public abstract class CaseImportScenarios(AppFactory factory)
{
    private static Dictionary<string, object?> Penalty(string number, string decided = "2021-09-28", string published = "2021-10-13", string party = "某公司") => new()
    {
        ["案号*"] = number, ["案由*"] = "未按规定公示", ["当事人*"] = party, ["执法人员1"] = "张三", ["执法证号1"] = "41040001",
        ["执法人员2"] = "李四", ["执法证号2"] = "41040002", ["决定日期"] = decided, ["公示日期"] = published, ["重大执法决定"] = "否",
    };

    [Fact]
    public async Task The_template_of_a_kind_has_its_own_columns_and_instructions()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var response = await admin.Http.GetAsync("/api/v1/case-files/import-template?kind=" + Uri.EscapeDataString("规范性文件合法性审核"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["规范性文件合法性审核", "填写说明"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var columns = MiniExcel.GetColumns(stream, useHeaderRow: true, sheetName: "规范性文件合法性审核").ToList();
        Assert.Equal(["案号*", "文件名称*"], columns.Take(2));
        Assert.Contains("征求意见期限", columns);
        Assert.DoesNotContain("当事人", columns);
        Assert.DoesNotContain("执法人员1", columns);
    }

    [Fact]
    public async Task A_good_file_imports_every_row()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("导卷");
        using var liaison = await factory.SignInAsync(cast.District.LiaisonA);
        var response = await liaison.ImportCasesAsync(cast.District.UnitA, "行政处罚",
            CaseFileApi.Workbook("行政处罚", [Penalty("导卷罚1"), Penalty("导卷罚2", published: "2021-10-14")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["imported"]!.GetValue<int>());
        var cases = (await liaison.GetJsonAsync("/api/v1/case-files?kind=" + Uri.EscapeDataString("行政处罚")))["items"]!.AsArray();
        Assert.Equal(["导卷罚1", "导卷罚2"], cases.Select(c => c!["caseNumber"]!.GetValue<string>()));
        Assert.Equal([0, 1], cases.Select(c => c!["failedChecks"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_bad_file_reports_every_bad_row_and_imports_nothing()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("坏卷");
        using var liaison = await factory.SignInAsync(cast.District.LiaisonA);
        await liaison.RegisterPenaltyAsync(cast.District.UnitA, "坏卷罚0");
        var rows = new List<Dictionary<string, object?>>
        {
            Penalty("坏卷罚1"),                                  // row 2: good
            Penalty("坏卷罚2", decided: "2021-13-01"),           // row 3: malformed date
            Penalty("坏卷罚1"),                                  // row 4: duplicate of row 2
            Penalty("坏卷罚0"),                                  // row 5: already registered
            Penalty("坏卷罚5", party: ""),                       // row 6: missing party
            Penalty("坏卷罚6", published: "2021-09-01"),         // row 7: published before the decision
        };
        var errors = await CaseFileApi.ErrorsAsync(await liaison.ImportCasesAsync(cast.District.UnitA, "行政处罚", CaseFileApi.Workbook("行政处罚", rows)));

        Assert.Contains(errors, e => e.Row == 3 && e.Column == "决定日期" && e.Message.Contains("不是有效日期", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "案号" && e.Message.Contains("与第2行重复", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "案号" && e.Message.Contains("本单位已有案号", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "当事人" && e.Message == "“当事人”不能为空");
        Assert.Contains(errors, e => e.Row == 7 && e.Column == "公示日期" && e.Message.Contains("早于“决定日期”", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Single((await liaison.GetJsonAsync("/api/v1/case-files"))["items"]!.AsArray());
        Assert.Contains(await factory.AuditAsync("案卷导入"), a => a.Result == "失败");
    }

    [Fact]
    public async Task Importing_into_another_unit_is_404_and_a_wrong_sheet_is_explained()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("他卷");
        using var liaison = await factory.SignInAsync(cast.District.LiaisonA);
        var file = CaseFileApi.Workbook("行政处罚", [Penalty("他卷罚1")]);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.ImportCasesAsync(cast.District.UnitB, "行政处罚", file)).StatusCode);
        var wrong = await CaseFileApi.ErrorsAsync(await liaison.ImportCasesAsync(cast.District.UnitA, "行政许可", file));
        Assert.Contains(wrong, e => e.Message.Contains("没有“行政许可”工作表", StringComparison.Ordinal));
    }
}
