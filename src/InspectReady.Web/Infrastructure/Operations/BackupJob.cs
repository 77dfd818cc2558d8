using System.Globalization;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Jobs;
using InspectReady.Web.Infrastructure.Jobs;

namespace InspectReady.Web.Infrastructure.Operations;

/// <summary>
/// The scheduled backup (<c>Backup:Schedule</c>, off by default): a new folder <c>yyyyMMdd-HHmmss</c> under
/// <c>Backup:Directory</c>, with the keys when <c>Backup:IncludeKeys</c>; then only the newest <c>Backup:Keep</c>
/// (default 7) finished backups there are kept.
/// </summary>
public sealed class BackupJob(BackupService backups, IConfiguration configuration, IChinaClock clock, ILogger<BackupJob> log) : IJobHandler
{
    public const string JobKind = "backup";

    public string Kind => JobKind;

    public async Task<JobResult> RunAsync(Job job, IProgress<(int Percent, string Message)> progress, CancellationToken ct)
    {
        var folder = configuration["Backup:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : throw new JobFailedException("定时备份已开启（Backup:Schedule），但没有配置备份目录 Backup:Directory");
        var target = Path.Combine(folder, clock.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        try
        {
            await backups.BackupAsync(target, configuration.GetValue<bool?>("Backup:IncludeKeys") ?? false, ct);
        }
        catch (BackupException e)
        {
            throw new JobFailedException("定时备份失败：" + e.Message);
        }
        var keep = Math.Max(1, configuration.GetValue<int?>("Backup:Keep") ?? 7);
        var finished = Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, BackupManifest.FileName)))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var old in finished.Take(Math.Max(0, finished.Count - keep)))
        {
            try
            {
                Directory.Delete(old, recursive: true);
            }
            catch (IOException e)
            {
                log.LogWarning(e, "Old backup {Folder} not removed", old);
            }
        }
        progress.Report((100, $"已备份到 {target}"));
        return new JobResult(null, target, 0);
    }
}
