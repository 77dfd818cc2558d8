using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Exams;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>The people of an exam: a district with two units and their liaisons, the office with the sample bank, people of unit A.</summary>
public sealed record ExamCast(District District, ApiClient Office, string OfficeName, IReadOnlyList<Guid> PeopleA, IReadOnlyList<Guid> PeopleB);

/// <summary>Intent methods for exams, beside ApiClient so the shared file stays untouched.</summary>
public static class ExamApi
{
    public static async Task<ExamCast> CreateExamCastAsync(this AppFactory factory, string prefix, int peoplePerUnit = 3)
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync(prefix);
        await admin.CreateRegionUserAsync($"{prefix}-office", district.Region, "创建办");
        var office = await factory.Api().SignInAsync($"{prefix}-office", ApiClient.StrongPassword);
        Assert.Equal(HttpStatusCode.Created, (await office.Http.PostAsync("/api/v1/exams/questions/samples", null)).StatusCode);
        async Task<List<Guid>> People(Guid unit, string tag)
        {
            var ids = new List<Guid>();
            for (var i = 0; i < peoplePerUnit; i++)
            {
                var id = ApiClient.Id(await admin.PostOkAsync("/api/v1/people", new { name = $"{prefix}{tag}{i}", unitId = unit, campaignRole = "联络员" }));
                var put = await office.Http.PutAsJsonAsync($"/api/v1/exams/people/{id}", new
                {
                    position = "科员", enforcementCertificate = $"4104{i:0000}", certificateValidUntil = "2099-12-31",
                });
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
                ids.Add(id);
            }
            return ids;
        }
        return new ExamCast(district, office, $"{prefix}-office", await People(district.UnitA, "甲"), await People(district.UnitB, "乙"));
    }

    /// <summary>One of each type from the sample bank.</summary>
    public static object[] EveryType(int count = 1) =>
    [
        new { type = "single", count, score = 2 }, new { type = "multiple", count, score = 3 }, new { type = "truefalse", count, score = 1 },
        new { type = "blank", count, score = 2 }, new { type = "short", count, score = 10 },
    ];

    public static async Task<Guid> CreateExamAsync(this ApiClient office, string name, object[] blueprint, string scoring = "all_or_nothing", int minutes = 30) =>
        ApiClient.Id(await office.PostOkAsync("/api/v1/exams", new { name, durationMinutes = minutes, blueprint, multipleScoring = scoring }));

    public static async Task<JsonArray> AssignAsync(this ApiClient office, Guid exam, IEnumerable<Guid> people) =>
        (await office.PostOkAsync($"/api/v1/exams/{exam}/examinees", new { personIds = people.ToArray() }, HttpStatusCode.OK))["examinees"]!.AsArray();

    /// <summary>An anonymous client holding the examinee token of an access code.</summary>
    public static async Task<ApiClient> ExamineeAsync(this AppFactory factory, string code, WebApplicationFactoryClient? client = null)
    {
        var api = client?.Api ?? factory.Api();
        var response = await api.Http.PostAsJsonAsync("/api/v1/exams/access", new { code });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"access gave {(int)response.StatusCode}: {text}");
        api.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(text)!["accessToken"]!.GetValue<string>());
        return api;
    }

    public static Task<HttpResponseMessage> AnswerAsync(this ApiClient examinee, Guid exam, string itemId, object? answer) =>
        examinee.Http.PutAsJsonAsync($"/api/v1/me/exams/{exam}/answers/{itemId}", new { answer });

    /// <summary>The frozen content of an item (what the examinee does not see), read from the database.</summary>
    public static async Task<QuestionContent> ContentAsync(this AppFactory factory, string itemId)
    {
        await using var db = await factory.Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.PaperItems.AsNoTracking().FirstAsync(i => i.Id == Guid.Parse(itemId))).Content;
    }

    public static MultipartFormDataContent File(byte[] bytes, string name)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", name);
        return content;
    }

    public static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var s = new MemoryStream();
        MiniExcel.SaveAs(s, rows.ToList(), sheetName: "题库");
        return s.ToArray();
    }

    public static byte[] Docx(params string[] paragraphs)
    {
        using var s = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(s, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
            main.Document.Save();
        }
        return s.ToArray();
    }

    public static async Task<JsonArray> ImportErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"import gave {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["errors"]!.AsArray();
    }
}

/// <summary>A client of another host (e.g. one with a shifted clock) wrapped for the intent methods.</summary>
public sealed record WebApplicationFactoryClient(ApiClient Api);
