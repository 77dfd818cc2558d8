using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using InspectReady.Web.Infrastructure.Hosting;

namespace InspectReady.Web.Infrastructure.Security.Keys;

/// <summary>A 256-bit key and its id <c>name.vN</c> (the id is what records and encrypted elements carry).</summary>
public sealed record KeyMaterial(string Id, string Name, int Version, byte[] Bytes);

/// <summary>
/// Named 256-bit keys kept outside the database (ADR 0040). Version N of key <c>name</c> is, in this order:
/// the environment variable <c>INSPECTREADY_KEY_NAME</c> (version 1) or <c>INSPECTREADY_KEY_NAME_VN</c> (base64 of
/// 32 bytes), else the file <c>{Keys:Directory}/name.key</c> (version 1) or <c>name.vN.key</c>. The directory
/// defaults to <c>{DataRoot}/keys</c> (mode 700), files are created with mode 600 on first use. The current
/// version is the highest present; <see cref="Rotate"/> adds the next one. Every key lives in that one directory
/// (or the environment), so a backup manifest of the directory covers them all.
/// </summary>
public sealed partial class KeyStore
{
    public const int KeyBytes = 32;
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, KeyMaterial> byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (KeyMaterial Key, long CheckedAt)> current = new(StringComparer.Ordinal);
    private readonly Lock createLock = new();
    private readonly Func<string, string?> environment;

    public KeyStore(IConfiguration configuration, DataRoot root)
        : this(configuration["Keys:Directory"] is { Length: > 0 } d ? Path.GetFullPath(d) : root.Combine("keys"), Environment.GetEnvironmentVariable)
    {
    }

    public KeyStore(string directory, Func<string, string?>? environment = null)
    {
        Directory = directory;
        this.environment = environment ?? Environment.GetEnvironmentVariable;
    }

    public string Directory { get; }

    /// <summary>The newest version of the key, created (version 1, a file) when there is none yet.</summary>
    public KeyMaterial Current(string name)
    {
        CheckName(name);
        var now = Environment.TickCount64;
        if (current.TryGetValue(name, out var cached) && now - cached.CheckedAt < Refresh.TotalMilliseconds)
        {
            return cached.Key;
        }
        var version = HighestVersion(name);
        var key = version == 0 ? Create(name, 1) : Get(Id(name, version))
            ?? throw new InvalidOperationException($"密钥 {Id(name, version)} 无法读取（目录 {Directory}）");
        current[name] = (key, now);
        return key;
    }

    /// <summary>The key with this id, or null when neither the environment nor the directory has it.</summary>
    public KeyMaterial? Get(string id)
    {
        if (byId.TryGetValue(id, out var known))
        {
            return known;
        }
        if (!TryParseId(id, out var name, out var version))
        {
            return null;
        }
        var bytes = FromEnvironment(name, version) ?? FromFile(name, version);
        if (bytes is null)
        {
            return null;
        }
        var key = new KeyMaterial(id, name, version, bytes);
        byId[id] = key;
        return key;
    }

    /// <summary>Creates the next version of the key as a file and makes it current (old versions stay, to verify old data).</summary>
    public KeyMaterial Rotate(string name)
    {
        CheckName(name);
        var key = Create(name, Math.Max(HighestVersion(name), 0) + 1);
        current[name] = (key, Environment.TickCount64);
        return key;
    }

    public static string Id(string name, int version) => string.Create(CultureInfo.InvariantCulture, $"{name}.v{version}");

    public static bool TryParseId(string id, out string name, out int version)
    {
        var m = IdPattern().Match(id);
        name = m.Success ? m.Groups[1].Value : "";
        version = m.Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return m.Success && version > 0;
    }

    public static string FileName(string name, int version) =>
        version == 1 ? name + ".key" : string.Create(CultureInfo.InvariantCulture, $"{name}.v{version}.key");

    public static string VariableName(string name, int version) =>
        "INSPECTREADY_KEY_" + name.ToUpperInvariant().Replace('-', '_')
        + (version == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"_V{version}"));

    private int HighestVersion(string name)
    {
        var highest = 0;
        for (var v = 1; v < 1000; v++)
        {
            if (environment(VariableName(name, v)) is { Length: > 0 } || File.Exists(Path.Combine(Directory, FileName(name, v))))
            {
                highest = v;
            }
            else if (v > highest + 1)
            {
                break;
            }
        }
        return highest;
    }

    private byte[]? FromEnvironment(string name, int version)
    {
        if (environment(VariableName(name, version)) is not { Length: > 0 } text)
        {
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"环境变量 {VariableName(name, version)} 不是 Base64 编码的密钥");
        }
        return bytes.Length == KeyBytes ? bytes
            : throw new InvalidOperationException($"环境变量 {VariableName(name, version)} 的密钥应为 {KeyBytes} 字节，实为 {bytes.Length} 字节");
    }

    private byte[]? FromFile(string name, int version)
    {
        var path = Path.Combine(Directory, FileName(name, version));
        if (!File.Exists(path))
        {
            return null;
        }
        var bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return bytes.Length == KeyBytes ? bytes
            : throw new InvalidOperationException($"密钥文件 {path} 应为 {KeyBytes} 字节，实为 {bytes.Length} 字节");
    }

    private KeyMaterial Create(string name, int version)
    {
        lock (createLock)
        {
            EnsureDirectory();
            var path = Path.Combine(Directory, FileName(name, version));
            var bytes = RandomNumberGenerator.GetBytes(KeyBytes);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using (var stream = new FileStream(path, options))
                using (var writer = new StreamWriter(stream))
                {
                    writer.Write(Convert.ToBase64String(bytes));
                    writer.Flush();
                    stream.Flush(flushToDisk: true);
                }
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
            return Get(Id(name, version)) ?? throw new InvalidOperationException($"密钥文件 {path} 无法读取");
        }
    }

    private void EnsureDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
            return;
        }
        System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void CheckName(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"密钥名称“{name}”无效：只能由小写字母、数字和连字符组成", nameof(name));
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,40}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^([a-z][a-z0-9-]{0,40})\.v([0-9]{1,3})$")]
    private static partial Regex IdPattern();
}

/// <summary>The names of the product's keys.</summary>
public static class KeyNames
{
    /// <summary>HMAC-SM3 of the audit chain.</summary>
    public const string Audit = "audit";
    /// <summary>HMAC-SM3 signature of the audit checkpoints written outside the database.</summary>
    public const string AuditCheckpoint = "audit-checkpoint";
    /// <summary>SM4-GCM wrapping of the data-protection key ring kept in the database.</summary>
    public const string DataProtection = "dataprotection";
}
