using System.Net;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class AuditScenarios(AppFactory factory)
{
    private async Task<ApiClient> AuditorAsync(string name)
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        await admin.CreateUserAsync(name, null, "审计管理员");
        return await factory.Api().SignInAsync(name, ApiClient.StrongPassword);
    }

    [Fact]
    public async Task Sign_ins_and_user_changes_are_recorded_with_who_when_where_and_result()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        await admin.CreateUserAsync("audit-target", null, "督查");
        await factory.Api().RequestTokenAsync("audit-target", "Wrong#Password9");
        using var auditor = await AuditorAsync("auditor-1");

        var failures = (await auditor.GetJsonAsync("/api/v1/audit?user=audit-target&result=" + Uri.EscapeDataString("失败")))["items"]!.AsArray();
        Assert.Contains(failures, e => e!["action"]!.GetValue<string>() == "获取令牌");
        var created = (await auditor.GetJsonAsync("/api/v1/audit?action=" + Uri.EscapeDataString("创建用户") + "&keyword=audit-target"))["items"]!.AsArray().Single()!;
        Assert.Equal("admin", created["userName"]!.GetValue<string>());
        Assert.Equal("127.0.0.1", created["clientAddress"]?.GetValue<string>());
        Assert.Equal("成功", created["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_audit_administrator_reads_the_audit_trail()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync("/api/v1/audit/export.xlsx")).StatusCode);
    }

    [Fact]
    public async Task The_export_is_an_xlsx_of_the_entries_and_the_chain_verifies()
    {
        using var auditor = await AuditorAsync("auditor-2");
        var response = await auditor.Http.GetAsync("/api/v1/audit/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => (string)r["用户"] == "admin" && (string)r["操作"] == "获取令牌");

        var verify = await auditor.GetJsonAsync("/api/v1/audit/verify");
        Assert.True(verify["intact"]!.GetValue<bool>());
        Assert.True(verify["count"]!.GetValue<long>() >= rows.Count);
    }

    [Fact]
    public async Task Searching_exporting_and_verifying_the_trail_are_recorded_and_so_is_a_refused_attempt()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync("/api/v1/audit?keyword=x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync("/api/v1/audit/export.xlsx")).StatusCode);
        using var auditor = await AuditorAsync("auditor-3");
        await auditor.GetJsonAsync("/api/v1/audit?keyword=" + Uri.EscapeDataString("某关键词"));
        Assert.Equal(HttpStatusCode.OK, (await auditor.Http.GetAsync("/api/v1/audit/export.xlsx?user=admin")).StatusCode);
        await auditor.GetJsonAsync("/api/v1/audit/verify");

        var own = (await auditor.GetJsonAsync("/api/v1/audit?user=auditor-3&pageSize=100"))["items"]!.AsArray().Select(e => e!).ToList();
        Assert.Contains(own, e => e["action"]!.GetValue<string>() == "查询审计日志" && e["detail"]!.GetValue<string>().Contains("关键词“某关键词”", StringComparison.Ordinal));
        Assert.Contains(own, e => e["action"]!.GetValue<string>() == "导出" && e["detail"]!.GetValue<string>().Contains("用户“admin”", StringComparison.Ordinal));
        Assert.Contains(own, e => e["action"]!.GetValue<string>() == "查询审计日志" && e["target"]!.GetValue<string>() == "审计日志 哈希链校验");
        var refused = (await auditor.GetJsonAsync("/api/v1/audit?user=admin&result=" + Uri.EscapeDataString("拒绝")))["items"]!.AsArray().Select(e => e!).ToList();
        Assert.Contains(refused, e => e["action"]!.GetValue<string>() == "查询审计日志");
        Assert.Contains(refused, e => e["action"]!.GetValue<string>() == "导出" && e["target"]!.GetValue<string>() == "审计日志");
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_entry()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var update = db.IsPostgres ? "UPDATE \"AuditEntries\" SET \"Result\" = 'x'" : "UPDATE AuditEntries SET Result = 'x'";
        var delete = db.IsPostgres ? "DELETE FROM \"AuditEntries\"" : "DELETE FROM AuditEntries";
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(update));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(delete));
    }
}
