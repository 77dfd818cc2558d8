using System.Data;
using System.Data.Common;
using System.Reflection;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InspectReady.Web.Infrastructure.Operations;

/// <summary>What a restore did, for the operator.</summary>
public sealed record RestoreReport(BackupManifest Manifest, int Tables, long Rows, int Files, int Keys);

/// <summary>
/// <c>backup --to DIR</c> and <c>restore --from DIR</c> (ADR 0044): the database (SQLite through its online backup API,
/// PostgreSQL through <c>pg_dump -Fc</c> on an exported snapshot, so the counts in the manifest are those of the dump),
/// the file store, and a manifest of <c>{DataRoot}/keys/</c> (the key files themselves only with
/// <c>--include-keys</c>). Everything is streamed. A restore checks every file against the manifest before it
/// touches anything, refuses a non-empty target unless forced, and counts again afterwards.
/// </summary>
public sealed class BackupService(IDbContextFactory<AppDbContext> factory, DataRoot root, PgTools pg, IChinaClock clock)
{
    public const int Format = 1;

    private const string FilesFolder = "files";
    private const string KeysFolder = "keys";

    public static string ProductVersion =>
        typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<BackupManifest> BackupAsync(string directory, bool includeKeys, CancellationToken ct)
    {
        directory = Path.GetFullPath(directory);
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new BackupException($"备份目录“{directory}”不是空目录；请指定新的或空的目录");
        }
        Directory.CreateDirectory(directory);
        await using var db = await factory.CreateDbContextAsync(ct);
        var postgres = db.IsPostgres;
        var (tables, migration, database) = postgres ? await DumpPostgresAsync(db, directory, ct) : await CopySqliteAsync(db, directory, ct);
        var files = new List<BackupFile> { database };

        // The file store after the database: content-addressed and written before the row that names it, so every
        // file the copy of the database names is there (newer ones are extra, and the orphan cleanup's).
        var store = root.Combine(FilesFolder);
        if (Directory.Exists(store))
        {
            foreach (var path in Directory.EnumerateFiles(store, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = BackupManifest.Relative(root.Path, path);
                try
                {
                    files.Add(await BackupManifest.CopyAsync(path, Path.Combine(directory, relative), relative, ct));
                }
                catch (FileNotFoundException)
                {
                    // Removed by the orphan cleanup while the backup ran: no row of the copy names it.
                }
            }
        }
        var keys = new List<BackupFile>();
        var keyFolder = root.Combine(KeysFolder);
        if (Directory.Exists(keyFolder))
        {
            foreach (var path in Directory.EnumerateFiles(keyFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = BackupManifest.Relative(root.Path, path);
                if (includeKeys)
                {
                    var target = Path.Combine(directory, relative);
                    keys.Add(await BackupManifest.CopyAsync(path, target, relative, ct));
                    KeepPrivate(target);
                }
                else
                {
                    keys.Add(await BackupManifest.DescribeAsync(path, relative, ct));
                }
            }
        }
        var manifest = new BackupManifest(Format, postgres ? DatabaseSetup.Postgres : DatabaseSetup.Sqlite, clock.UtcNow,
            clock.Now.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), ProductVersion, migration, tables, files, keys, includeKeys);
        await manifest.WriteAsync(directory, ct);
        db.Record(UserScope.System("backup"), AuditActions.System, "数据备份",
            detail: $"{directory}：表{tables.Count}张，{tables.Values.Sum()}行，文件{files.Count - 1}个，{(includeKeys ? "含" : "不含")}密钥文件（{keys.Count}个）");
        await db.SaveChangesAsync(ct);
        return manifest;
    }

