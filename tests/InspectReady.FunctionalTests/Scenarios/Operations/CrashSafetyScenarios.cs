using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Jobs;
using InspectReady.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.FunctionalTests.Scenarios.Operations;

/// <summary>One seeded child host per provider, shared by the crash scenarios (run one after another).</summary>
public abstract class DemoHostFixture(string provider) : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = default!;

    public async Task InitializeAsync() => Host = await DemoHost.SeededAsync(provider);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class SqliteDemoHost() : DemoHostFixture("Sqlite");
public sealed class PostgresDemoHost() : DemoHostFixture("Postgres");

/// <summary>
/// Crash safety (issue 10, item 6): the server as a child process killed with SIGKILL in the middle of an upload, of
/// an import and of a package job. After a restart nothing is half-written, what a crash leaves on disk is removed by
/// the orphan cleanup (run with a zero grace time), and the package job is resumed — or, out of attempts, marked failed
/// with a Chinese message.
/// </summary>
[Collection(ChildHosts.Name)]
public abstract class CrashSafetyScenarios(DemoHostFixture fixture)
{
    private HostProcess Host => fixture.Host;

    /// <summary>Restarted with the cleanup every few seconds and no grace: leftovers of the crash go at once.</summary>
    private void CleanupAtOnce()
    {
        Host.Settings["Retention:OrphanGraceHours"] = "0";
        Host.Settings["Retention:IntervalMinutes"] = "0.05";
        Host.Settings["Maintenance:TickSeconds"] = "1";
    }

