using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Jobs;
using InspectReady.Web.Infrastructure.Hosting;
using InspectReady.Web.Infrastructure.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace InspectReady.FunctionalTests.Scenarios.Operations;

/// <summary>
/// Retention (issue 10, item 4) with a fake clock: a package superseded by a newer one of its campaign goes at the next
/// run, the newest after Retention:PackageDays; the job records stay and a download answers 410 in Chinese; files no
/// record names go after the grace time, named ones never; each run writes one 系统 audit record with its counts.
/// </summary>
public abstract class RetentionScenarios(AppFactory factory)
{
    private RetentionCleaner CleanerAt(DateTimeOffset now) => new(factory.Service<IDbContextFactory<AppDbContext>>(), factory.Service<DataRoot>(),
        factory.Service<IConfiguration>(), new ChinaClock(new FakeTimeProvider(now)), NullLogger<RetentionCleaner>.Instance);

    private static async Task<Guid> PackageAsync(CampaignWorld w)
    {
        var queued = await w.Office.Http.PostAsJsonAsync($"/api/v1/campaigns/{w.CampaignId}/packages", new { approvedOnly = false });
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var id = Guid.Parse(JsonNode.Parse(await queued.Content.ReadAsStringAsync())!["jobId"]!.GetValue<string>());
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var job = await w.Office.GetJsonAsync($"/api/v1/jobs/{id}");
            if (job["state"]!.GetValue<string>() == JobStates.Succeeded)
            {
                return id;
            }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), job.ToJsonString());
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Superseded_and_expired_packages_are_removed_with_their_record_kept_and_orphans_after_the_grace_time()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "保留期限");
        var task = await w.TaskAsync(w.UnitA, 2);
        using var form = new MultipartFormDataContent();
        var pdf = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% retention {Guid.NewGuid()}\n%%EOF\n"));
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "file", "保留.pdf");
        var uploaded = await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/files", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var named = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!["sha256"]!.GetValue<string>();

        var older = await PackageAsync(w);
        var newer = await PackageAsync(w);
        var root = factory.Service<DataRoot>();
        var orphan = new string('e', 62) + Guid.NewGuid().ToString("N")[..2];
        var orphanPath = root.Combine("files", orphan[..2], orphan[2..4], orphan);
        Directory.CreateDirectory(Path.GetDirectoryName(orphanPath)!);
        await File.WriteAllTextAsync(orphanPath, "no record names me");
        var temporary = Path.Combine(root.Folder("tmp"), "upload-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(temporary, "cut off by a crash");
        var strayPackage = root.Combine("packages", Guid.NewGuid().ToString("N") + ".zip.part");
        await File.WriteAllTextAsync(strayPackage, "left by a crashed job");

        // Now: the older package is superseded; the orphans are within their grace time.
        var now = DateTimeOffset.UtcNow;
        var first = await CleanerAt(now).RunAsync(CancellationToken.None);
        Assert.True(first.Packages >= 1);
        Assert.True(File.Exists(orphanPath) && File.Exists(temporary) && File.Exists(strayPackage));
        var gone = await w.Office.Http.GetAsync($"/api/v1/jobs/{older}/result");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains(JobStates.RemovedMessage, await gone.Content.ReadAsStringAsync());
        var record = await w.Office.GetJsonAsync($"/api/v1/jobs/{older}");
        Assert.Equal(JobStates.Removed, record["state"]!.GetValue<string>());
        Assert.Equal("已删除", record["stateLabel"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await w.Office.Http.GetAsync($"/api/v1/jobs/{newer}/result", HttpCompletionOption.ResponseHeadersRead)).StatusCode);

        // 25 hours on: the orphans go, the named attachment stays.
        var second = await CleanerAt(now.AddHours(25)).RunAsync(CancellationToken.None);
        Assert.True(second.OrphanFiles >= 2 && second.TemporaryFiles >= 1, second.ToString());
        Assert.False(File.Exists(orphanPath) || File.Exists(temporary) || File.Exists(strayPackage));
        Assert.True(File.Exists(root.Combine("files", named[..2], named[2..4], named)));
        Assert.Equal(HttpStatusCode.OK, (await w.Office.Http.GetAsync($"/api/v1/jobs/{newer}/result", HttpCompletionOption.ResponseHeadersRead)).StatusCode);

        // Eight days on: the newest package too.
        await CleanerAt(now.AddDays(8)).RunAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.Gone, (await w.Office.Http.GetAsync($"/api/v1/jobs/{newer}/result")).StatusCode);
        Assert.False(File.Exists(root.Combine("packages", $"{newer:N}.zip")));

        await using var db = await factory.Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var runs = await db.AuditEntries.AsNoTracking().Where(a => a.Target == "保留期限清理").OrderBy(a => a.Sequence).Select(a => new { a.UserName, a.Action, a.Detail }).ToListAsync();
        Assert.True(runs.Count >= 3);
        Assert.All(runs, r => Assert.Equal("系统", r.Action));
        Assert.Contains(runs, r => r.Detail!.Contains("孤立文件") && !r.Detail.Contains("孤立文件0个"));
    }

    [Fact]
    public async Task A_maintenance_run_is_queued_once_whatever_the_number_of_nodes()
    {
        var jobs = factory.Service<IDbContextFactory<AppDbContext>>();
        var slot = "test-" + Guid.NewGuid().ToString("N");
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => MaintenanceScheduler.EnqueueOnceAsync(jobs, "retention-test", slot, CancellationToken.None)));
        Assert.Equal(1, results.Count(r => r));
        await using var db = await jobs.CreateDbContextAsync();
        Assert.Equal(1, await db.Jobs.CountAsync(j => j.Kind == "retention-test" && j.Parameters.Contains(slot)));
    }
}

public sealed class RetentionOnSqlite(SqliteFactory f) : RetentionScenarios(f), IClassFixture<SqliteFactory>;
public sealed class RetentionOnPostgres(PostgresFactory f) : RetentionScenarios(f), IClassFixture<PostgresFactory>;
