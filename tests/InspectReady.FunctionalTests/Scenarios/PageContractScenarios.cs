using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios;

/// <summary>
/// The page contract on the audit, case file, people and user lists: <c>?page=&amp;pageSize=</c> answers
/// <c>{"items","total","page","pageSize"}</c>, the total counts every matching row, pages slice one order without gaps
/// or repeats, and the size is clamped to 1–500.
/// </summary>
public abstract class PageContractScenarios(AppFactory factory)
{
    private const int Rows = 5;

    /// <summary>Reads the filtered list whole and in pages of two, and checks the contract on both.</summary>
    private static async Task CheckAsync(ApiClient client, string path)
    {
        var glue = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        async Task<JsonNode> PageAsync(string query) => await client.GetJsonAsync(path + glue + query);
        static List<string> Ids(JsonNode page) => [.. page["items"]!.AsArray().Select(i => i!["id"]?.ToString() ?? i!["sequence"]!.ToString())];

        var whole = await PageAsync("page=1&pageSize=100000");
        Assert.Equal((Rows, 1, 500), (whole["total"]!.GetValue<int>(), whole["page"]!.GetValue<int>(), whole["pageSize"]!.GetValue<int>()));
        var all = Ids(whole);
        Assert.Equal(Rows, all.Count);

        var sliced = new List<string>();
        for (var p = 1; p <= 3; p++)
        {
            var page = await PageAsync($"page={p}&pageSize=2");
            Assert.Equal((Rows, p, 2), (page["total"]!.GetValue<int>(), page["page"]!.GetValue<int>(), page["pageSize"]!.GetValue<int>()));
            Assert.Equal(p < 3 ? 2 : 1, page["items"]!.AsArray().Count);
            sliced.AddRange(Ids(page));
        }
        Assert.Equal(all, sliced);

        var beyond = await PageAsync("page=9&pageSize=2");
        Assert.Empty(beyond["items"]!.AsArray());
        Assert.Equal(Rows, beyond["total"]!.GetValue<int>());
        var smallest = await PageAsync("page=0&pageSize=0");
        Assert.Equal((1, 1), (smallest["page"]!.GetValue<int>(), smallest["pageSize"]!.GetValue<int>()));
        Assert.Equal(all[..1], Ids(smallest));
        var defaults = await client.GetJsonAsync(path);
        Assert.Equal((1, 50, Rows), (defaults["page"]!.GetValue<int>(), defaults["pageSize"]!.GetValue<int>(), defaults["total"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_users_list_pages_in_the_database()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        for (var i = 1; i <= Rows; i++)
        {
            await admin.PostOkAsync("/api/v1/users", new { userName = $"fenye-user-{i}", password = ApiClient.StrongPassword });
        }
        await CheckAsync(admin, "/api/v1/users?keyword=fenye-user-");
    }

    [Fact]
    public async Task The_people_list_pages_in_the_database()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("分页人员");
        string[] roles = ["联络员", "主要领导", "执法人员", "分管领导", "联络员"];
        for (var i = 0; i < Rows; i++)
        {
            await admin.PostOkAsync("/api/v1/people", new { name = $"人员{i}", unitId = district.UnitA, campaignRole = roles[i], mobile = $"1381234000{i}" });
        }
        await CheckAsync(admin, $"/api/v1/people?unitId={district.UnitA}");
        // Ordered in the database by the role's place in the list: 主要领导 first.
        var first = (await admin.GetJsonAsync($"/api/v1/people?unitId={district.UnitA}&pageSize=1"))["items"]![0]!;
        Assert.Equal("principal_leader", first["campaignRole"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_case_file_register_pages_in_the_database()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("分页案卷");
        using var liaison = await factory.SignInAsync(cast.District.LiaisonA);
        for (var i = 1; i <= Rows; i++)
        {
            await liaison.RegisterPenaltyAsync(cast.District.UnitA, $"分页罚〔2021〕{i}号");
        }
        await CheckAsync(liaison, $"/api/v1/case-files?unitId={cast.District.UnitA}");
        var numbers = (await liaison.GetJsonAsync($"/api/v1/case-files?unitId={cast.District.UnitA}"))["items"]!.AsArray()
            .Select(c => c!["caseNumber"]!.GetValue<string>()).ToList();
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
    }

    [Fact]
    public async Task The_audit_list_pages_in_the_database_newest_first()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        for (var i = 1; i <= Rows; i++)
        {
            await admin.PostOkAsync("/api/v1/users", new { userName = $"fenye-audit-{i}", password = ApiClient.StrongPassword });
        }
        using var auditor = await factory.Api().SignInAsAuditAdminAsync();
        var path = "/api/v1/audit?action=" + Uri.EscapeDataString("创建用户") + "&keyword=fenye-audit-";
        await CheckAsync(auditor, path);
        var sequences = (await auditor.GetJsonAsync(path))["items"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
    }
}

public sealed class PageContractOnSqlite(SqliteFactory f) : PageContractScenarios(f), IClassFixture<SqliteFactory>;
public sealed class PageContractOnPostgres(PostgresFactory f) : PageContractScenarios(f), IClassFixture<PostgresFactory>;
