namespace InspectReady.Web.Infrastructure.Operations;

/// <summary>
/// The host's operations commands (<c>dotnet run --project src/InspectReady.Web -- backup --to DIR [--include-keys]</c>,
/// <c>... -- restore --from DIR [--force]</c>): run instead of the web server, before the bootstrap (a restore must find
/// the target empty), exit code 0 on success, 1 when refused or failed (Chinese message on stderr), 2 on wrong usage.
/// </summary>
public static class HostCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";

    private const string Usage = "用法：backup --to 备份目录 [--include-keys]；restore --from 备份目录 [--force]";

    private static readonly string[] ValueOptions = ["--to", "--from"];
    private static readonly string[] Flags = ["--include-keys", "--force"];

    public static bool Is(string[] args) => args.Length > 0 && args[0] is Backup or Restore;

    /// <summary>The arguments left for the host's configuration: the command and its own options taken out.</summary>
    public static string[] HostArgs(string[] args)
    {
        if (!Is(args))
        {
            return args;
        }
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (ValueOptions.Contains(args[i]))
            {
                i++;
            }
            else if (!Flags.Contains(args[i]))
            {
                rest.Add(args[i]);
            }
        }
        return [.. rest];
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var backups = services.GetRequiredService<BackupService>();
        try
        {
            if (args[0] == Backup)
            {
                if (Option(args, "--to") is not { } to)
                {
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
                }
                var manifest = await backups.BackupAsync(to, args.Contains("--include-keys"), CancellationToken.None);
                Console.WriteLine($"备份完成：{Path.GetFullPath(to)}（{manifest.Provider}，{manifest.CreatedAtChina}，表{manifest.Tables.Count}张，{manifest.Tables.Values.Sum()}行，"
                    + $"文件{manifest.Files.Count}个，{manifest.Files.Sum(f => f.Size)}字节；密钥文件{manifest.Keys.Count}个，{(manifest.KeysIncluded ? "已包含" : "只记入清单，未包含")}）");
                return 0;
            }
            if (Option(args, "--from") is not { } from)
            {
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }
            var report = await backups.RestoreAsync(from, args.Contains("--force"), CancellationToken.None);
            Console.WriteLine($"恢复完成：自 {Path.GetFullPath(from)}（{report.Manifest.Provider}，备份于 {report.Manifest.CreatedAtChina}）恢复表{report.Tables}张、{report.Rows}行，"
                + $"文件{report.Files}个，密钥文件{report.Keys}个；行数与每个文件的 SHA-256 均与清单一致。"
                + (report.Manifest.KeysIncluded || report.Manifest.Keys.Count == 0 ? "" : $"备份不含密钥文件：请把原来的 {report.Manifest.Keys.Count} 个密钥文件放回数据目录的 keys/（清单见 manifest.json）。"));
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : null;
    }
}
