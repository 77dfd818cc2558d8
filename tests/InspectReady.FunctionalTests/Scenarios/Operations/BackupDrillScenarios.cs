using System.Text.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Infrastructure.Operations;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.FunctionalTests.Scenarios.Operations;

/// <summary>
/// The restore drill (issue 10, item 5) with the real commands in child processes: file data, back up while the
/// server runs, wipe the data directory (and drop the database), restore; every table count and every file hash are
/// those of the backup and the audit chain verifies. A changed backup and a non-empty target are refused.
/// </summary>
[Collection(ChildHosts.Name)]
public abstract class BackupDrillScenarios(string provider)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_backup_taken_while_the_server_runs_restores_every_row_and_file_and_the_audit_chain_verifies()
    {
        await using var host = await DemoHost.SeededAsync(provider);
        var backup = Path.Combine(Path.GetTempPath(), "inspectready-backups", Guid.NewGuid().ToString("N"));
        try
        {
            // File data on the running server: a draft and an attachment, both audited.
            await host.StartAsync();
            var (task, liaison) = await DemoHost.DraftTaskAsync(host);
            using var http = await host.SignInAsync(liaison, HostProcess.DemoPassword);
            const string statement = "恢复演练：本单位已建立行政执法案卷台账并按季度评查。";
            await DemoHost.SaveDraftAsync(http, task, statement);
            var sha = await DemoHost.UploadAsync(http, task, "restore drill " + Guid.NewGuid());

            // Backed up while the server is up.
            var (code, output, error) = await host.RunAsync("backup", "--to", backup, "--include-keys");
            Assert.True(code == 0, $"backup exited with {code}: {output} {error}");
            Assert.Contains("备份完成", output);
            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(backup, BackupManifest.FileName)), Web)!;
            Assert.Equal(provider, manifest.Provider);
            Assert.False(string.IsNullOrEmpty(manifest.MigrationId));
            Assert.True(manifest.Tables["Tasks"] > 0 && manifest.Tables["TaskAttachments"] > 0 && manifest.Tables["AuditEntries"] > 0);
            Assert.Contains(manifest.Files, f => f.Path.EndsWith(sha, StringComparison.Ordinal));
            host.Kill();
            var liveFiles = DemoHost.FileHashes(host.DataRoot);
            Assert.Equal(liveFiles, new SortedDictionary<string, string>(manifest.Files.Where(f => f.Path.StartsWith("files/", StringComparison.Ordinal))
                .ToDictionary(f => f.Path, f => f.Sha256), StringComparer.Ordinal));

            // Wiped: the data directory, and on PostgreSQL the database.
            Directory.Delete(host.DataRoot, recursive: true);
            await host.DropDatabaseAsync();

            (code, output, error) = await host.RunAsync("restore", "--from", backup);
            Assert.True(code == 0, $"restore exited with {code}: {output} {error}");
            Assert.Contains("恢复完成", output);

            // Every table's count is the backup's (the trail has one more: the restore's own record) and every file's hash.
            await using (var db = host.Db())
            {
                var conn = db.Database.GetDbConnection();
                await conn.OpenAsync();
                var counts = await BackupService.CountAsync(conn, host.IsPostgres, null, CancellationToken.None);
                await conn.CloseAsync();
                Assert.Equal(manifest.Tables.Keys.Order(StringComparer.Ordinal), counts.Keys);
                foreach (var (table, rows) in manifest.Tables)
                {
                    Assert.True(counts[table] == rows + (table == "AuditEntries" ? 1 : 0), $"{table}: backup {rows}, restored {counts[table]}");
                }
                var restored = await db.Tasks.AsNoTracking().Include(t => t.Attachments).FirstAsync(t => t.Id == task);
                Assert.Equal(statement, restored.Statement);
                Assert.Contains(restored.Attachments, a => a.Sha256 == sha);
                Assert.Contains(await db.AuditEntries.AsNoTracking().Select(a => a.Target).ToListAsync(), t => t == "数据恢复");
            }
            Assert.Equal(liveFiles, DemoHost.FileHashes(host.DataRoot));

            // The restored server serves the filing and its trail verifies.
            await host.StartAsync();
            using (var again = await host.SignInAsync(liaison, HostProcess.DemoPassword))
            {
                var detail = JsonNode.Parse(await again.GetStringAsync($"/api/v1/tasks/{task}"))!;
                Assert.Equal(statement, detail["statement"]!.GetValue<string>());
            }
            using (var auditor = await host.SignInAsync("auditadmin", AppFactory.AuditAdminPassword))
            {
                var verify = JsonNode.Parse(await auditor.GetStringAsync("/api/v1/audit/verify"))!;
                Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
                Assert.True(verify["count"]!.GetValue<long>() > manifest.Tables["AuditEntries"]);
            }
            host.Kill();

            // A second restore over the restored data is refused unless forced.
            (code, _, error) = await host.RunAsync("restore", "--from", backup);
            Assert.Equal(1, code);
            Assert.Contains("--force", error);
            Assert.Contains("目标不是空的", error);

            // A changed backup file is refused by name, before anything is touched.
            var attachment = manifest.Files.First(f => f.Path.EndsWith(sha, StringComparison.Ordinal));
            await File.AppendAllTextAsync(Path.Combine(backup, attachment.Path), "tampered");
            (code, _, error) = await host.RunAsync("restore", "--from", backup, "--force");
            Assert.Equal(1, code);
            Assert.Contains(attachment.Path, error);
            Assert.Contains("与清单不符", error);
            Assert.Equal(liveFiles, DemoHost.FileHashes(host.DataRoot));

            // A missing one too.
            File.Delete(Path.Combine(backup, attachment.Path));
            (code, _, error) = await host.RunAsync("restore", "--from", backup, "--force");
            Assert.Equal(1, code);
            Assert.Contains($"备份文件“{attachment.Path}”缺失", error);
        }
        finally
        {
            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Backup_refuses_a_folder_that_is_not_empty_and_explains_its_usage()
    {
        await using var host = new HostProcess(provider);
        await host.CreateDatabaseAsync();
        var folder = Path.Combine(Path.GetTempPath(), "inspectready-backups", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "other.txt"), "x");
            var (code, _, error) = await host.RunAsync("backup", "--to", folder);
            Assert.Equal(1, code);
            Assert.Contains("不是空目录", error);
            (code, _, error) = await host.RunAsync("backup");
            Assert.Equal(2, code);
            Assert.Contains("用法", error);
            (code, _, error) = await host.RunAsync("restore", "--from", folder);
            Assert.Equal(1, code);
            Assert.Contains("manifest.json", error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class BackupDrillOnSqlite() : BackupDrillScenarios("Sqlite");
public sealed class BackupDrillOnPostgres() : BackupDrillScenarios("Postgres");
