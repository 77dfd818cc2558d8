using System.Net;
using System.Net.Http.Json;
using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios;

/// <summary>A unit's users never see another unit's data; the wrong user proves it.</summary>
public abstract class UnitIsolationScenarios(AppFactory factory)
{
    [Fact]
    public async Task A_liaison_lists_only_their_own_unit()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("隔离");
        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
        var units = (await liaison.GetJsonAsync("/api/v1/units")).AsArray();
        Assert.Equal([district.UnitA], units.Select(u => ApiClient.Id(u!)));
    }

    [Fact]
    public async Task A_liaison_asking_for_another_units_data_gets_404()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("越权");
        await admin.PostOkAsync("/api/v1/people", new { name = "王五", unitId = district.UnitB, campaignRole = "联络员" });
        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);

        Assert.Equal(HttpStatusCode.OK, (await liaison.Http.GetAsync($"/api/v1/units/{district.UnitA}")).StatusCode);
        var other = await liaison.Http.GetAsync($"/api/v1/units/{district.UnitB}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        await ApiClient.ProblemAsync(other);

        var people = (await liaison.GetJsonAsync($"/api/v1/people?unitId={district.UnitB}"))["items"]!.AsArray();
        Assert.Empty(people);
        var resolve = await liaison.Http.GetAsync("/api/v1/units/resolve?name=" + Uri.EscapeDataString("越权区财政局"));
        Assert.Equal(HttpStatusCode.NotFound, resolve.StatusCode);
    }

    [Fact]
    public async Task A_liaison_cannot_add_people_to_another_unit_nor_change_the_organisation()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("写入");
        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);

        var own = await liaison.Http.PostAsJsonAsync("/api/v1/people", new { name = "赵六", unitId = district.UnitA, campaignRole = "窗口人员" });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var other = await liaison.Http.PostAsJsonAsync("/api/v1/people", new { name = "钱七", unitId = district.UnitB, campaignRole = "窗口人员" });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var unit = await liaison.Http.PostAsJsonAsync("/api/v1/units", new { name = "私设单位", regionId = district.Region, kind = "区直单位" });
        Assert.Equal(HttpStatusCode.Forbidden, unit.StatusCode);
        var rename = await liaison.Http.PutAsJsonAsync($"/api/v1/units/{district.UnitB}", new { name = "改名", regionId = district.Region, kind = "区直单位" });
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
    }

    [Fact]
    public async Task Only_account_administrators_list_users()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("账号");
        using var liaison = await factory.Api().SignInAsync(district.LiaisonA, ApiClient.StrongPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Http.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task The_office_and_the_inspector_see_every_unit()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("全局");
        await admin.CreateUserAsync("quanju-office", district.UnitA, "创建办");
        await admin.CreateUserAsync("quanju-inspector", null, "督查");
        foreach (var name in new[] { "quanju-office", "quanju-inspector" })
        {
            using var user = await factory.Api().SignInAsync(name, ApiClient.StrongPassword);
            var ids = (await user.GetJsonAsync("/api/v1/units")).AsArray().Select(u => ApiClient.Id(u!)).ToList();
            Assert.Contains(district.UnitA, ids);
            Assert.Contains(district.UnitB, ids);
        }
        using var inspector = await factory.Api().SignInAsync("quanju-inspector", ApiClient.StrongPassword);
        var write = await inspector.Http.PostAsJsonAsync("/api/v1/units", new { name = "督查新增", regionId = district.Region, kind = "区直单位" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }
}
