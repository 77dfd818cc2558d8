using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>The people of a case-file review: a district with two units and their liaisons, the office, a reviewer, an inspector.</summary>
public sealed record ReviewCast(District District, string Office, string Reviewer, string Inspector);

/// <summary>Intent methods for case-file review, beside ApiClient so the shared file stays untouched.</summary>
public static class CaseFileApi
{
    public static async Task<ReviewCast> CreateReviewCastAsync(this ApiClient admin, string prefix)
    {
        var district = await admin.CreateDistrictAsync(prefix);
        await admin.CreateRegionUserAsync($"{prefix}-office", district.Region, "创建办");
        await admin.CreateUserAsync($"{prefix}-reviewer", null, "评查员");
        await admin.CreateRegionUserAsync($"{prefix}-inspector", district.City, "督查");
        return new ReviewCast(district, $"{prefix}-office", $"{prefix}-reviewer", $"{prefix}-inspector");
    }

    public static Task<ApiClient> SignInAsync(this AppFactory factory, string userName) => factory.Api().SignInAsync(userName, ApiClient.StrongPassword);

    /// <summary>A 行政处罚 case with two certified officers; <paramref name="extra"/> adds or overrides fields.</summary>
    public static async Task<Guid> RegisterPenaltyAsync(this ApiClient api, Guid unitId, string caseNumber, object? extra = null) =>
        ApiClient.Id(await api.PostOkAsync("/api/v1/case-files", PenaltyBody(unitId, caseNumber, extra)));

    public static JsonObject PenaltyBody(Guid unitId, string caseNumber, object? extra = null)
    {
        var body = new JsonObject
        {
            ["unitId"] = unitId.ToString(),
            ["kind"] = "行政处罚",
            ["caseNumber"] = caseNumber,
            ["cause"] = "未按规定公示企业信息",
            ["party"] = "某某商贸有限公司",
            ["filedOn"] = "2021-09-01",
            ["decidedOn"] = "2021-09-28",
            ["publishedOn"] = "2021-10-13",
            ["officers"] = new JsonArray(
                new JsonObject { ["name"] = "张三", ["certificateNumber"] = "41040001" },
                new JsonObject { ["name"] = "李四", ["certificateNumber"] = "41040002" }),
        };
        if (extra is not null)
        {
            foreach (var (key, value) in JsonSerializerToObject(extra))
            {
                body[key] = value?.DeepClone();
            }
        }
        return body;
    }

    public static async Task<JsonNode> CaseFileAsync(this ApiClient api, Guid id) => await api.GetJsonAsync($"/api/v1/case-files/{id}");

    public static JsonNode Check(JsonNode detail, string code) =>
        detail["checks"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == code)!;

    public static async Task<HttpResponseMessage> DrawAsync(this ApiClient api, Guid unitId, string kind, int count, long? seed = null, string? redoReason = null) =>
        await api.Http.PostAsJsonAsync("/api/v1/case-files/draws", new { unitId, kind, count, seed, redoReason });

    public static async Task<HttpResponseMessage> ImportCasesAsync(this ApiClient api, Guid unitId, string kind, byte[] workbook, string fileName = "案卷.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await api.Http.PostAsync($"/api/v1/case-files/import?unitId={unitId}&kind={Uri.EscapeDataString(kind)}", form);
    }

    public static byte[] Workbook(string sheet, IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new Dictionary<string, object> { [sheet] = rows.ToList() });
        return stream.ToArray();
    }

    public static async Task<List<(int? Row, string? Column, string Message)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        return [.. problem["errors"]!.AsArray().Select(e => (e!["row"]?.GetValue<int?>(), (e["field"] ?? e["column"])?.GetValue<string>(), e["message"]!.GetValue<string>()))];
    }

    private static JsonObject JsonSerializerToObject(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject();
}
