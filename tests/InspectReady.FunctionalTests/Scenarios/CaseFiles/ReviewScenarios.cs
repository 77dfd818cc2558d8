using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Scenarios.CaseFiles;

/// <summary>Sampling, scoring, results, rectification and the reports, as the office, a reviewer and the units do them.</summary>
public abstract class ReviewScenarios(AppFactory factory)
{
    private static List<Guid> Files(JsonNode draw) => [.. draw["files"]!.AsArray().Select(f => Guid.Parse(f!["caseFileId"]!.GetValue<string>()))];

    [Fact]
    public async Task A_draw_is_recorded_reproducible_from_its_seed_and_never_silently_redone()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("抽样");
        using var office = await factory.SignInAsync(cast.Office);
        for (var i = 1; i <= 6; i++)
        {
            await office.RegisterPenaltyAsync(cast.District.UnitA, $"抽样罚{i}");
        }

        var first = await office.DrawAsync(cast.District.UnitA, "行政处罚", 2, seed: 20211015);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var draw = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal((20211015L, cast.Office, 6), (draw["seed"]!.GetValue<long>(), draw["drawnBy"]!.GetValue<string>(), draw["populationCount"]!.GetValue<int>()));
        Assert.Equal(2, Files(draw).Count);

        var again = await office.DrawAsync(cast.District.UnitA, "行政处罚", 2, seed: 20211015);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("须填写理由", (await ApiClient.ProblemAsync(again))["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var redo = await office.DrawAsync(cast.District.UnitA, "行政处罚", 2, seed: 20211015, redoReason: "核对种子");
        Assert.Equal(HttpStatusCode.Created, redo.StatusCode);
        var second = JsonNode.Parse(await redo.Content.ReadAsStringAsync())!;
        Assert.Equal(Files(draw), Files(second));
        Assert.Equal(ApiClient.Id(draw), Guid.Parse(second["replaces"]!.GetValue<string>()));

        var history = (await office.GetJsonAsync($"/api/v1/case-files/draws?unitId={cast.District.UnitA}")).AsArray();
        Assert.Equal(2, history.Count);
        Assert.Equal(ApiClient.Id(second).ToString(), history.Single(d => ApiClient.Id(d!) == ApiClient.Id(draw))!["supersededBy"]!.GetValue<string>());
        Assert.True((await office.GetJsonAsync($"/api/v1/case-files/draws/{ApiClient.Id(draw)}/verify"))["matches"]!.GetValue<bool>());
        var audit = await factory.AuditAsync($"案卷抽查 单位 {cast.District.UnitA}");
        Assert.Equal(["抽取案卷", "重新抽取案卷"], audit.Select(a => a.Action));
        Assert.Contains("理由：核对种子", audit[1].Detail, StringComparison.Ordinal);

        var other = await office.DrawAsync(cast.District.UnitA, "行政处罚", 2, seed: 7, redoReason: "换种子");
        Assert.NotEqual(Files(second), Files(JsonNode.Parse(await other.Content.ReadAsStringAsync())!));

        using var liaison = await factory.SignInAsync(cast.District.LiaisonA);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.DrawAsync(cast.District.UnitA, "行政处罚", 1, redoReason: "x")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_scores_a_sampled_file_and_the_results_rectification_and_reports_follow()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("评分");
        using var liaisonA = await factory.SignInAsync(cast.District.LiaisonA);
        var sampled = await liaisonA.RegisterPenaltyAsync(cast.District.UnitA, "评分罚1", new { publishedOn = "2021-10-14" });
        using var office = await factory.SignInAsync(cast.Office);
        Assert.Equal(HttpStatusCode.Created, (await office.DrawAsync(cast.District.UnitA, "行政处罚", 1, seed: 1)).StatusCode);
        var unsampled = await liaisonA.RegisterPenaltyAsync(cast.District.UnitA, "评分罚2");

        using var reviewer = await factory.SignInAsync(cast.Reviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.Http.GetAsync($"/api/v1/case-files/{unsampled}/review")).StatusCode);
        var blank = await reviewer.GetJsonAsync($"/api/v1/case-files/{sampled}/review");
        var items = blank["items"]!.AsArray();
        Assert.Equal("行政处罚案卷评查标准", blank["templateName"]!.GetValue<string>());
        Assert.Equal(100m, items.Sum(i => i!["maxPoints"]!.GetValue<decimal>()));

        // Full marks except item 12 (publication), 5 points off without a reason first.
        var scores = items.Select(i => new { number = i!["number"]!.GetValue<int>(), points = (decimal?)i["maxPoints"]!.GetValue<decimal>(), comment = (string?)null }).ToList();
        scores[11] = new { number = 12, points = (decimal?)0m, comment = (string?)null };
        var noReason = await reviewer.Http.PutAsJsonAsync($"/api/v1/case-files/{sampled}/review", new { items = scores, submit = true });
        Assert.Contains(await CaseFileApi.ErrorsAsync(noReason), e => e.Row == 12 && e.Column == "comment" && e.Message.Contains("须写明扣分理由", StringComparison.Ordinal));
        scores[11] = new { number = 12, points = (decimal?)0m, comment = (string?)"超过7个工作日才公示" };
        var submitted = await reviewer.Http.PutAsJsonAsync($"/api/v1/case-files/{sampled}/review", new { items = scores, submit = true });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var review = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        Assert.Equal((95m, "excellent", "优秀"), (review["total"]!.GetValue<decimal>(), review["grade"]!.GetValue<string>(), review["gradeLabel"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.Http.PutAsJsonAsync($"/api/v1/case-files/{sampled}/review", new { items = scores, submit = true })).StatusCode);

        var results = await office.GetJsonAsync("/api/v1/case-files/results");
        var unitA = results["units"]!.AsArray().Single(u => u!["unitName"]!.GetValue<string>() == "评分区司法局")!;
        Assert.Equal((2, 1, 1, 95m), (unitA["registered"]!.GetValue<int>(), unitA["sampled"]!.GetValue<int>(), unitA["reviewed"]!.GetValue<int>(), unitA["averageScore"]!.GetValue<decimal>()));

        var generated = await office.PostOkAsync("/api/v1/case-files/rectifications/generate", new { deadline = "2099-12-31" }, HttpStatusCode.OK);
        Assert.True(generated["created"]!.GetValue<int>() >= 2);
        Assert.Equal(0, (await office.PostOkAsync("/api/v1/case-files/rectifications/generate", new { deadline = "2099-12-31" }, HttpStatusCode.OK))["created"]!.GetValue<int>());
        var list = (await liaisonA.GetJsonAsync("/api/v1/case-files/rectifications")).AsArray();
        Assert.Contains(list, r => r!["source"]!.GetValue<string>() == "review" && r["sourceLabel"]!.GetValue<string>() == "评查扣分" && r["problem"]!.GetValue<string>().Contains("超过7个工作日才公示", StringComparison.Ordinal));
        Assert.Contains(list, r => r!["source"]!.GetValue<string>() == "check" && r["problem"]!.GetValue<string>().Contains("执法决定公示时限", StringComparison.Ordinal));

        var item = ApiClient.Id(list[0]!);
        using var liaisonB = await factory.SignInAsync(cast.District.LiaisonB);
        Assert.Empty((await liaisonB.GetJsonAsync("/api/v1/case-files/rectifications")).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await liaisonB.Http.PostAsJsonAsync($"/api/v1/case-files/rectifications/{item}/respond", new { response = "越权" })).StatusCode);
        await liaisonA.PostOkAsync($"/api/v1/case-files/rectifications/{item}/respond", new { response = "已补充公示并建立公示台账" }, HttpStatusCode.OK);
        var confirmed = await office.PostOkAsync($"/api/v1/case-files/rectifications/{item}/confirm", new { }, HttpStatusCode.OK);
        Assert.Equal("confirmed", confirmed["status"]!.GetValue<string>());
        Assert.Equal("已销号", confirmed["statusLabel"]!.GetValue<string>());

        var xlsx = await office.Http.GetAsync("/api/v1/case-files/results/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(["单位汇总", "案卷得分", "整改清单", "说明"], MiniExcel.GetSheetNames(stream));
            stream.Position = 0;
            var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "案卷得分").Cast<IDictionary<string, object>>().ToList();
            Assert.Contains(rows, r => (string)r["案号"] == "评分罚1" && Convert.ToDecimal(r["得分"], System.Globalization.CultureInfo.InvariantCulture) == 95m);
        }
        var docx = await office.Http.GetAsync("/api/v1/case-files/results/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("案卷评查结果报告", xml, StringComparison.Ordinal);
        Assert.Contains("评分区司法局", xml, StringComparison.Ordinal);
        Assert.Contains("评分罚1", xml, StringComparison.Ordinal);
        Assert.Contains(await factory.AuditAsync("案卷评查结果报告 Word"), a => a.Action == "导出");
    }

