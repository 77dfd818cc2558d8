using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace InspectReady.E2ETests;

/// <summary>The people and the campaign a filing scenario starts from.</summary>
public sealed record FilingWorld(Guid CampaignId, Guid StatementTask, Guid CaseListTask, string Liaison, string Leader, string Office);

/// <summary>
/// Builds a district, two units (甲局 leads, 乙局 assists), the liaison and leader of 甲局, an office user, a small
/// framework (whose third indicator names 丙局, a unit that does not exist) and a campaign over it, through the HTTP API of the server under test, as an administrator would
/// before the browser scenario starts. None of this is under test here.
/// </summary>
public static class CampaignSetup
{
    public const string Password = "Filing#2026ok";

    public const string StatementMaterials = "请提供2020年以来本级政府清理变相设置行政许可事项工作的情况说明。";

    public const string CaseMaterials = "请提供本级政府及其有关部门2020年以来采取行政强制措施的具体案例，注明时间、案由、措施、结果及当事人联系方式。（不超过5个）";

    public static async Task<FilingWorld> CreateAsync(ServerFixture server, string prefix)
    {
        using var admin = await SignInAsync(server, "admin", KnownAdminServer.AdminPassword);
        var city = await PostAsync(admin, "/api/v1/regions", new { name = $"{prefix}市", level = "市" });
        var district = await PostAsync(admin, "/api/v1/regions", new { name = $"{prefix}区", level = "区", parentId = city });
        var lead = await PostAsync(admin, "/api/v1/units", new { name = $"{prefix}甲局", regionId = district, kind = "区直单位", aliases = Array.Empty<string>(), tags = Array.Empty<string>() });
        await PostAsync(admin, "/api/v1/units", new { name = $"{prefix}乙局", regionId = district, kind = "区直单位", aliases = Array.Empty<string>(), tags = Array.Empty<string>() });
        var world = new { liaison = $"{prefix}-lly", leader = $"{prefix}-ld", office = $"{prefix}-cjb" };
        await Accounts.CreateAsync(server, admin, world.liaison, Password, lead, "联络员", "单位联络员");
        await Accounts.CreateAsync(server, admin, world.leader, Password, lead, "分管领导", "单位领导");
        await Accounts.CreateInRegionAsync(server, admin, world.office, Password, district, "创建办", "创建办");
        var framework = await ImportFrameworkAsync(admin, prefix);

        using var office = await SignInAsync(server, world.office, Password);
        var campaign = await PostAsync(office, "/api/v1/campaigns", new
        {
            name = $"{prefix}创建活动", frameworkId = framework, regionId = district, cutoffDate = "2021-06-30",
            deadline = DateTime.Today.AddDays(30).ToString("yyyy-MM-dd"),
        });
        var tasks = JsonNode.Parse(await office.GetStringAsync($"/api/v1/campaigns/{campaign}/tasks?pageSize=500"))!["items"]!.AsArray();
        Guid TaskOf(int no) => Guid.Parse(tasks.Single(t => t!["unitId"]!.GetValue<Guid>() == lead && t["indicatorNos"]![0]!.GetValue<int>() == no)!["id"]!.GetValue<string>());
        return new FilingWorld(campaign, TaskOf(1), TaskOf(2), world.liaison, world.leader, world.office);
    }

    private static async Task<Guid> ImportFrameworkAsync(HttpClient admin, string prefix)
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["一级指标"] = "一、依法全面履行政府职能", ["二级指标"] = "1. 深化行政审批制度改革。", ["序号"] = 1, ["三级指标"] = "不得变相设置行政许可。",
                ["测评方法"] = "材料查证", ["填报材料"] = StatementMaterials, ["责任单位"] = $"{prefix}甲局 {prefix}乙局" },
            new() { ["一级指标"] = null, ["二级指标"] = null, ["序号"] = 2, ["三级指标"] = "依法实施行政强制。",
                ["测评方法"] = "案卷评查", ["填报材料"] = CaseMaterials, ["责任单位"] = $"{prefix}甲局" },
            new() { ["一级指标"] = null, ["二级指标"] = null, ["序号"] = 3, ["三级指标"] = "规范涉企检查。",
                ["测评方法"] = "实地核查", ["填报材料"] = StatementMaterials, ["责任单位"] = $"{prefix}丙局" },
        };
        using var sheet = new MemoryStream();
        await MiniExcel.SaveAsAsync(sheet, rows);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", $"{prefix}.xlsx");
        form.Add(new StringContent($"e2e-{prefix}"), "code");
        form.Add(new StringContent($"{prefix}指标体系"), "name");
        return await IdOfAsync(await admin.PostAsync("/api/v1/frameworks/import", form), "framework import");
    }

    private static async Task<HttpClient> SignInAsync(ServerFixture server, string userName, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<Guid> PostAsync(HttpClient http, string path, object body) =>
        await IdOfAsync(await http.PostAsJsonAsync(path, body), path);

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{what} gave {(int)response.StatusCode}: {text}");
        return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
    }
}
