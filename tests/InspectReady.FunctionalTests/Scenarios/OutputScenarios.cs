using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using InspectReady.FunctionalTests.Infrastructure;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class OutputScenarios(AppFactory factory)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    /// <summary>Two filings approved (one with two attachments of the same name), one returned.</summary>
    private static async Task<CampaignWorld> FiledWorldAsync(AppFactory factory, string prefix)
    {
        var w = await CampaignWorld.CreateAsync(factory, prefix);
        var statement = await w.TaskAsync(w.UnitA, 2);
        var cases = await w.TaskAsync(w.UnitA, 4);
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, statement, new { statement = "本级政府开展了变相许可清理。\n共清理事项12项。", version = 0 });
        foreach (var content in new[] { Pdf, Encoding.ASCII.GetBytes("%PDF-1.4 second\n%%EOF\n") })
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "清理文件.pdf");
            Assert.Equal(HttpStatusCode.Created, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{statement}/files", form)).StatusCode);
        }
        await CampaignWorld.SaveDraftAsync(w.LiaisonA, cases, new
        {
            lists = new Dictionary<int, object> { [1] = new[] { new Dictionary<string, string> { ["时间"] = "2020-05-01", ["案由"] = "无证经营", ["措施"] = "扣押", ["结果"] = "已解除", ["当事人"] = "某公司", ["联系方式"] = "13812345678" } } },
            version = 0,
        });
        foreach (var t in new[] { statement, cases })
        {
            Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{t}/submit", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await w.LeaderA.Http.PostAsync($"/api/v1/tasks/{t}/sign-off", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await w.Office.Http.PostAsync($"/api/v1/tasks/{t}/approve", null)).StatusCode);
        }
        return w;
    }

    [Fact]
    public async Task The_task_list_export_has_the_documents_columns_plus_status_and_the_mark()
    {
        using var w = await FiledWorldAsync(factory, "清单导出");
        var response = await w.Office.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/export/tasklist.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["一级指标", "二级指标", "序号", "三级指标", "测评方法", "填报材料", "责任单位", "状态", "报送时间", "审核人", "退回次数"],
            MiniExcel.GetColumns(stream, useHeaderRow: true, sheetName: "任务清单"));
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "任务清单").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(9, rows.Count); // 7 tasks; the 4–5 group (two units) appears under each of its indicators
        var row2 = rows.First(r => Convert.ToInt32(r["序号"], System.Globalization.CultureInfo.InvariantCulture) == 2 && ((string)r["责任单位"]).Contains("甲局", StringComparison.Ordinal));
        Assert.Equal("已通过", row2["状态"]);
        Assert.Equal("清单导出甲局（牵头）", row2["责任单位"]);
        Assert.Equal("一、第一部分", row2["一级指标"]);
        Assert.Equal(w.Prefix + "-office", row2["审核人"]);
        stream.Position = 0;
        var info = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "说明").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(info, r => (string)r["内容"] == "内部资料 严禁外传");
        Assert.Contains(info, r => (string)r["内容"] == w.Prefix + "-office");

        var progress = await w.Office.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/export/progress.xlsx");
        using var p = new MemoryStream(await progress.Content.ReadAsByteArrayAsync());
        var byUnit = MiniExcel.Query(p, useHeaderRow: true, sheetName: "按单位").Cast<IDictionary<string, object>>().ToList();
        var a = byUnit.Single(r => (string)r["单位"] == "清单导出甲局");
        Assert.Equal(2, Convert.ToInt32(a["已通过"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Statements_and_the_compilation_are_official_docx_with_headings_and_a_table_of_contents_and_convert_to_pdf()
    {
        using var w = await FiledWorldAsync(factory, "公文");
        var statement = await w.Office.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/export/statements/2");
        Assert.Equal(HttpStatusCode.OK, statement.StatusCode);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await statement.Content.ReadAsByteArrayAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("本级政府开展了变相许可清理。", text, StringComparison.Ordinal);
            Assert.Contains("清理文件.pdf", text, StringComparison.Ordinal);
            var section = doc.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single();
            Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
            Assert.Equal(2098, section.GetFirstChild<PageMargin>()!.Top!.Value);
            Assert.Contains("内部资料 严禁外传", doc.MainDocumentPart.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
            Assert.Contains("PAGE", doc.MainDocumentPart.FooterParts.Single().Footer!.InnerText, StringComparison.Ordinal);
        }

        var compilation = await w.Office.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/export/compilation");
        Assert.Equal(HttpStatusCode.OK, compilation.StatusCode);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await compilation.Content.ReadAsByteArrayAsync()), false))
        {
            var body = doc.MainDocumentPart!.Document.Body!;
            Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.Contains("PAGEREF _Toc000001", StringComparison.Ordinal));
            Assert.Equal(InspectReady.Web.Features.Outputs.OutputsHandler.CompilationTitle($"{w.Prefix}创建活动"), body.Elements<Paragraph>().First().InnerText);
            var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
                .Select(p => (p.ParagraphProperties!.ParagraphStyleId!.Val!.Value!, p.InnerText)).ToList();
            Assert.Equal(("Heading1", "一、第一部分"), headings[0]);
            Assert.Equal(("Heading2", "1. 第一节。"), headings[1]);
            Assert.Equal(("Heading3", "1. 指标一。"), headings[2]);
            Assert.Equal(1 + 2 + 7, headings.Count);
            // Each entry: the heading's text, then its page number (a PAGEREF field the converter or Word computes).
            var toc = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("TOC", StringComparison.Ordinal) == true)
                .Select(p => string.Concat(p.Elements<Run>().TakeWhile(r => !r.Elements<TabChar>().Any()).Select(r => r.InnerText))).ToList();
            Assert.Equal(headings.Select(h => h.Item2), toc);
        }

        var pdf = await w.Office.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/export/compilation?format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pdf");
        await File.WriteAllBytesAsync(path, await pdf.Content.ReadAsByteArrayAsync());
        try
        {
            var info = Process.Start(new ProcessStartInfo("pdfinfo", path) { RedirectStandardOutput = true })!;
            var output = await info.StandardOutput.ReadToEndAsync();
            await info.WaitForExitAsync();
            var pages = int.Parse(output.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(pages >= 3, $"the compilation has a title page, a table of contents and the filings; got {pages} pages");
            // The contents give each heading's page, and the heading is on that page.
            var text = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", path, "-"]) { RedirectStandardOutput = true })!;
            var layout = await text.StandardOutput.ReadToEndAsync();
            await text.WaitForExitAsync();
            var sheets = layout.Split('\f');
            var contents = Array.FindIndex(sheets, p => System.Text.RegularExpressions.Regex.IsMatch(p, "目\\s*录"));
            Assert.True(contents >= 0, "no 目录 page in the PDF:\n" + layout);
            Assert.Contains(OutputsTitle($"{w.Prefix}创建活动"), sheets[0].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            foreach (var heading in new[] { "一、第一部分", "1. 第一节。", "1. 指标一。" })
            {
                var line = sheets[contents].Split('\n').FirstOrDefault(l => l.Contains(heading, StringComparison.Ordinal));
                Assert.True(line is not null, $"目录 lacks {heading}:\n{sheets[contents]}");
                var match = System.Text.RegularExpressions.Regex.Match(line!, "(\\d+)\\s*$");
                Assert.True(match.Success, $"目录 line without a page number: {line}");
                var page = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(page > contents + 1 && page <= sheets.Length, $"{heading}: page {page} of {sheets.Length}, contents on page {contents + 1}");
                Assert.Contains(heading, sheets[page - 1], StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string OutputsTitle(string campaign) => InspectReady.Web.Features.Outputs.OutputsHandler.CompilationTitle(campaign).Replace(" ", "", StringComparison.Ordinal);

    [Fact]
    public async Task The_package_is_built_in_the_background_foldered_by_the_framework_and_downloads_with_resume()
    {
        using var w = await FiledWorldAsync(factory, "材料包");
        var queued = await w.Office.Http.PostAsync($"/api/v1/campaigns/{w.CampaignId}/packages", JsonContent.Create(new { approvedOnly = true }));
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var jobId = Guid.Parse(JsonNode.Parse(await queued.Content.ReadAsStringAsync())!["jobId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.GetAsync($"/api/v1/jobs/{jobId}")).StatusCode);

        JsonNode job;
        var watch = Stopwatch.StartNew();
        do
        {
            await Task.Delay(200);
            job = await w.Office.GetJsonAsync($"/api/v1/jobs/{jobId}");
        }
        while (job["state"]!.GetValue<string>() is "queued" or "running" && watch.Elapsed < TimeSpan.FromSeconds(60));
        Assert.Equal("succeeded", job["state"]!.GetValue<string>());
        Assert.Equal("已完成", job["stateLabel"]!.GetValue<string>());
        Assert.Equal(100, job["progress"]!.GetValue<int>());

        var partial = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{jobId}/result");
        partial.Headers.Range = new RangeHeaderValue(0, 99);
        var head = await w.Office.Http.SendAsync(partial);
        Assert.Equal(HttpStatusCode.PartialContent, head.StatusCode);
        Assert.Equal(100, (await head.Content.ReadAsByteArrayAsync()).Length);

        var full = await w.Office.Http.GetAsync($"/api/v1/jobs/{jobId}/result");
        using var zip = new ZipArchive(new MemoryStream(await full.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        const string folder = "01-第一部分/01-第一节/002-指标二/材料包甲局（牵头）/";
        Assert.Contains(folder + "情况说明.docx", names);
        Assert.Contains(folder + "清理文件.pdf", names);
        Assert.Contains(folder + "清理文件 (2).pdf", names);
        Assert.Contains("01-第一部分/02-第二节/004-指标四/材料包甲局（配合）/清单-第1项.xlsx", names);
        Assert.Contains("01-第一部分/02-第二节/005-指标五/合并提供说明.txt", names);
        Assert.DoesNotContain(names, n => n.Contains("003-指标三", StringComparison.Ordinal));
        using (var reader = new StreamReader(zip.GetEntry("说明.txt")!.Open()))
        {
            Assert.Contains("内部资料 严禁外传", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }
        using var index = new MemoryStream();
        await using (var entry = zip.GetEntry("index.xlsx")!.Open())
        {
            await entry.CopyToAsync(index);
        }
        index.Position = 0;
        var rows = MiniExcel.Query(index, useHeaderRow: true, sheetName: "目录").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["路径"] == folder + "清理文件.pdf" && (string)r["SHA-256"] == Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)));
        Assert.Equal(names.Count - 2, rows.Count);
    }
}
