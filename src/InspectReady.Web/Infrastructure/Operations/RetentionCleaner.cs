using System.Text.Json;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Jobs;
using InspectReady.Web.Features.Outputs;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Hosting;
using InspectReady.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Infrastructure.Operations;

/// <summary>What one retention run removed.</summary>
public sealed record RetentionReport(int Packages, int OrphanFiles, long OrphanBytes, int TemporaryFiles)
{
    public string Describe(double packageDays, double graceHours) =>
        $"删除过期或已被新版本取代的汇编包{Packages}个，孤立文件{OrphanFiles}个（{OrphanBytes}字节），临时文件{TemporaryFiles}个；"
        + $"汇编包保留{packageDays:0.##}天，孤立文件宽限{graceHours:0.##}小时";
}

/// <summary>
/// Retention (ADR 0043): package ZIPs are deleted <c>Retention:PackageDays</c> (default 7) after they were made, and at
/// once when a newer package of the same campaign succeeded; their job records stay, marked <see cref="JobStates.Removed"/>.
/// Files no record points to — stored files no attachment, photo or submitted version names, package files of no job,
/// temporary files (uploads and exports cut off by a crash) — are deleted once older than
/// <c>Retention:OrphanGraceHours</c> (default 24). One 系统 audit record per run gives the counts.
/// </summary>
public sealed class RetentionCleaner(IDbContextFactory<AppDbContext> factory, DataRoot root, IConfiguration configuration, IChinaClock clock,
    ILogger<RetentionCleaner> log)
{
    public const string Actor = "retention";

    public double PackageDays => configuration.GetValue<double?>("Retention:PackageDays") ?? 7;

    public double OrphanGraceHours => configuration.GetValue<double?>("Retention:OrphanGraceHours") ?? 24;

    public async Task<RetentionReport> RunAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var packages = await RemovePackagesAsync(now - TimeSpan.FromDays(PackageDays), ct);
        var before = now - TimeSpan.FromHours(OrphanGraceHours);
        var (orphans, bytes) = await RemoveOrphanFilesAsync(before, ct);
        var packageOrphans = await RemoveOrphanPackagesAsync(before, ct);
        var temporary = RemoveTemporary(before);
        var report = new RetentionReport(packages, orphans + packageOrphans, bytes, temporary);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Record(UserScope.System(Actor), AuditActions.System, "保留期限清理", detail: report.Describe(PackageDays, OrphanGraceHours));
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>Marks each expired or superseded package removed (the record first), then deletes its file.</summary>
    private async Task<int> RemovePackagesAsync(DateTime expiredBefore, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var done = await db.Jobs.AsNoTracking()
            .Where(j => j.Kind == PackageJob.JobKind && j.State == JobStates.Succeeded && j.ResultPath != null)
            .Select(j => new { j.Id, j.Parameters, j.FinishedAt, j.ResultPath }).ToListAsync(ct);
        var removed = 0;
        foreach (var campaign in done.GroupBy(j => CampaignOf(j.Parameters)))
        {
            var newest = campaign.OrderByDescending(j => j.FinishedAt).ThenByDescending(j => j.Id).First();
            foreach (var job in campaign.Where(j => j != newest || j.FinishedAt < expiredBefore))
            {
                var marked = await db.Jobs.Where(j => j.Id == job.Id && j.State == JobStates.Succeeded)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobStates.Removed).SetProperty(j => j.Message, JobStates.RemovedMessage)
                        .SetProperty(j => j.ResultPath, (string?)null).SetProperty(j => j.RowVersion, j => j.RowVersion + 1), ct);
                if (marked == 0)
                {
                    continue;
                }
                removed++;
                TryDelete(root.Combine(job.ResultPath!));
            }
        }
        return removed;
    }

    private async Task<(int Count, long Bytes)> RemoveOrphanFilesAsync(DateTime olderThan, CancellationToken ct)
    {
        var folder = root.Combine("files");
        if (!Directory.Exists(folder))
        {
            return (0, 0);
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var named = new HashSet<string>(StringComparer.Ordinal);
        named.UnionWith(await db.TaskAttachments.AsNoTracking().Select(a => a.Sha256).Distinct().ToListAsync(ct));
        named.UnionWith(await db.PublicityPhotos.AsNoTracking().Select(p => p.Sha256).Distinct().ToListAsync(ct));
        await foreach (var list in db.TaskVersions.AsNoTracking().Select(v => v.Attachments).AsAsyncEnumerable().WithCancellation(ct))
        {
            // "sha256 filename"
            named.UnionWith(list.Select(a => a.Split(' ', 2)[0]));
        }
        var count = 0;
        long bytes = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(path);
            if (named.Contains(info.Name) || info.LastWriteTimeUtc > olderThan)
            {
                continue;
            }
            var size = info.Length;
            if (TryDelete(path))
            {
                count++;
                bytes += size;
            }
        }
        return (count, bytes);
    }

    /// <summary>Package files of no job: left by a crashed job (<c>.part</c>) or by a job whose record is gone.</summary>
    private async Task<int> RemoveOrphanPackagesAsync(DateTime olderThan, CancellationToken ct)
    {
        var folder = root.Combine("packages");
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var kept = (await db.Jobs.AsNoTracking().Where(j => j.ResultPath != null).Select(j => j.ResultPath!).ToListAsync(ct))
            .Select(p => Path.GetFileName(p)).ToHashSet(StringComparer.Ordinal);
        var working = (await db.Jobs.AsNoTracking().Where(j => j.State == JobStates.Queued || j.State == JobStates.Running).Select(j => j.Id).ToListAsync(ct))
            .Select(id => id.ToString("N")).ToHashSet(StringComparer.Ordinal);
        var count = 0;
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var info = new FileInfo(path);
            var stem = info.Name.Split('.')[0];
            if (kept.Contains(info.Name) || working.Contains(stem) || info.LastWriteTimeUtc > olderThan)
            {
                continue;
            }
            if (TryDelete(path))
            {
                count++;
            }
        }
        return count;
    }

    private int RemoveTemporary(DateTime olderThan)
    {
        var folder = root.Combine("tmp");
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        var count = 0;
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry.LastWriteTimeUtc > olderThan)
            {
                continue;
            }
            try
            {
                if (entry is DirectoryInfo dir)
                {
                    dir.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
                count++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning(e, "Temporary {Path} not removed", entry.FullName);
            }
        }
        return count;
    }

    private bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(e, "{Path} not removed", path);
            return false;
        }
    }

    private static Guid? CampaignOf(string parameters)
    {
        try
        {
            return JsonSerializer.Deserialize<PackageParameters>(parameters)?.CampaignId;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The retention run as a job, so that of several nodes one runs it (the jobs table's lease).</summary>
public sealed class RetentionJob(RetentionCleaner cleaner) : IJobHandler
{
    public const string JobKind = "retention";

    public string Kind => JobKind;

    public async Task<JobResult> RunAsync(Job job, IProgress<(int Percent, string Message)> progress, CancellationToken ct)
    {
        var report = await cleaner.RunAsync(ct);
        progress.Report((100, report.Describe(cleaner.PackageDays, cleaner.OrphanGraceHours)));
        return new JobResult(null, "保留期限清理", 0);
    }
}
