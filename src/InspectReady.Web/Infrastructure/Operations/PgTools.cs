using System.Diagnostics;
using Npgsql;

namespace InspectReady.Web.Infrastructure.Operations;

/// <summary>
/// PostgreSQL's client programs (<c>pg_dump</c>, <c>pg_restore</c>): from <c>Backup:PgBinDirectory</c>, else the PATH,
/// else the newest <c>/usr/lib/postgresql/*/bin</c>. The connection goes through PG* environment variables, so the
/// password never shows in a process list.
/// </summary>
public sealed class PgTools(IConfiguration configuration)
{
    public string Find(string program)
    {
        if (configuration["Backup:PgBinDirectory"] is { Length: > 0 } configured)
        {
            var path = Path.Combine(configured, program);
            return File.Exists(path) ? path : throw new BackupException($"Backup:PgBinDirectory（{configured}）中没有 {program}");
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, program);
            if (File.Exists(path))
            {
                return path;
            }
        }
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(d => d.Version).Select(d => Path.Combine(d.Dir, "bin", program)).FirstOrDefault(File.Exists);
            if (newest is not null)
            {
                return newest;
            }
        }
        throw new BackupException($"找不到 {program}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client，版本不低于数据库服务器），或用 Backup:PgBinDirectory 指定其目录");
    }

    public async Task RunAsync(string program, IReadOnlyList<string> arguments, NpgsqlConnectionStringBuilder connection, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Find(program))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["PGHOST"] = connection.Host ?? "localhost";
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username ?? Environment.UserName;
        start.Environment["PGDATABASE"] = connection.Database ?? "postgres";
        if (connection.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        start.Environment["PGCONNECT_TIMEOUT"] = "30";
        using var process = Process.Start(start) ?? throw new BackupException($"无法启动 {program}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var errors = (await stderr).Trim();
        await stdout;
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{program} 失败（退出码 {process.ExitCode}）：{(errors.Length > 2000 ? errors[..2000] : errors)}");
        }
    }
}
