using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Domain.Common;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Scenarios;

/// <summary>
/// Every export, downloaded as its user would: the file (opened for real: .xlsx, .docx, .json, the package's .zip)
/// carries the classification mark with the exporting user and the Beijing time, and an audit record (导出) names it.
/// </summary>
public abstract class ExportMarkScenarios(AppFactory factory)
{
    private const string Mark = "内部资料 严禁外传";

    private sealed record Export(string Path, string Kind, string AuditTarget);

    [Fact]
    public async Task Every_export_carries_the_mark_with_user_and_time_and_is_audited()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "密级标注");
        var office = $"{w.Prefix}-office";
        var campaign = w.Campaign["name"]!.GetValue<string>();
        var framework = await w.Admin.GetJsonAsync("/api/v1/frameworks");
        var code = framework.AsArray().First(f => ApiClient.Id(f!) == w.Framework)!["code"]!.GetValue<string>();

        var byOffice = new[]
        {
            new Export($"/api/v1/campaigns/{w.CampaignId}/export/tasklist.xlsx", "xlsx", $"{campaign} 任务清单"),
            new Export($"/api/v1/campaigns/{w.CampaignId}/export/progress.xlsx", "xlsx", $"{campaign} 进度报表"),
            new Export($"/api/v1/campaigns/{w.CampaignId}/export/statements/2", "docx", $"{campaign} 第2项情况说明"),
            new Export($"/api/v1/campaigns/{w.CampaignId}/export/compilation", "docx", $"{campaign} 迎检材料汇编"),
            new Export($"/api/v1/campaigns/{w.CampaignId}/self-check.xlsx", "xlsx", "自查结果"),
            new Export($"/api/v1/campaigns/{w.CampaignId}/supervision/register.xlsx", "xlsx", "督导检查台账"),
            new Export("/api/v1/case-files/results/export.xlsx", "xlsx", "案卷评查结果 Excel"),
            new Export("/api/v1/case-files/results/report.docx", "docx", "案卷评查结果报告 Word"),
        };
        using var auditor = await factory.Api().SignInAsAuditAdminAsync();
        foreach (var export in byOffice)
        {
            await CheckAsync(w.Office, office, export, auditor);
        }
        foreach (var format in new[] { "xlsx", "json" })
        {
            await CheckAsync(w.Admin, "admin", new Export($"/api/v1/frameworks/{w.Framework}/export?format={format}", format, $"指标体系 {code}"), auditor);
        }
        await CheckAsync(auditor, "auditadmin", new Export($"/api/v1/audit/export.xlsx?keyword={Uri.EscapeDataString(w.Prefix)}", "xlsx", "审计日志"), auditor);

        // The package is built in the background: its 说明.txt and its 目录.xlsx carry the mark.
        var queued = await w.Office.Http.PostAsync($"/api/v1/campaigns/{w.CampaignId}/packages", JsonContent.Create(new { approvedOnly = false }));
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var jobId = JsonNode.Parse(await queued.Content.ReadAsStringAsync())!["jobId"]!.GetValue<Guid>();
        JsonNode job;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            await Task.Delay(200);
            job = await w.Office.GetJsonAsync($"/api/v1/jobs/{jobId}");
        }
        while (job["state"]!.GetValue<string>() is not ("已完成" or "失败" or "succeeded" or "failed") && waited.Elapsed < TimeSpan.FromSeconds(60));
        var zipBytes = await w.Office.Http.GetByteArrayAsync($"/api/v1/jobs/{jobId}/result");
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        using (var readme = new StreamReader(zip.GetEntry("说明.txt")!.Open()))
        {
            AssertLine(await readme.ReadToEndAsync(), office, "迎检材料包 说明.txt");
        }
        var index = zip.Entries.First(e => e.Name.EndsWith(".xlsx", StringComparison.Ordinal) && e.FullName.Split('/').Length == 1);
        using (var copy = new MemoryStream())
        {
            await using (var s = index.Open())
            {
                await s.CopyToAsync(copy);
            }
            AssertSheet(copy, office, "迎检材料包 " + index.Name);
        }
    }

    private static async Task CheckAsync(ApiClient who, string userName, Export export, ApiClient auditor)
    {
        var response = await who.Http.GetAsync(export.Path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{export.Path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        switch (export.Kind)
        {
            case "xlsx":
                AssertSheet(new MemoryStream(bytes), userName, export.Path);
                break;
            case "docx":
                using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
                {
                    var text = string.Join("\n", doc.MainDocumentPart!.HeaderParts.Select(h => h.Header!.InnerText)
                        .Append(doc.MainDocumentPart.Document!.Body!.InnerText));
                    AssertLine(text, userName, export.Path);
                }
                break;
            default:
                AssertLine(JsonNode.Parse(bytes)!["exportMark"]!.GetValue<string>(), userName, export.Path);
                break;
        }
        var audit = await auditor.GetJsonAsync(
            $"/api/v1/audit?action={Uri.EscapeDataString("导出")}&user={Uri.EscapeDataString(userName)}&pageSize=500");
        Assert.True(audit["items"]!.AsArray().Any(a => a!["target"]?.GetValue<string>() == export.AuditTarget && a["result"]!.GetValue<string>() == "成功"),
            $"{export.Path}: no audit record 导出 {export.AuditTarget} by {userName}");
    }

    /// <summary>The workbook's 说明 sheet: 密级, 导出人, 导出时间 (Beijing, within the last minutes).</summary>
    private static void AssertSheet(Stream xlsx, string userName, string what)
    {
        Assert.True(MiniExcel.GetSheetNames(xlsx).Contains("说明"), $"{what}: no 说明 sheet");
        xlsx.Position = 0;
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "说明").Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["项目"], r => Convert.ToString(r["内容"], CultureInfo.InvariantCulture)!);
        Assert.Equal(Mark, rows["密级"]);
        Assert.Equal(userName, rows["导出人"]);
        AssertRecent(rows["导出时间"], what);
    }

    private static void AssertLine(string text, string userName, string what)
    {
        Assert.True(text.Contains(Mark, StringComparison.Ordinal), $"{what}: no mark");
        Assert.True(text.Contains($"导出人：{userName}", StringComparison.Ordinal), $"{what}: no user");
        var at = text.IndexOf("导出时间：", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{what}: no time");
        AssertRecent(text.Substring(at + "导出时间：".Length, 16), what);
    }

    private static void AssertRecent(string printed, string what)
    {
        var at = DateTime.ParseExact(printed, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var now = ChinaTime.ToChina(DateTime.UtcNow);
        Assert.True(at <= now.AddMinutes(1) && at >= now.AddMinutes(-10), $"{what}: 导出时间 {printed} is not Beijing now ({now:yyyy-MM-dd HH:mm})");
    }
}
