using System.Net;
using System.Net.Http.Json;
using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class OrganisationScenarios(AppFactory factory)
{
    [Fact]
    public async Task Regions_units_and_users_are_created_with_201_and_their_id()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var city = await admin.PostOkAsync("/api/v1/regions", new { name = "创建市", level = "市" });
        Assert.Equal(("city", "市"), (city["level"]!.GetValue<string>(), city["levelLabel"]!.GetValue<string>()));
        var district = await admin.PostOkAsync("/api/v1/regions", new { name = "创建区", level = "区", parentId = ApiClient.Id(city) });
        var unit = await admin.PostOkAsync("/api/v1/units", new
        {
            name = "创建区市场监督管理局", regionId = ApiClient.Id(district), kind = "区直单位",
            aliases = new[] { "创建区市场监管局" }, tags = new[] { "行政执法单位", "有行政审批职能" },
        });
        Assert.Equal(["创建区市场监管局"], unit["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        var user = await admin.PostOkAsync("/api/v1/users", new { userName = "chuangjian-lly", password = "Strong#Pass1", unitId = ApiClient.Id(unit) });
        Assert.True(user["mustChangePassword"]!.GetValue<bool>());
        Assert.Empty(user["roles"]!.AsArray());

        var units = await admin.GetJsonAsync("/api/v1/units");
        Assert.Contains(units.AsArray(), u => u!["name"]!.GetValue<string>() == "创建区市场监督管理局");
    }

    [Fact]
    public async Task An_alias_resolves_to_the_unit()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("别名");
        var resolved = await admin.GetJsonAsync("/api/v1/units/resolve?name=" + Uri.EscapeDataString("别名司法局"));
        Assert.Equal(district.UnitA, ApiClient.Id(resolved));
    }

    [Fact]
    public async Task Bad_region_and_unit_input_is_refused_field_by_field_in_chinese()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var badRegion = await admin.Http.PostAsJsonAsync("/api/v1/regions", new { name = "", level = "村" });
        Assert.Equal(HttpStatusCode.BadRequest, badRegion.StatusCode);
        var problem = await ApiClient.ProblemAsync(badRegion);
        var fields = problem["errors"]!.AsArray().Select(e => e!["column"]!.GetValue<string>()).ToList();
        Assert.Contains("name", fields);
        Assert.Contains("level", fields);
        Assert.Contains("层级只能是", ApiClient.Text(problem), StringComparison.Ordinal);

        var district = await admin.CreateDistrictAsync("校验");
        var duplicate = await admin.Http.PostAsJsonAsync("/api/v1/units", new { name = "校验区司法局", regionId = district.Region, kind = "区直单位" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已被单位", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unknownRegion = await admin.Http.PostAsJsonAsync("/api/v1/units", new { name = "新单位", regionId = Guid.NewGuid(), kind = "乱填" });
        var text = await unknownRegion.Content.ReadAsStringAsync();
        Assert.Contains("所属区划不存在", text, StringComparison.Ordinal);
        Assert.Contains("单位类别", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_cannot_sit_under_a_street()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var street = await admin.CreateRegionAsync("层级街道", "街道");
        var response = await admin.Http.PostAsJsonAsync("/api/v1/regions", new { name = "层级区", level = "区", parentId = street });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task People_carry_their_campaign_role_and_mobiles_are_masked_unless_revealed()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("人员");
        await admin.PostOkAsync("/api/v1/people", new { name = "张三", unitId = district.UnitA, position = "局长", campaignRole = "主要领导", mobile = "13812341234", officePhone = "0375-2911111" });
        var masked = await admin.GetJsonAsync($"/api/v1/people?unitId={district.UnitA}");
        Assert.Equal("138****1234", masked["items"]![0]!["mobile"]!.GetValue<string>());
        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
        var revealed = await liaison.GetJsonAsync($"/api/v1/people?unitId={district.UnitA}&reveal=true");
        Assert.Equal("13812341234", revealed["items"]![0]!["mobile"]!.GetValue<string>());
        // 系统管理员 keeps the records but never sees a full number.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync($"/api/v1/people?unitId={district.UnitA}&reveal=true")).StatusCode);

        var bad = await admin.Http.PostAsJsonAsync("/api/v1/people", new { name = "李四", unitId = district.UnitA, campaignRole = "联络员", mobile = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("手机号", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_are_seen_by_their_own_unit_and_the_office_and_each_reveal_is_audited_without_the_name()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("人员可见");
        await admin.CreateUserAsync("人员可见-a-exam", district.UnitA, "考生");
        await admin.CreateUserAsync("人员可见-office", null, "创建办");
        await admin.CreateUserAsync("人员可见-audit", null, "审计管理员");
        var person = ApiClient.Id(await admin.PostOkAsync("/api/v1/people", new { name = "王五六", unitId = district.UnitA, campaignRole = "联络员", mobile = "13812345678" }));

        using var other = await factory.Api().SignInAsync(district.LiaisonB, ApiClient.StrongPassword);
        Assert.Empty((await other.GetJsonAsync("/api/v1/people"))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.DeleteAsync($"/api/v1/people/{person}")).StatusCode);
        using var examinee = await factory.Api().SignInAsync("人员可见-a-exam", ApiClient.StrongPassword);
        Assert.Empty((await examinee.GetJsonAsync($"/api/v1/people?unitId={district.UnitA}"))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await examinee.Http.GetAsync($"/api/v1/people?unitId={district.UnitA}&reveal=true")).StatusCode);

        using var office = await factory.Api().SignInAsync("人员可见-office", ApiClient.StrongPassword);
        Assert.Equal("13812345678", (await office.GetJsonAsync($"/api/v1/people?unitId={district.UnitA}&reveal=true"))["items"]![0]!["mobile"]!.GetValue<string>());

        using var audit = await factory.Api().SignInAsync("人员可见-audit", ApiClient.StrongPassword);
        var entries = (await audit.GetJsonAsync($"/api/v1/audit?user={Uri.EscapeDataString("人员可见-office")}&pageSize=100"))["items"]!.AsArray();
        Assert.Contains(entries, e => e!["action"]!.GetValue<string>() == "查看敏感信息" && e["target"]!.GetValue<string>().Contains(district.UnitA.ToString(), StringComparison.Ordinal));
        var created = (await audit.GetJsonAsync($"/api/v1/audit?keyword={person}&pageSize=100"))["items"]!.AsArray();
        Assert.Equal("人员 王**（" + person + "）", Assert.Single(created)!["target"]!.GetValue<string>());
    }
}
