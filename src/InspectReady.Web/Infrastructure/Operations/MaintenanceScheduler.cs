using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Infrastructure.Operations;

/// <summary>
/// Queues the maintenance jobs on every node: the retention run every <c>Retention:IntervalMinutes</c> (default 60) and,
/// when <c>Backup:Schedule</c> is set (<c>HH:mm</c>, China time, daily), the day's backup. Each run is a job row whose
/// id derives from its kind and time slot, so of several nodes one inserts it (the others hit the key) and the
/// <see cref="Jobs.JobRunner"/> lease makes one node run it (ADR 0043, 0044).
/// </summary>
public sealed class MaintenanceScheduler(IDbContextFactory<AppDbContext> factory, IConfiguration configuration, IChinaClock clock,
    ILogger<MaintenanceScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue<double?>("Maintenance:TickSeconds") ?? 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                log.LogWarning(e, "Maintenance scheduling failed");
            }
            try
            {
                await Task.Delay(tick, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task TickAsync(CancellationToken ct)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue<double?>("Retention:IntervalMinutes") ?? 60));
        if (configuration.GetValue<bool?>("Retention:Enabled") ?? true)
        {
            var slot = clock.UtcNow.Ticks / interval.Ticks;
            await EnqueueOnceAsync(factory, RetentionJob.JobKind, slot.ToString(CultureInfo.InvariantCulture), ct);
        }
        if (BackupSchedule.Parse(configuration["Backup:Schedule"]) is { } at && clock.Now.TimeOfDay >= at.ToTimeSpan())
        {
            await EnqueueOnceAsync(factory, BackupJob.JobKind, clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ct);
        }
    }

    /// <summary>Inserts the job of this kind and slot unless a node already did; true when this call inserted it.</summary>
    public static async Task<bool> EnqueueOnceAsync(IDbContextFactory<AppDbContext> factory, string kind, string slot, CancellationToken ct)
    {
        var id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{slot}")).AsSpan(0, 16));
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Jobs.AnyAsync(j => j.Id == id, ct))
        {
            return false;
        }
        db.Jobs.Add(new Job { Id = id, Kind = kind, CreatedBy = $"system:{kind}", Parameters = $"{{\"slot\":\"{slot}\"}}" });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
    }
}

public static class BackupSchedule
{
    /// <summary><c>HH:mm</c> (China time, daily); null when empty (scheduled backups off).</summary>
    public static TimeOnly? Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : TimeOnly.TryParseExact(value.Trim().Replace("daily", "", StringComparison.OrdinalIgnoreCase).Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var at) ? at
        : throw new InvalidOperationException($"Backup:Schedule 应为每日的北京时间“HH:mm”（例如 02:30），当前为“{value}”");
}