    public async Task<RestoreReport> RestoreAsync(string directory, bool force, CancellationToken ct)
    {
        directory = Path.GetFullPath(directory);
        var manifest = await BackupManifest.ReadAsync(directory, ct);
        if (manifest.Format != Format)
        {
            throw new BackupException($"备份清单格式为 {manifest.Format}，本程序只认识格式 {Format}");
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var postgres = db.IsPostgres;
        var provider = postgres ? DatabaseSetup.Postgres : DatabaseSetup.Sqlite;
        if (!string.Equals(manifest.Provider, provider, StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupException($"备份来自 {manifest.Provider} 数据库，当前配置的是 {provider}（Database:Provider）；未恢复任何内容");
        }
        if (manifest.MigrationId is { } migration && !db.Database.GetMigrations().Contains(migration))
        {
            throw new BackupException($"备份来自更新的程序版本（数据库迁移“{migration}”本程序不认识）；请先升级程序再恢复，未恢复任何内容");
        }

        // 1. Every file of the backup as the manifest says, before anything is touched.
        var expected = manifest.Files.Concat(manifest.KeysIncluded ? manifest.Keys : []).ToList();
        var database = postgres ? BackupManifest.PostgresFile : BackupManifest.SqliteFile;
        if (!expected.Any(f => f.Path == database))
        {
            throw new BackupException($"备份清单中没有数据库文件“{database}”；未恢复任何内容");
        }
        foreach (var file in expected)
        {
            var path = Inside(directory, file.Path);
            if (!File.Exists(path))
            {
                throw new BackupException($"备份文件“{file.Path}”缺失；未恢复任何内容");
            }
            var actual = await BackupManifest.DescribeAsync(path, file.Path, ct);
            if (actual.Size != file.Size || actual.Sha256 != file.Sha256)
            {
                throw new BackupException($"备份文件“{file.Path}”与清单不符（清单 {file.Size} 字节、SHA-256 {file.Sha256[..12]}…，实际 {actual.Size} 字节、{actual.Sha256[..12]}…），备份已被改动或损坏；未恢复任何内容");
            }
        }

        // 2. Only over an empty data directory and database, unless forced.
        var sqlitePath = postgres ? null : SqlitePath(db);
        var occupied = new List<string>();
        if (sqlitePath is not null && File.Exists(sqlitePath) && new FileInfo(sqlitePath).Length > 0)
        {
            occupied.Add($"数据库文件“{sqlitePath}”");
        }
        if (postgres && await PostgresTableCountAsync(db, ct) is > 0 and var count)
        {
            occupied.Add($"数据库“{new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database}”（已有{count}张表）");
        }
        if (HasFiles(root.Combine(FilesFolder)))
        {
            occupied.Add($"文件目录“{root.Combine(FilesFolder)}”");
        }
        if (manifest.KeysIncluded && HasFiles(root.Combine(KeysFolder)))
        {
            occupied.Add($"密钥目录“{root.Combine(KeysFolder)}”");
        }
        if (occupied.Count > 0 && !force)
        {
            throw new BackupException($"目标不是空的：{string.Join("、", occupied)}；确认要用备份覆盖现有数据时加 --force。未恢复任何内容");
        }

        // 3. Restore: the database, the file store, the keys.
        if (postgres)
        {
            await RestorePostgresAsync(db, Path.Combine(directory, BackupManifest.PostgresFile), force, ct);
        }
        else
        {
            RestoreSqlite(Path.Combine(directory, BackupManifest.SqliteFile), sqlitePath!);
        }
        DeleteFolder(root.Combine(FilesFolder));
        DeleteFolder(root.Combine("packages"));
        var restoredFiles = 0;
        foreach (var file in manifest.Files.Where(f => f.Path.StartsWith(FilesFolder + "/", StringComparison.Ordinal)))
        {
            var copied = await BackupManifest.CopyAsync(Inside(directory, file.Path), Inside(root.Path, file.Path), file.Path, ct);
            if (copied.Sha256 != file.Sha256)
            {
                throw new BackupException($"恢复后的文件“{file.Path}”与清单不符");
            }
            restoredFiles++;
        }
        var restoredKeys = 0;
        if (manifest.KeysIncluded)
        {
            DeleteFolder(root.Combine(KeysFolder));
            foreach (var key in manifest.Keys)
            {
                var target = Inside(root.Path, key.Path);
                await BackupManifest.CopyAsync(Inside(directory, key.Path), target, key.Path, ct);
                KeepPrivate(target);
                restoredKeys++;
            }
        }

        // 4. Counted again.
        await using var check = await factory.CreateDbContextAsync(ct);
        var conn = check.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        var counts = await CountAsync(conn, postgres, null, ct);
        await conn.CloseAsync();
        var differences = manifest.Tables.Keys.Union(counts.Keys)
            .Where(t => manifest.Tables.GetValueOrDefault(t, -1) != counts.GetValueOrDefault(t, -1))
            .Select(t => $"表“{t}”清单 {manifest.Tables.GetValueOrDefault(t, 0)} 行、恢复后 {counts.GetValueOrDefault(t, 0)} 行").ToList();
        if (differences.Count > 0)
        {
            throw new BackupException($"恢复后的行数与备份清单不符：{string.Join("；", differences)}");
        }
        check.Record(UserScope.System("restore"), AuditActions.System, "数据恢复",
            detail: $"自备份 {directory}（{manifest.CreatedAtChina}，{manifest.Provider}，版本 {manifest.ProductVersion}）：表{counts.Count}张，{counts.Values.Sum()}行，文件{restoredFiles}个，密钥文件{restoredKeys}个，行数与清单一致");
        await check.SaveChangesAsync(ct);
        return new RestoreReport(manifest, counts.Count, counts.Values.Sum(), restoredFiles, restoredKeys);
    }

    private static async Task<(SortedDictionary<string, long>, string?, BackupFile)> CopySqliteAsync(AppDbContext db, string directory, CancellationToken ct)
    {
        var source = SqlitePath(db);
        if (!File.Exists(source))
        {
            throw new BackupException($"数据库文件“{source}”不存在，没有可备份的数据");
        }
        var target = Path.Combine(directory, BackupManifest.SqliteFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        SortedDictionary<string, long> tables;
        string? migration;
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 60 }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            // SQLite's online backup API: a consistent copy of the database while the host goes on writing.
            await Task.Run(() => from.BackupDatabase(to), ct);
            await using (var cmd = to.CreateCommand())
            {
                // One self-contained file in the backup (the live database runs in WAL mode).
                cmd.CommandText = "PRAGMA journal_mode=DELETE;";
                await cmd.ExecuteScalarAsync(ct);
            }
            tables = await CountAsync(to, postgres: false, null, ct);
            migration = await LastMigrationAsync(to, null, ct);
        }
        return (tables, migration, await BackupManifest.DescribeAsync(target, BackupManifest.SqliteFile, ct));
    }

    private async Task<(SortedDictionary<string, long>, string?, BackupFile)> DumpPostgresAsync(AppDbContext db, string directory, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var target = Path.Combine(directory, BackupManifest.PostgresFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        // The counts and the dump read the same snapshot: pg_dump --snapshot while this transaction stays open.
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        string snapshot;
        await using (var cmd = new NpgsqlCommand("SELECT pg_export_snapshot()", conn, tx))
        {
            snapshot = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }
        var tables = await CountAsync(conn, postgres: true, tx, ct);
        var migration = await LastMigrationAsync(conn, tx, ct);
        await pg.RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={target}"], cs, ct);
        await tx.CommitAsync(ct);
        return (tables, migration, await BackupManifest.DescribeAsync(target, BackupManifest.PostgresFile, ct));
    }

    private static void RestoreSqlite(string backup, string target)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            if (File.Exists(target + suffix))
            {
                File.Delete(target + suffix);
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);
        using var cmd = to.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL;";
        cmd.ExecuteScalar();
    }

    private async Task RestorePostgresAsync(AppDbContext db, string dump, bool force, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var name = cs.Database ?? throw new BackupException("ConnectionStrings:Postgres 中没有 Database");
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
            exists.Parameters.AddWithValue("n", name);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", admin);
                await create.ExecuteNonQueryAsync(ct);
            }
        }
        if (force)
        {
            await using var target = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Pooling = false }.ConnectionString);
            await target.OpenAsync(ct);
            await using var clear = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", target);
            await clear.ExecuteNonQueryAsync(ct);
        }
        await pg.RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={name}", dump], cs, ct);
    }

    private static async Task<long> PostgresTableCountAsync(AppDbContext db, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
            exists.Parameters.AddWithValue("n", cs.Database ?? "");
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                return 0;
            }
        }
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", conn);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Rows of every table of the database (not only the model's: full-text tables too).</summary>
    public static async Task<SortedDictionary<string, long>> CountAsync(DbConnection conn, bool postgres, DbTransaction? tx, CancellationToken ct)
    {
        var names = new List<string>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                names.Add(reader.GetString(0));
            }
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT COUNT(*) FROM \"{name.Replace("\"", "\"\"")}\"";
            counts[name] = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    private static async Task<string?> LastMigrationAsync(DbConnection conn, DbTransaction? tx, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1";
        try
        {
            return await cmd.ExecuteScalarAsync(ct) as string;
        }
        catch (DbException)
        {
            return null;
        }
    }

    private static string SqlitePath(AppDbContext db) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);

    /// <summary>A manifest path inside its folder (a manifest naming "../x" or an absolute path is refused).</summary>
    private static string Inside(string folder, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(folder, relative));
        if (Path.IsPathRooted(relative) || !full.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new BackupException($"备份清单中的路径“{relative}”不在备份目录内；未恢复任何内容");
        }
        return full;
    }

    private static bool HasFiles(string folder) => Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any();

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void KeepPrivate(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