    [Fact]
    public async Task The_office_keeps_the_templates_whose_points_must_add_up_to_100()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("标准");
        using var office = await factory.SignInAsync(cast.Office);
        var kinds = (await office.GetJsonAsync("/api/v1/case-files/templates")).AsArray().Select(t => t!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("penalty", kinds);
        Assert.Contains("licensing", kinds);

        var path = "/api/v1/case-files/templates/" + Uri.EscapeDataString("行政强制");
        var bad = await office.Http.PutAsJsonAsync(path, new { name = "行政强制案卷评查标准", items = new[] { new { category = "证据", content = "证据充分", maxPoints = 90m } } });
        Assert.Contains(await CaseFileApi.ErrorsAsync(bad), e => e.Message == "各项分值合计为90分，应为100分");
        var good = await office.Http.PutAsJsonAsync(path, new
        {
            name = "行政强制案卷评查标准",
            items = new[] { new { category = "执法程序", content = "强制措施程序合法", maxPoints = 60m }, new { category = "证据", content = "证据充分", maxPoints = 40m } },
        });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var replaced = await office.Http.PutAsJsonAsync(path, new
        {
            name = "行政强制案卷评查标准（修订）",
            items = new[] { new { category = "证据", content = "证据确实充分", maxPoints = 100m } },
        });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var template = await office.GetJsonAsync(path);
        Assert.Equal("行政强制案卷评查标准（修订）", template["name"]!.GetValue<string>());
        Assert.Equal(["证据确实充分"], template["items"]!.AsArray().Select(i => i!["content"]!.GetValue<string>()));
        using var liaison = await factory.SignInAsync(cast.District.LiaisonA);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Http.PutAsJsonAsync(path, new { name = "x", items = Array.Empty<object>() })).StatusCode);
    }
}
