// Write-load benchmark (issue 10, item 7): starts the real server (Release, fresh data directory, loopback port) on
// SQLite and on PostgreSQL and drives, with N concurrent clients for a fixed time each, `GET /api/v1/me` (the
// reference, same run) and an audited write (`POST /api/v1/regions`: a row and its audit entry in one transaction).
// Afterwards every acknowledged write is read back and the audit chain is verified. Prints req/s, p50/p99, errors,
// lost writes; figures, not pass/fail.
// Usage: dotnet run -c Release --project bench/WriteBench -- [providers=sqlite,postgres] [seconds=10] [clients=50]
//        [server project dir, default this repository's src/InspectReady.Web] [postgres, else $INSPECTREADY_TEST_POSTGRES]
using static InspectReady.Bench.BenchClient;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

var providers = (args.Length > 0 ? args[0] : "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries);
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
var project = args.Length > 3 && args[3].Length > 0 ? Path.GetFullPath(args[3]) : Path.Combine(root, "src/InspectReady.Web");
var postgresBase = args.Length > 4 ? args[4] : Environment.GetEnvironmentVariable("INSPECTREADY_TEST_POSTGRES");
const string password = "Bench#Root2026";

Console.WriteLine($"server project {project}");
var rows = new List<string>();
foreach (var provider in providers)
{
    if (provider == "postgres" && string.IsNullOrEmpty(postgresBase))
    {
        Console.WriteLine("postgres: skipped (set INSPECTREADY_TEST_POSTGRES)");
        continue;
    }
    rows.AddRange(await RunAsync(provider));
}
Console.WriteLine();
Console.WriteLine($"{clients} concurrent clients, {seconds} s per endpoint after a 1 s warm-up");
Console.WriteLine();
Console.WriteLine("| provider | call | req/s | share of /api/v1/me | p50 ms | p99 ms | errors | lost writes | chain |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);

async Task<List<string>> RunAsync(string provider)
{
    var data = Path.Combine(Path.GetTempPath(), "inspectready-write-" + Guid.NewGuid().ToString("N")[..8]);
    var port = FreePort();
    var database = "inspectready_wbench_" + Guid.NewGuid().ToString("N")[..8];
    var pg = provider == "postgres" ? new NpgsqlConnectionStringBuilder(postgresBase) { Database = database }.ConnectionString : null;
    Console.WriteLine($"== {provider}; data {data}; port {port}");
    var start = new ProcessStartInfo("dotnet", ["run", "-c", "Release", "--no-build", "--no-launch-profile", "--project", project, "--urls", $"http://127.0.0.1:{port}"])
    {
        UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
    };
    foreach (var (k, v) in new Dictionary<string, string?>
    {
        ["INSPECTREADY_DATA"] = data, ["INSPECTREADY_ADMIN_PASSWORD"] = password, ["INSPECTREADY_SECADMIN_PASSWORD"] = password,
        ["INSPECTREADY_AUDITADMIN_PASSWORD"] = password, ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Security__RequireTotp"] = "false",
        ["Security__RateLimit__Enabled"] = "false",
        ["Database__Provider"] = pg is null ? "Sqlite" : "Postgres", ["ConnectionStrings__Postgres"] = pg,
    })
    {
        start.Environment[k] = v;
    }
    var server = Process.Start(start)!;
    server.OutputDataReceived += (_, _) => { };
    server.ErrorDataReceived += (_, e) => { if (e.Data?.Contains("fail:", StringComparison.Ordinal) == true) Console.Error.WriteLine(e.Data); };
    server.BeginOutputReadLine();
    server.BeginErrorReadLine();
    try
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4 * clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        for (var i = 0; ; i++)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (i < 600 && !server.HasExited) { }
            await Task.Delay(500);
        }
        var admin = await SignIn(http, handler, "admin", password);
        var city = await Post(admin, "/api/v1/regions", new { name = "写入基准市", level = "市" });

        await Drive(admin, TimeSpan.FromSeconds(1), _ => admin.GetAsync("/api/v1/me"), null);
        var me = await Drive(admin, TimeSpan.FromSeconds(seconds), _ => admin.GetAsync("/api/v1/me"), null);
        var acknowledged = new ConcurrentBag<Guid>();
        await Drive(admin, TimeSpan.FromSeconds(1), n => admin.PostAsJsonAsync("/api/v1/regions", new { name = $"预热区{n}", level = "区", parentId = city }), null);
        var write = await Drive(admin, TimeSpan.FromSeconds(seconds),
            n => admin.PostAsJsonAsync("/api/v1/regions", new { name = $"写入区{n}", level = "区", parentId = city }), acknowledged);

        var listed = new HashSet<Guid>();
        for (var page = 1; ; page++)
        {
            var body = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/regions?page={page}&pageSize=500"))!;
            var items = (body is JsonArray a ? a : body["items"]!.AsArray()).Select(r => Guid.Parse(r!["id"]!.GetValue<string>())).ToList();
            listed.UnionWith(items);
            if (body is JsonArray || items.Count < 500) break;
        }
        var lost = acknowledged.Count(id => !listed.Contains(id));
        var auditor = await SignIn(http, handler, "auditadmin", password);
        var verify = JsonNode.Parse(await auditor.GetStringAsync("/api/v1/audit/verify"))!;
        var chain = verify["intact"]!.GetValue<bool>() ? $"intact, {verify["count"]} entries" : $"BROKEN at {verify["firstBrokenSequence"]}";
        string Row(string call, Stats s, string lostText) => string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {call} | {s.Rate:0} | {100 * s.Rate / me.Rate:0.0}% | {s.P50:0.0} | {s.P99:0.0} | {s.Errors} | {lostText} | {chain} |");
        return [Row("GET /api/v1/me", me, "–"), Row("POST /api/v1/regions (audited write)", write, $"{lost} of {acknowledged.Count}")];
    }
    finally
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        if (pg is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgresBase) { Database = "postgres" }.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

async Task<Stats> Drive(HttpClient client, TimeSpan duration, Func<long, Task<HttpResponseMessage>> call, ConcurrentBag<Guid>? created)
{
    var latencies = new ConcurrentBag<List<double>>();
    var errors = 0;
    long counter = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        var mine = new List<double>(4096);
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await call(Interlocked.Increment(ref counter));
            var text = await response.Content.ReadAsStringAsync();
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                if (Interlocked.Increment(ref errors) <= 3) Console.Error.WriteLine($"{(int)response.StatusCode} {text}");
            }
            else if (created is not null)
            {
                created.Add(Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>()));
            }
        }
        latencies.Add(mine);
    })));
    var elapsed = clock.Elapsed.TotalSeconds;
    var all = latencies.SelectMany(l => l).Order().ToArray();
    return new Stats(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors);
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

internal sealed record Stats(double Rate, double P50, double P99, int Errors);
