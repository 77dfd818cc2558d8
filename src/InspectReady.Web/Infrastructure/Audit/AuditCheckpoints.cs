using System.Globalization;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Infrastructure.Hosting;
using InspectReady.Web.Infrastructure.Security.Keys;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Infrastructure.Audit;

/// <summary>The chain's tail as seen at <see cref="At"/>, signed with HMAC-SM3 under the checkpoint key.</summary>
public sealed record AuditCheckpoint(long Sequence, string Mac, DateTime At, string KeyId, string Signature)
{
    public const string Version = "ir-audit-checkpoint-1";

    public string Payload => string.Join('\t', Version, Sequence.ToString(CultureInfo.InvariantCulture), Mac,
        At.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture), KeyId);

    public string Line => Payload + "\t" + Signature;

    public static AuditCheckpoint Sign(long sequence, string mac, DateTime at, KeyMaterial key)
    {
        var unsigned = new AuditCheckpoint(sequence, mac, DateTime.SpecifyKind(at, DateTimeKind.Utc), key.Id, "");
        return unsigned with { Signature = AuditChain.HmacSm3Hex(key.Bytes, unsigned.Payload) };
    }

    /// <summary>Null when the line is not a checkpoint or its signature does not hold under the named key.</summary>
    public static AuditCheckpoint? Parse(string line, Func<string, KeyMaterial?> keys)
    {
        var parts = line.Split('\t');
        if (parts.Length != 6 || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !DateTime.TryParseExact(parts[3], "yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            || keys(parts[4]) is not { } key)
        {
            return null;
        }
        var expected = Sign(sequence, parts[2], at, key);
        return string.Equals(expected.Signature, parts[5], StringComparison.Ordinal) ? expected : null;
    }
}

/// <summary>What the checkpoint file holds: the checkpoint with the highest sequence, and the first line that is not a valid one.</summary>
public sealed record CheckpointLog(AuditCheckpoint? Latest, int Lines, int? FirstInvalidLine);

/// <summary>
/// Signed checkpoints of the audit chain's tail, appended to <c>{DataRoot}/audit/checkpoints.log</c> (or
/// <c>Audit:CheckpointFile</c>) outside the database, so a cut-off tail shows (ADR 0040): one line per checkpoint,
/// never rewritten.
/// </summary>
public sealed class AuditCheckpoints(IDbContextFactory<AppDbContext> factory, KeyStore keys, IChinaClock clock, DataRoot root, IConfiguration configuration) : IDisposable
{
    private readonly SemaphoreSlim fileLock = new(1, 1);

    public string FilePath { get; } = configuration["Audit:CheckpointFile"] is { Length: > 0 } f
        ? Path.GetFullPath(f)
        : Path.Combine(root.Folder("audit"), "checkpoints.log");

    public void Dispose() => fileLock.Dispose();

    /// <summary>Appends a checkpoint of the current tail (none while the chain is empty).</summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var tail = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        if (tail is null)
        {
            return null;
        }
        var checkpoint = AuditCheckpoint.Sign(tail.Sequence, tail.Hash, clock.UtcNow, keys.Current(KeyNames.AuditCheckpoint));
        await fileLock.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read, Options = FileOptions.Asynchronous | FileOptions.WriteThrough };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            await using var stream = new FileStream(FilePath, options);
            var bytes = System.Text.Encoding.UTF8.GetBytes(checkpoint.Line + "\n");
            await stream.WriteAsync(bytes, ct);
            await stream.FlushAsync(ct);
        }
        finally
        {
            fileLock.Release();
        }
        return checkpoint;
    }

    /// <summary>Reads the file line by line (memory flat); a missing file is an empty log.</summary>
    public async Task<CheckpointLog> ReadAsync(CancellationToken ct = default)
    {
        if (!File.Exists(FilePath))
        {
            return new CheckpointLog(null, 0, null);
        }
        AuditCheckpoint? latest = null;
        int? invalid = null;
        var n = 0;
        using var reader = new StreamReader(new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, useAsync: true));
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            n++;
            if (line.Length == 0)
            {
                continue;
            }
            if (AuditCheckpoint.Parse(line, keys.Get) is { } c)
            {
                if (latest is null || c.Sequence >= latest.Sequence)
                {
                    latest = c;
                }
            }
            else
            {
                invalid ??= n;
            }
        }
        return new CheckpointLog(latest, n, invalid);
    }
}

/// <summary>Writes a checkpoint when the host starts, every <c>Audit:CheckpointMinutes</c> (default 60) and when it stops.</summary>
public sealed class AuditCheckpointService(AuditCheckpoints checkpoints, IConfiguration configuration, ILogger<AuditCheckpointService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Audit:CheckpointMinutes", 60.0);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Clamp(minutes, 0.05, 60.0)));
        do
        {
            await TryWriteAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryWriteAsync(CancellationToken.None);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task TryWriteAsync(CancellationToken ct)
    {
        var file = checkpoints.FilePath;
        try
        {
            if (await checkpoints.WriteAsync(ct) is { } c && log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("审计检查点：至第 {Sequence} 条，写入 {File}", c.Sequence, file);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "审计检查点写入失败（{File}）", file);
        }
    }
}