    [Fact]
    public async Task Killed_in_the_middle_of_an_upload_it_leaves_no_attachment_row_and_the_cleanup_removes_the_partial_file()
    {
        Host.Settings.Clear();
        await Host.StartAsync();
        try
        {
            var (task, liaison) = await DemoHost.DraftTaskAsync(Host);
            int before;
            await using (var db = Host.Db())
            {
                before = await db.TaskAttachments.CountAsync(a => a.TaskId == task);
            }
            using var http = await Host.SignInAsync(liaison, HostProcess.DemoPassword);
            var slow = new SlowUpload("file", "慢速上传.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n"));
            var sending = http.PostAsync($"/api/v1/tasks/{task}/files", slow);
            // Killed while the bytes are arriving: the temporary file is growing.
            var tmp = Path.Combine(Host.DataRoot, "tmp");
            await Until(() => Directory.Exists(tmp) && Directory.GetFiles(tmp, "upload-*").Any(f => new FileInfo(f).Length >= 256 * 1024), "the upload's temporary file to grow");
            Host.Kill();
            await Swallow(sending);
            var leftovers = Directory.GetFiles(tmp, "upload-*");
            Assert.NotEmpty(leftovers);

            CleanupAtOnce();
            await Host.StartAsync();
            await Until(() => leftovers.All(f => !File.Exists(f)), "the cleanup to remove the partial upload");
            await using (var db = Host.Db())
            {
                Assert.Equal(before, await db.TaskAttachments.CountAsync(a => a.TaskId == task));
                var cleanups = await db.AuditEntries.AsNoTracking().Where(a => a.Target == "保留期限清理").Select(a => a.Detail!).ToListAsync();
                Assert.Contains(cleanups, d => d.Contains("临时文件") && !d.Contains("临时文件0个"));
                // Every attachment row has its file.
                var named = await db.TaskAttachments.AsNoTracking().Select(a => a.Sha256).Distinct().ToListAsync();
                Assert.All(named, sha => Assert.True(File.Exists(Path.Combine(Host.DataRoot, "files", sha[..2], sha[2..4], sha)), sha));
            }
            // And the server takes uploads again.
            using var again = await Host.SignInAsync(liaison, HostProcess.DemoPassword);
            await DemoHost.UploadAsync(again, task, "after the crash " + Guid.NewGuid());
        }
        finally
        {
            Host.Kill();
        }
    }

    [Fact]
    public async Task Killed_in_the_middle_of_a_framework_and_a_list_import_it_imports_nothing()
    {
        Host.Settings.Clear();
        await Host.StartAsync();
        try
        {
            var (task, liaison) = await DemoHost.DraftTaskAsync(Host);
            int frameworks, nodes, draftVersion;
            string lists;
            await using (var db = Host.Db())
            {
                frameworks = await db.Frameworks.CountAsync();
                nodes = await db.FrameworkNodes.CountAsync();
                var t = await db.Tasks.AsNoTracking().FirstAsync(x => x.Id == task);
                draftVersion = t.DraftVersion;
                lists = System.Text.Json.JsonSerializer.Serialize(t.Lists);
            }
            using var office = await Host.SignInAsync("office", HostProcess.DemoPassword);
            using var unit = await Host.SignInAsync(liaison, HostProcess.DemoPassword);
            var framework = new SlowUpload("file", "指标体系.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]);
            var list = new SlowUpload("file", "清单.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]);
            var sendingFramework = office.PostAsync("/api/v1/frameworks/import", framework);
            var sendingList = unit.PostAsync($"/api/v1/tasks/{task}/lists/1/import", list);
            await Until(() => framework.Sent >= 512 * 1024 && list.Sent >= 512 * 1024, "both imports to be half sent");
            Host.Kill();
            await Swallow(sendingFramework);
            await Swallow(sendingList);

            CleanupAtOnce();
            await Host.StartAsync();
            await using (var db = Host.Db())
            {
                Assert.Equal(frameworks, await db.Frameworks.CountAsync());
                Assert.Equal(nodes, await db.FrameworkNodes.CountAsync());
                var t = await db.Tasks.AsNoTracking().FirstAsync(x => x.Id == task);
                Assert.Equal(draftVersion, t.DraftVersion);
                Assert.Equal(lists, System.Text.Json.JsonSerializer.Serialize(t.Lists));
            }
            var tmp = Path.Combine(Host.DataRoot, "tmp");
            await Until(() => !Directory.Exists(tmp) || Directory.GetFileSystemEntries(tmp).Length == 0, "no temporary file of the product left");
        }
        finally
        {
            Host.Kill();
        }
    }

    [Fact]
    public async Task Killed_during_a_package_job_the_job_is_resumed_and_out_of_attempts_marked_failed_in_chinese()
    {
        Host.Settings.Clear();
        Host.Settings["Jobs:LeaseSeconds"] = "4";
        Guid campaign;
        // Setup the API has no shortcut for: a large stored file attached to every approved or submitted filing, so
        // that building the package takes long enough to be killed in the middle.
        await using (var db = Host.Db())
        {
            campaign = await db.Campaigns.AsNoTracking().Select(c => c.Id).FirstAsync();
            var content = new byte[8 * 1024 * 1024];
            RandomNumberGenerator.Fill(content);
            Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(content, 0);
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            var path = Path.Combine(Host.DataRoot, "files", sha[..2], sha[2..4], sha);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, content);
            var filed = await db.Tasks.Where(t => t.CampaignId == campaign && !t.Removed && (t.Status == FilingStatus.Approved || t.Status == FilingStatus.Submitted))
                .Select(t => t.Id).ToListAsync();
            Assert.NotEmpty(filed);
            for (var i = 0; i < 40; i++)
            {
                db.TaskAttachments.Add(new TaskAttachment
                {
                    TaskId = filed[i % filed.Count], Sha256 = sha, FileName = $"大文件{i}.pdf", ContentType = "application/pdf", Size = content.Length, UploadedBy = "crash-test",
                });
            }
            await db.SaveChangesAsync();
        }

        // 1. Killed mid-way, restarted: the job is taken over when its lease runs out and built again from the start.
        var job = await QueueAndKillMidwayAsync(campaign);
        await Host.StartAsync();
        try
        {
            var done = await WaitForJobAsync(job, JobStates.Succeeded);
            Assert.Equal(2, done.Attempts);
            var zip = Path.Combine(Host.DataRoot, "packages", $"{job:N}.zip");
            Assert.True(File.Exists(zip));
            Assert.False(File.Exists(zip + ".part"));
            Assert.Equal(new FileInfo(zip).Length, done.ResultSize);
            using (var archive = ZipFile.OpenRead(zip))
            {
                Assert.Contains(archive.Entries, e => e.FullName == "index.xlsx");
                Assert.True(archive.Entries.Count(e => e.Name.StartsWith("大文件", StringComparison.Ordinal)) >= 40);
            }
            using var office = await Host.SignInAsync("office", HostProcess.DemoPassword);
            var download = await office.GetAsync($"/api/v1/jobs/{job}/result", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }
        finally
        {
            Host.Kill();
        }

        // 2. Killed mid-way again, with no attempt left: marked failed with the reason; its partial file is an orphan.
        var second = await QueueAndKillMidwayAsync(campaign);
        Host.Settings["Jobs:MaxAttempts"] = "1";
        CleanupAtOnce();
        await Host.StartAsync();
        try
        {
            var failed = await WaitForJobAsync(second, JobStates.Failed);
            Assert.Equal(JobRunner.InterruptedMessage, failed.Message);
            using var office = await Host.SignInAsync("office", HostProcess.DemoPassword);
            var state = JsonNode.Parse(await office.GetStringAsync($"/api/v1/jobs/{second}"))!;
            Assert.Equal("failed", state["state"]!.GetValue<string>());
            Assert.Equal("失败", state["stateLabel"]!.GetValue<string>());
            Assert.Contains("中断", state["message"]!.GetValue<string>());
            var part = Path.Combine(Host.DataRoot, "packages", $"{second:N}.zip.part");
            await Until(() => !File.Exists(part), "the cleanup to remove the failed job's partial package");
            Assert.True(File.Exists(Path.Combine(Host.DataRoot, "packages", $"{job:N}.zip")), "the newest succeeded package stays");
        }
        finally
        {
            Host.Kill();
        }
    }

    private async Task<Guid> QueueAndKillMidwayAsync(Guid campaign)
    {
        await Host.StartAsync();
        try
        {
            using var office = await Host.SignInAsync("office", HostProcess.DemoPassword);
            var queued = await office.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/packages", new { approvedOnly = false });
            Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
            var job = Guid.Parse(JsonNode.Parse(await queued.Content.ReadAsStringAsync())!["jobId"]!.GetValue<string>());
            var part = Path.Combine(Host.DataRoot, "packages", $"{job:N}.zip.part");
            await Until(() => File.Exists(part) && new FileInfo(part).Length >= 48L * 1024 * 1024, "the package to be half written");
            Host.Kill();
            await using var db = Host.Db();
            var state = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == job);
            Assert.Equal(JobStates.Running, state.State);
            Assert.False(File.Exists(Path.Combine(Host.DataRoot, "packages", $"{job:N}.zip")), "no package under its final name before it is complete");
            return job;
        }
        finally
        {
            Host.Kill();
        }
    }

    private async Task<Job> WaitForJobAsync(Guid id, string state)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = Host.Db())
            {
                var job = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == id);
                if (job.State == state)
                {
                    return job;
                }
                Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"job {id} still {job.State} ({job.Message}), expected {state}");
            }
            await Task.Delay(250);
        }
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    private static async Task Swallow(Task<HttpResponseMessage> sending)
    {
        try
        {
            using var response = await sending;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            // The server died under it.
        }
    }

    /// <summary>A multipart upload whose file part never ends: 16 KiB every 10 ms until the connection dies.</summary>
    private sealed class SlowUpload : HttpContent
    {
        private const string Boundary = "crash-test-boundary";
        private readonly byte[] preamble;
        private long sent;

        public SlowUpload(string field, string fileName, string contentType, byte[] head)
        {
            preamble = [.. Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n"), .. head];
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        public long Sent => Interlocked.Read(ref sent);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(preamble);
            var chunk = new byte[16 * 1024];
            RandomNumberGenerator.Fill(chunk);
            while (true)
            {
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
                Interlocked.Add(ref sent, chunk.Length);
                await Task.Delay(10);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

public sealed class CrashSafetyOnSqlite(SqliteDemoHost f) : CrashSafetyScenarios(f), IClassFixture<SqliteDemoHost>;
public sealed class CrashSafetyOnPostgres(PostgresDemoHost f) : CrashSafetyScenarios(f), IClassFixture<PostgresDemoHost>;
