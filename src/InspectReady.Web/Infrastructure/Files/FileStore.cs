using System.Security.Cryptography;
using InspectReady.Web.Domain.Files;
using InspectReady.Web.Infrastructure.Hosting;

namespace InspectReady.Web.Infrastructure.Files;

public sealed record StoredFile(string Sha256, long Size, string ContentType);

public sealed class FileRejectedException(string message) : Exception(message);

/// <summary>
/// Content-addressed storage under <c>&lt;data&gt;/files/ab/cd/&lt;sha256&gt;</c>: uploads stream to a temporary
/// file while they are hashed, are checked by content signature and size, and the same content is stored once.
/// A failed or cut-off upload leaves nothing behind; a crash leaves at most a temporary file or a stored file no row
/// names yet, both removed by the orphan cleanup (<see cref="Operations.RetentionCleaner"/>) after its grace time.
/// </summary>
public sealed class FileStore(DataRoot root, IConfiguration configuration)
{
    public long MaxBytes { get; } = configuration.GetValue<long?>("Files:MaxBytes") ?? 200L * 1024 * 1024;

    public async Task<StoredFile> SaveAsync(Stream source, string fileName, CancellationToken ct)
    {
        var temp = Path.Combine(root.Folder("tmp"), "upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[FileTypes.SignatureLength];
            var headLength = 0;
            long size = 0;
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(head.Length - headLength, read);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                        if (headLength == head.Length || read < buffer.Length)
                        {
                            var (_, early) = FileTypes.Check(fileName, head.AsSpan(0, headLength));
                            if (early is not null && headLength == head.Length)
                            {
                                throw new FileRejectedException(early);
                            }
                        }
                    }
                    size += read;
                    if (size > MaxBytes)
                    {
                        throw new FileRejectedException($"文件“{fileName}”超过{MaxBytes / 1024 / 1024}MB上限");
                    }
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                // On disk before it gets its name: a crash leaves a complete file or a temporary one, never a torn one.
                target.Flush(flushToDisk: true);
            }
            if (size == 0)
            {
                throw new FileRejectedException($"文件“{fileName}”是空文件");
            }
            var (contentType, error) = FileTypes.Check(fileName, head.AsSpan(0, headLength));
            if (error is not null)
            {
                throw new FileRejectedException(error);
            }
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var path = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path))
            {
                File.Delete(temp);
                // Fresh again: the orphan cleanup spares it for its grace time, while the row that names it commits.
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            }
            else
            {
                File.Move(temp, path);
            }
            return new StoredFile(sha, size, contentType!);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("invalid SHA-256", nameof(sha256));
        }
        return root.Combine("files", sha256[..2], sha256[2..4], sha256);
    }
}
