using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InspectReady.Web.Infrastructure.Operations;

/// <summary>One file of a backup (or of the key folder): its path relative to the backup, size and SHA-256.</summary>
public sealed record BackupFile(string Path, long Size, string Sha256);

/// <summary>
/// <c>manifest.json</c> of a backup: what it holds and how to check it. <see cref="Files"/> are in the backup (the
/// database copy or dump and the file store); <see cref="Keys"/> describe <c>{DataRoot}/keys/</c> at backup time, and
/// are in the backup too only when <see cref="KeysIncluded"/>.
/// </summary>
public sealed record BackupManifest(
    int Format,
    string Provider,
    DateTime CreatedAtUtc,
    string CreatedAtChina,
    string ProductVersion,
    string? MigrationId,
    SortedDictionary<string, long> Tables,
    List<BackupFile> Files,
    List<BackupFile> Keys,
    bool KeysIncluded)
{
    public const string FileName = "manifest.json";
    public const string SqliteFile = "database/inspectready.db";
    public const string PostgresFile = "database/inspectready.dump";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public async Task WriteAsync(string directory, CancellationToken ct)
    {
        var path = System.IO.Path.Combine(directory, FileName);
        var temp = path + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await JsonSerializer.SerializeAsync(stream, this, Json, ct);
            stream.Flush(flushToDisk: true);
        }
        // Written last and under its name only when complete: a backup without manifest.json is unfinished.
        File.Move(temp, path);
    }

    public static async Task<BackupManifest> ReadAsync(string directory, CancellationToken ct)
    {
        var path = System.IO.Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"备份目录“{directory}”中没有 {FileName}：不是本系统的备份，或备份没有完成");
        }
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct)
                ?? throw new BackupException($"备份清单“{path}”为空");
        }
        catch (JsonException e)
        {
            throw new BackupException($"备份清单“{path}”无法读取（第{e.LineNumber + 1}行）：{e.Message}");
        }
    }

    /// <summary>Copies a file while hashing it, streamed, and flushes the copy to disk.</summary>
    public static async Task<BackupFile> CopyAsync(string source, string target, string relative, CancellationToken ct)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
        await using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await input.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
            output.Flush(flushToDisk: true);
        }
        return new BackupFile(relative, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Size and SHA-256 of a file, streamed.</summary>
    public static async Task<BackupFile> DescribeAsync(string path, string relative, CancellationToken ct)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var sha = await SHA256.HashDataAsync(input, ct);
        return new BackupFile(relative, input.Length, Convert.ToHexStringLower(sha));
    }

    /// <summary>Relative path with forward slashes, the same on every system.</summary>
    public static string Relative(string root, string path) => System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');
}

/// <summary>A backup or restore refused or failed; the message is for the operator (Chinese, naming the file).</summary>
public sealed class BackupException(string message) : Exception(message);
