using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>
/// A district with two units (甲局 leads, 乙局 assists), their liaisons and leaders, an office user, and a small
/// framework whose materials requests are copied from the 2021 task list; then a campaign over it.
/// </summary>
public sealed class CampaignWorld : IDisposable
{
    public required ApiClient Admin { get; init; }
    public required ApiClient Office { get; init; }
    public required ApiClient LiaisonA { get; init; }
    public required ApiClient LeaderA { get; init; }
    public required ApiClient LiaisonB { get; init; }
    public required string Prefix { get; init; }
    public required Guid Region { get; init; }
    /// The city above <see cref="Region"/>.
    public Guid City { get; init; }
    public required Guid UnitA { get; init; }
    public required Guid UnitB { get; init; }
    public required Guid Framework { get; init; }
    public required JsonObject Campaign { get; init; }

    public Guid CampaignId => ApiClient.Id(Campaign);

    public const string NotRequired = "不需提供申报材料。";
    public const string Statement = "请提供2020年以来本级政府清理变相设置行政许可事项工作的情况说明。";
    public const string ListAndDirectory = "1. 请提供本级政府行政审批中介服务事项清单及其公开网址；\n2. 请提供辖区内行政审批中介服务机构名录，并注明负责人及其联系方式。";
    public const string Cases = "第4、5项指标，请合并提供下列材料：\n请提供本级政府及其有关部门2020年以来采取行政强制措施的具体案例，注明时间、案由、措施、结果及当事人联系方式。（不超过5个）";
    public const string Enterprises = "请提供2020年以来本地区内任意10家不同行业的企业接受现场检查的时间、事项、检查部门和检查结果，并注明企业负责人及其联系方式。";

    public static async Task<CampaignWorld> CreateAsync(AppFactory factory, string prefix)
    {
        var admin = await factory.Api().SignInAsAdminAsync();
        var city = await admin.CreateRegionAsync($"{prefix}市", "市");
        var district = await admin.CreateRegionAsync($"{prefix}区", "区", city);
        var a = await admin.CreateUnitAsync($"{prefix}甲局", district, tags: ["行政执法单位"]);
        var b = await admin.CreateUnitAsync($"{prefix}乙局", district);
        await admin.CreateUserAsync($"{prefix}-a-lly", a, "单位联络员");
        await admin.CreateUserAsync($"{prefix}-a-ld", a, "单位领导");
        await admin.CreateUserAsync($"{prefix}-b-lly", b, "单位联络员");
        await admin.CreateRegionUserAsync($"{prefix}-office", district, "创建办");

        var rows = new List<Dictionary<string, object?>>
        {
            Row("一、第一部分", "1. 第一节。", 1, "指标一。", NotRequired, $"{prefix}甲局"),
            Row(null, null, 2, "指标二。", Statement, $"{prefix}甲局 {prefix}乙局"),
            Row(null, null, 3, "指标三。", ListAndDirectory, $"{prefix}甲局"),
            Row(null, "2. 第二节。", 4, "指标四。", Cases, "区直各行政执法单位"),
            Row(null, null, 5, "指标五。", Cases, $"{prefix}乙局"),
            Row(null, null, 6, "指标六。", Enterprises, $"{prefix}甲局"),
            Row(null, null, 7, "指标七。", Statement, $"{prefix}不存在局"),
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", $"{prefix}.xlsx");
        form.Add(new StringContent($"fw-{prefix}"), "code");
        var imported = await admin.Http.PostAsync("/api/v1/frameworks/import", form);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var framework = ApiClient.Id(JsonNode.Parse(await imported.Content.ReadAsStringAsync())!);

        var office = await factory.Api().SignInAsync($"{prefix}-office", ApiClient.StrongPassword);
        var campaign = await office.PostOkAsync("/api/v1/campaigns", new
        {
            name = $"{prefix}创建活动", frameworkId = framework, regionId = district, cutoffDate = "2021-06-30", deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        });
        return new CampaignWorld
        {
            Admin = admin, Office = office, Prefix = prefix, Region = district, City = city, UnitA = a, UnitB = b, Framework = framework, Campaign = campaign,
            LiaisonA = await factory.Api().SignInAsync($"{prefix}-a-lly", ApiClient.StrongPassword),
            LeaderA = await factory.Api().SignInAsync($"{prefix}-a-ld", ApiClient.StrongPassword),
            LiaisonB = await factory.Api().SignInAsync($"{prefix}-b-lly", ApiClient.StrongPassword),
        };
    }

    private static Dictionary<string, object?> Row(object? l1, object? l2, int no, string text, string materials, string units) =>
        new() { ["一级指标"] = l1, ["二级指标"] = l2, ["序号"] = no, ["三级指标"] = text, ["测评方法"] = "材料查证", ["填报材料"] = materials, ["责任单位"] = units };

    /// <summary>All the tasks the caller may list (one page of the largest size), with the filters in <paramref name="query"/>.</summary>
    public async Task<JsonArray> TasksAsync(ApiClient as_, string query = "") =>
        (await as_.GetJsonAsync($"/api/v1/campaigns/{CampaignId}/tasks{(query.Length == 0 ? "?" : query + "&")}pageSize=500"))["items"]!.AsArray();

    public async Task<Guid> TaskAsync(Guid unit, int firstNo) =>
        ApiClient.Id((await TasksAsync(Office)).Single(t => ApiClient.Id(new JsonObject { ["id"] = t!["unitId"]!.GetValue<string>() }) == unit
            && t["indicatorNos"]![0]!.GetValue<int>() == firstNo)!);

    public static async Task<HttpResponseMessage> SaveDraftAsync(ApiClient who, Guid task, object draft) =>
        await who.Http.PutAsJsonAsync($"/api/v1/tasks/{task}/draft", draft);

    public async Task<JsonNode> DetailAsync(Guid task) => await Office.GetJsonAsync($"/api/v1/tasks/{task}");

    public void Dispose()
    {
        Admin.Dispose();
        Office.Dispose();
        LiaisonA.Dispose();
        LeaderA.Dispose();
        LiaisonB.Dispose();
    }
}
