using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace InspectReady.FunctionalTests.Scenarios;

/// <summary>Kinds as English codes (ADR 0036): the users API and the KindCodes migration of a database with labels.</summary>
public abstract class KindCodeScenarios(AppFactory factory)
{
    [Fact]
    public async Task The_users_api_returns_role_codes_with_labels_and_accepts_a_label()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var district = await admin.CreateDistrictAsync("代码");
        var id = await admin.CreateUserAsync("kind-codes-liaison", district.UnitA);
        var security = await factory.SecurityAdminAsync();

        // A label on input (older clients), and a code.
        var byLabel = await security.GrantRolesAsync(id, "单位联络员");
        Assert.Equal(["unit_liaison"], Strings(byLabel["roles"]));
        Assert.Equal(["单位联络员"], Strings(byLabel["roleLabels"]));
        var byCode = await security.GrantRolesAsync(id, "unit_leader", "UNIT_LIAISON");
        Assert.Equal(["unit_leader", "unit_liaison"], Strings(byCode["roles"]).Order());
        Assert.Equal(["单位联络员", "单位领导"], Strings(byCode["roleLabels"]).Order());

        var listed = (await security.GetJsonAsync("/api/v1/users?keyword=kind-codes-liaison"))["items"]!.AsArray().Single()!;
        Assert.Equal(Strings(listed["roles"]).Select(Roles.Label).Order(), Strings(listed["roleLabels"]).Order());

        var unknown = await security.Http.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "联络员" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("unit_liaison（单位联络员）", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var me = await admin.GetJsonAsync("/api/v1/me");
        Assert.Equal(["system_admin"], Strings(me["roles"]));
        Assert.Equal(["系统管理员"], Strings(me["roleLabels"]));
    }

    [Fact]
    public async Task The_security_policy_takes_role_labels_and_returns_codes()
    {
        var security = await factory.SecurityAdminAsync();
        var set = await security.Http.PutAsJsonAsync("/api/v1/security-policy", new { totpRoles = new[] { "督查" } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var policy = (await set.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["inspector"], Strings(policy["totpRoles"]));
        Assert.Equal(["督查"], Strings(policy["totpRoleLabels"]));
        var cleared = await security.Http.PutAsJsonAsync("/api/v1/security-policy", new { totpRoles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
    }

    [Fact]
    public async Task A_database_with_label_rows_is_migrated_to_codes()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var kindCodes = migrations.FindIndex(m => m.EndsWith("_KindCodes", StringComparison.Ordinal));
            Assert.True(kindCodes > 0);

            // Back to the schema before KindCodes: its Down turns the codes into labels again.
            await migrator.MigrateAsync(migrations[kindCodes - 1]);
            Assert.Contains("创建办", await db.Roles.Select(r => r.Name).ToListAsync());

            // Rows as the product wrote them before the codes.
            var city = new Region { Name = "旧数据市", Level = "市" };
            db.Regions.Add(city);
            var street = new Region { Name = "旧数据街道", Level = "街道", ParentId = city.Id };
            db.Regions.Add(street);
            var unit = new Unit { Name = "旧数据区司法局", Kind = "区直单位", RegionId = city.Id };
            db.Units.Add(unit);
            db.People.Add(new Person { Name = "旧数据人员", UnitId = unit.Id, CampaignRole = "主要领导" });
            var policy = await db.SecurityPolicies.FirstOrDefaultAsync();
            if (policy is null)
            {
                db.SecurityPolicies.Add(policy = new SecurityPolicy());
            }
            policy.TotpRoles = ["督查", "评查员"];
            await db.SaveChangesAsync();

            await migrator.MigrateAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(("city", "street"), (await db.Regions.Where(r => r.Name == "旧数据市").Select(r => r.Level).SingleAsync(),
                await db.Regions.Where(r => r.Name == "旧数据街道").Select(r => r.Level).SingleAsync()));
            Assert.Equal(UnitKind.DistrictDepartment, await db.Units.Where(u => u.Name == "旧数据区司法局").Select(u => u.Kind).SingleAsync());
            Assert.Equal(CampaignRole.PrincipalLeader, await db.People.Where(p => p.Name == "旧数据人员").Select(p => p.CampaignRole).SingleAsync());
            var roles = await db.Roles.AsNoTracking().ToListAsync();
            Assert.Equal(Roles.All.Order(), roles.Select(r => r.Name!).Order());
            Assert.All(roles, r => Assert.Equal(r.Name!.ToUpperInvariant(), r.NormalizedName));
            Assert.Equal(["inspector", "reviewer"], (await db.SecurityPolicies.AsNoTracking().SingleAsync()).TotpRoles);
            var policy = await db.SecurityPolicies.SingleAsync();
            policy.TotpRoles = [];
            await db.SaveChangesAsync();
        }

        // The bootstrap administrator signs in again and holds the code.
        using var again = await factory.Api().SignInAsAdminAsync();
        Assert.Equal(["system_admin"], Strings((await again.GetJsonAsync("/api/v1/me"))["roles"]));
    }

    [Fact]
    public async Task Evaluation_methods_stored_as_labels_are_migrated_to_codes_and_back()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var methodCodes = migrations.FindIndex(m => m.EndsWith("_MethodCodes", StringComparison.Ordinal));
        Assert.True(methodCodes > 0);
        var framework = await db.Frameworks.Where(f => f.Code == BuiltInFrameworks.Code2021).Select(f => f.Id).SingleAsync();
        async Task<List<List<string>>> StoredAsync() => await db.FrameworkNodes.AsNoTracking()
            .Where(n => n.FrameworkId == framework && n.No != null).OrderBy(n => n.No).Select(n => n.Methods).ToListAsync();
        var codes = await StoredAsync();
        Assert.All(codes.SelectMany(m => m), m => Assert.Contains(m, EvaluationMethods.All));

        // Back to the schema before MethodCodes: its Down stores the labels, as earlier versions wrote them.
        await migrator.MigrateAsync(migrations[methodCodes - 1]);
        var labels = await StoredAsync();
        Assert.Equal(codes.Select(EvaluationMethods.Labels), labels);
        Assert.Contains(labels, m => m.Contains("网络检索"));

        await migrator.MigrateAsync();
        Assert.Equal(codes, await StoredAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];
}
