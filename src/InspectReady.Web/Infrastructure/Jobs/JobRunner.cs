using InspectReady.Web.Data;
using InspectReady.Web.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Infrastructure.Jobs;

/// <summary>Work of one job kind. Reports progress 0–100; returns the result file (under the data directory).</summary>
public interface IJobHandler
{
    string Kind { get; }

    Task<JobResult> RunAsync(Job job, IProgress<(int Percent, string Message)> progress, CancellationToken ct);
}

/// <param name="RelativePath">the result file under the data directory; null for maintenance jobs without one.</param>
public sealed record JobResult(string? RelativePath, string DownloadName, long Size);

/// <summary>
/// Polls the jobs table on every node; a node takes a queued job (or one whose lease ran out, e.g. after a crash)
/// by an atomic conditional update, renews the lease while working and records progress. A job whose node died
/// (its lease ran out) is run again from the start, up to <c>Jobs:MaxAttempts</c> times (default 3); after that it is
/// marked failed with a Chinese message.
/// </summary>
public sealed class JobRunner(IServiceProvider services, IDbContextFactory<AppDbContext> factory, IConfiguration configuration, ILogger<JobRunner> log)
    : BackgroundService
{
    /// <summary>Shown on a job given up after its node stopped in the middle of it too many times.</summary>
    public const string InterruptedMessage = "后台任务在生成过程中中断（服务重启或宕机），已多次重试仍未完成，请重新生成";

    private readonly TimeSpan lease = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue<double?>("Jobs:LeaseSeconds") ?? 120));
    private readonly int maxAttempts = Math.Max(1, configuration.GetValue<int?>("Jobs:MaxAttempts") ?? 3);
    private readonly string node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunOneAsync(stoppingToken))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be starting or migrating; try again shortly.
                log.LogWarning(e, "Job polling failed");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    /// <summary>Takes and runs one job; false when there was none.</summary>
    public async Task<bool> RunOneAsync(CancellationToken ct)
    {
        Guid id;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var now = DateTime.UtcNow;
            var candidate = await db.Jobs.AsNoTracking()
                .Where(j => j.State == JobStates.Queued || (j.State == JobStates.Running && j.LeaseUntil < now))
                .OrderBy(j => j.CreatedAt).Select(j => new { j.Id, j.State, j.Attempts, j.LeaseUntil, j.RowVersion }).FirstOrDefaultAsync(ct);
            if (candidate is null)
            {
                return false;
            }
            if (candidate.State == JobStates.Running && candidate.Attempts >= maxAttempts)
            {
                // Its node stopped in the middle of it (the lease ran out) once too often: given up, with the reason.
                await db.Jobs.Where(j => j.Id == candidate.Id && j.RowVersion == candidate.RowVersion && j.State == JobStates.Running && j.LeaseUntil < now)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobStates.Failed).SetProperty(j => j.Message, InterruptedMessage)
                        .SetProperty(j => j.RowVersion, j => j.RowVersion + 1).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Progress, 0), ct);
                return true;
            }
            var until = now + lease;
            // The claim names the row version it read: of two nodes that saw the same job, one takes it.
            var taken = await db.Jobs
                .Where(j => j.Id == candidate.Id && j.RowVersion == candidate.RowVersion
                    && (j.State == JobStates.Queued || (j.State == JobStates.Running && j.LeaseUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobStates.Running).SetProperty(j => j.LeaseOwner, node)
                    .SetProperty(j => j.RowVersion, j => j.RowVersion + 1)
                    .SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.StartedAt, now).SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
            if (taken == 0)
            {
                return true;
            }
            id = candidate.Id;
        }
        await RunAsync(id, ct);
        return true;
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
        var handler = services.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind);
        if (handler is null)
        {
            await FinishAsync(id, JobStates.Failed, $"未知的任务类型“{job.Kind}”", null, ct);
            return;
        }
        var last = DateTime.MinValue;
        var progress = new Progress<(int Percent, string Message)>(p =>
        {
            // Throttled: one database write at most every half second, which also renews the lease.
            if ((DateTime.UtcNow - last).TotalMilliseconds < 500 && p.Percent < 100)
            {
                return;
            }
            last = DateTime.UtcNow;
            _ = UpdateProgressAsync(id, p.Percent, p.Message);
        });
        // The lease is renewed while the handler works, also when it reports no progress for a while (a backup).
        using var working = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = RenewLeaseAsync(id, working.Token);
        try
        {
            var result = await handler.RunAsync(job, progress, ct);
            await FinishAsync(id, JobStates.Succeeded, "已完成", result, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Job {Id} ({Kind}) failed", id, job.Kind);
            await FinishAsync(id, JobStates.Failed, e is JobFailedException ? e.Message : "生成失败：" + e.Message, null, ct);
        }
        finally
        {
            await working.CancelAsync();
            await heartbeat;
        }
    }

    private async Task RenewLeaseAsync(Guid id, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, ct);
                try
                {
                    await using var db = await factory.CreateDbContextAsync(ct);
                    var until = DateTime.UtcNow + lease;
                    await db.Jobs.Where(j => j.Id == id && j.State == JobStates.Running && j.LeaseOwner == node)
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.RowVersion, j => j.RowVersion + 1), ct);
                }
                catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
                {
                    log.LogWarning(e, "Lease of job {Id} not renewed", id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
    }

    private async Task UpdateProgressAsync(Guid id, int percent, string message)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync();
            var until = DateTime.UtcNow + lease;
            await db.Jobs.Where(j => j.Id == id && j.State == JobStates.Running && j.LeaseOwner == node)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, Math.Min(percent, 99)).SetProperty(j => j.Message, message).SetProperty(j => j.LeaseUntil, until)
                    .SetProperty(j => j.RowVersion, j => j.RowVersion + 1));
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            log.LogWarning(e, "Progress of job {Id} not recorded", id);
        }
    }

    private async Task FinishAsync(Guid id, string state, string message, JobResult? result, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = DateTime.UtcNow;
        // Only the node holding the lease finishes the job (a node whose lease ran out and was taken over writes nothing).
        await db.Jobs.Where(j => j.Id == id && j.State == JobStates.Running && j.LeaseOwner == node).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.RowVersion, j => j.RowVersion + 1)
            .SetProperty(j => j.State, state).SetProperty(j => j.Message, message).SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.Progress, state == JobStates.Succeeded ? 100 : 0)
            .SetProperty(j => j.ResultPath, result == null ? null : result.RelativePath)
            .SetProperty(j => j.ResultName, result == null ? null : result.DownloadName)
            .SetProperty(j => j.ResultSize, result == null ? null : result.Size), ct);
    }
}

/// <summary>A failure whose message is meant for the user.</summary>
public sealed class JobFailedException(string message) : Exception(message);
