using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>
/// The product as a real child process (<c>dotnet InspectReady.Web.dll …</c>, the built Release/Debug output beside
/// this test's), with a data directory and, on PostgreSQL, a database of its own: for the host commands (seed-demo,
/// backup, restore) and for a server that a test kills with SIGKILL.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string DemoPassword = "Demo#Drill2026x";

    private readonly string database = "ir_host_" + Guid.NewGuid().ToString("N")[..12];
    private Process? server;
    private readonly StringBuilder serverLog = new();

    public HostProcess(string provider)
    {
        Provider = provider;
        if (IsPostgres)
        {
            PostgresConnection = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;
        }
    }

    public string Provider { get; }

    public bool IsPostgres => Provider == "Postgres";

    public string DataRoot { get; } = Path.Combine(Path.GetTempPath(), "inspectready-host", Guid.NewGuid().ToString("N"));

    public string? PostgresConnection { get; }

    public Uri? BaseAddress { get; private set; }

    /// <summary>Configuration for the next start or command (keys as in appsettings, e.g. <c>Jobs:LeaseSeconds</c>).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public string ServerLog
    {
        get
        {
            lock (serverLog)
            {
                return serverLog.ToString();
            }
        }
    }

    private static string PostgresServer => Environment.GetEnvironmentVariable("INSPECTREADY_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PostgreSQL tests need INSPECTREADY_TEST_POSTGRES, e.g. Host=127.0.0.1;Port=55432;Username=postgres");

    public static string WebDll
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InspectReady.sln")))
            {
                dir = dir.Parent;
            }
            if (dir is null)
            {
                throw new InvalidOperationException("InspectReady.sln not found above " + AppContext.BaseDirectory);
            }
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var dll = Path.Combine(dir.FullName, "src", "InspectReady.Web", "bin", configuration, "net10.0", "InspectReady.Web.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not built");
        }
    }

    /// <summary>On PostgreSQL: the database, created empty.</summary>
    public async Task CreateDatabaseAsync()
    {
        if (!IsPostgres)
        {
            return;
        }
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DropDatabaseAsync()
    {
        if (!IsPostgres)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The product's own context on this host's database (for checks and setup the API does not offer).</summary>
    public AppDbContext Db() => IsPostgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(PostgresConnection).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(DataRoot, "inspectready.db")};Pooling=False;Default Timeout=30").Options);

    private ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var dll = WebDll;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["INSPECTREADY_DATA"] = DataRoot;
        env["INSPECTREADY_ADMIN_PASSWORD"] = AppFactory.AdminPassword;
        env["INSPECTREADY_SECADMIN_PASSWORD"] = AppFactory.SecurityAdminPassword;
        env["INSPECTREADY_AUDITADMIN_PASSWORD"] = AppFactory.AuditAdminPassword;
        env["INSPECTREADY_DEMO_PASSWORD"] = DemoPassword;
        env["Database__Provider"] = Provider;
        env["Security__RequireTotp"] = "false";
        env["Security__RateLimit__Enabled"] = "false";
        env["Logging__LogLevel__Default"] = "Warning";
        if (PostgresConnection is { } cs)
        {
            env["ConnectionStrings__Postgres"] = cs;
        }
        foreach (var (key, value) in Settings)
        {
            env[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return start;
    }

    /// <summary>Runs a host command to its end: exit code, stdout, stderr.</summary>
    public async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', args)} did not end in 5 minutes: {await stdout} {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the server on a free loopback port and waits until /healthz answers 200.</summary>
    public async Task<Uri> StartAsync()
    {
        if (server is not null)
        {
            throw new InvalidOperationException("already running");
        }
        var port = FreePort();
        var start = StartInfo([]);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        server = new Process { StartInfo = start };
        server.OutputDataReceived += (_, e) => Log(e.Data);
        server.ErrorDataReceived += (_, e) => Log(e.Data);
        server.Start();
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"server exited with {server.ExitCode}: {ServerLog}");
            }
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return BaseAddress;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("server did not answer /healthz in 2 minutes: " + ServerLog);
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no disposal runs.</summary>
    public void Kill()
    {
        if (server is null)
        {
            return;
        }
        server.Kill(entireProcessTree: true);
        server.WaitForExit(30_000);
        server.Dispose();
        server = null;
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress ?? throw new InvalidOperationException("not started"), Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>A bearer-token client of this server.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var http = Client();
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token for {userName}: {(int)response.StatusCode} {text}");
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", JsonNode.Parse(text)!["accessToken"]!.GetValue<string>());
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await DropDatabaseAsync();
        try
        {
            if (Directory.Exists(DataRoot))
            {
                Directory.Delete(DataRoot, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the temp folder's own cleanup.
        }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (serverLog)
        {
            if (serverLog.Length < 200_000)
            {
                serverLog.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
