// Scale benchmark (issue 11): builds a district of 200 units × 26 tasks, and a city of 10 such districts, starts the
// real server (Release, fresh data directory, loopback port) on SQLite and on PostgreSQL, and drives every dashboard
// endpoint and the review queue with N concurrent clients for a fixed time each, next to `GET /api/v1/me` in the same
// run. Prints req/s, p50/p99, the share of /api/v1/me's req/s and the response size. Figures, not pass/fail.
// Usage: dotnet run -c Release --project bench/ScaleBench -- [providers=sqlite,postgres] [scales=district,city]
//        [seconds=10] [clients=50] [postgres connection string, else $INSPECTREADY_TEST_POSTGRES]
using static InspectReady.Bench.BenchClient;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Npgsql;

var providers = (args.Length > 0 ? args[0] : "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries);
var scales = (args.Length > 1 ? args[1] : "district,city").Split(',', StringSplitOptions.RemoveEmptyEntries);
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var clients = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50;
var postgresBase = args.Length > 4 ? args[4] : Environment.GetEnvironmentVariable("INSPECTREADY_TEST_POSTGRES");
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
const string password = "Bench#Root2026";
const int UnitsPerDistrict = 200, Indicators = 100, TasksPerUnit = 26;

var results = new List<(string Provider, string Scale, string Endpoint, Stats Stats)>();
foreach (var provider in providers)
{
    if (provider == "postgres" && string.IsNullOrEmpty(postgresBase))
    {
        Console.WriteLine("postgres: skipped (no connection string: set INSPECTREADY_TEST_POSTGRES or pass it as the 5th argument)");
        continue;
    }
    foreach (var scale in scales)
    {
        var districts = scale == "city" ? 10 : 1;
        foreach (var row in await RunAsync(provider, scale, districts))
        {
            results.Add((provider, scale, row.Endpoint, row.Stats));
        }
    }
}

Console.WriteLine();
Console.WriteLine($"{clients} concurrent clients, {seconds} s per endpoint; share = req/s ÷ req/s of GET /api/v1/me in the same run");
Console.WriteLine();
Console.WriteLine("| provider | data | endpoint | req/s | share of /api/v1/me | p50 ms | p99 ms | KB | errors |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var group in results.GroupBy(r => (r.Provider, r.Scale)))
{
    var me = group.First(r => r.Endpoint == "me").Stats.Rate;
    foreach (var (p, s, e, st) in group)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {p} | {s} | {Label(e)} | {st.Rate:0} | {100 * st.Rate / me:0.0}% | {st.P50:0.0} | {st.P99:0.0} | {st.Bytes / 1024.0:0.0} | {st.Errors} |"));
    }
}

string Label(string e) => e switch
{
    "me" => "GET /api/v1/me",
    "queue" => "campaigns/{id}/tasks?status=submitted (review queue)",
    _ => "dashboard/" + e,
};

async Task<List<(string Endpoint, Stats Stats)>> RunAsync(string provider, string scale, int districts)
{
    var data = Path.Combine(Path.GetTempPath(), "inspectready-scale-" + Guid.NewGuid().ToString("N")[..8]);
    var port = FreePort();
    var database = "inspectready_bench_" + Guid.NewGuid().ToString("N")[..8];
    var pg = provider == "postgres" ? new NpgsqlConnectionStringBuilder(postgresBase) { Database = database }.ConnectionString : null;
    Console.WriteLine($"== {provider}, {scale} ({districts} × {UnitsPerDistrict} units × {TasksPerUnit} tasks); data {data}{(pg is null ? "" : $", database {database}")}; port {port}");
    var env = new Dictionary<string, string?>
    {
        ["INSPECTREADY_DATA"] = data, ["INSPECTREADY_ADMIN_PASSWORD"] = password, ["INSPECTREADY_SECADMIN_PASSWORD"] = password, ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Security__RequireTotp"] = "false", // bench accounts have no authenticator
        ["Database__Provider"] = pg is null ? "Sqlite" : "Postgres", ["ConnectionStrings__Postgres"] = pg,
    };
    var start = new ProcessStartInfo("dotnet", ["run", "-c", "Release", "--no-build", "--no-launch-profile", "--project", Path.Combine(root, "src/InspectReady.Web"), "--urls", $"http://127.0.0.1:{port}"])
    {
        UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
    };
    foreach (var (k, v) in env)
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
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        for (var i = 0; ; i++)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (i < 600 && !server.HasExited) { }
            await Task.Delay(500);
        }
        var clock = Stopwatch.StartNew();
        var admin = await SignIn(http, handler, "admin", password);
        var city = await Post(admin, "/api/v1/regions", new { name = "基准市", level = "市" });
        var districtIds = new List<Guid>();
        for (var d = 0; d < districts; d++)
        {
            districtIds.Add(await Post(admin, "/api/v1/regions", new { name = $"基准{d + 1:00}区", level = "区", parentId = city }));
        }

        // Units straight into the database (2,000 API calls add nothing to what is measured).
        var units = new List<List<(Guid Id, string Name)>>();
        await using (var db = Context(provider, data, pg))
        {
            for (var d = 0; d < districts; d++)
            {
                var list = Enumerable.Range(1, UnitsPerDistrict)
                    .Select(k => new Unit { Name = $"基准{d + 1:00}区第{k:000}局", Kind = "区直单位", RegionId = districtIds[d] }).ToList();
                db.Units.AddRange(list);
                units.Add([.. list.Select(u => (u.Id, u.Name))]);
            }
            await db.SaveChangesAsync();
        }
        // Three-role separation: the system administrator creates the account, the security administrator grants the role.
        var officeId = await Post(admin, "/api/v1/users", new { userName = "bench-office", password, regionId = city, mustChangePassword = true });
        await using (var db = Context(provider, data, pg))
        {
            // The bench's own account: its administrator-set password counts as changed.
            await db.Users.Where(u => u.Id == officeId).ExecuteUpdateAsync(x => x.SetProperty(u => u.MustChangePassword, false));
        }
        var secadmin = await SignIn(http, handler, "secadmin", password);
        var granted = await secadmin.PutAsJsonAsync($"/api/v1/users/{officeId}/roles", new { roles = new[] { "创建办" } });
        if (!granted.IsSuccessStatusCode) throw new InvalidOperationException($"roles: {await granted.Content.ReadAsStringAsync()}");
        var office = await SignIn(http, handler, "bench-office", password);

        // One framework per district (unit names are unique), imported like the office would: 100 indicators under
        // 10 一级指标, 52 responsible units each, so that every unit gets 26 tasks.
        string[] methods = ["材料查证", "网络检索", "实地核验", "案卷评查", "座谈访谈"];
        var campaigns = new List<Guid>();
        for (var d = 0; d < districts; d++)
        {
            var rows = Enumerable.Range(1, Indicators).Select(n => new Dictionary<string, object?>
            {
                ["一级指标"] = $"{"一二三四五六七八九十"[(n - 1) / 10]}、第{(n - 1) / 10 + 1}部分",
                ["二级指标"] = $"{(n - 1) % 10 / 5 + 1}. 第{(n - 1) % 10 / 5 + 1}节。",
                ["序号"] = n, ["三级指标"] = $"基准指标{n}：依法履行职责，制度健全，执行有力。",
                ["测评方法"] = n % 7 == 0 ? $"{methods[n % 5]}、{methods[(n + 1) % 5]}" : methods[n % 5],
                ["填报材料"] = "请提供2020年以来的情况说明及相关文件。",
                ["责任单位"] = string.Join("、", Enumerable.Range(0, UnitsPerDistrict).Where(k => (k + n) % 50 < 13).Select(k => units[d][k].Name)),
            }).ToList();
            using var sheet = new MemoryStream();
            MiniExcel.SaveAs(sheet, rows);
            var code = $"scale{d + 1:00}";
            using (var form = new MultipartFormDataContent { { new ByteArrayContent(sheet.ToArray()), "file", "scale.xlsx" }, { new StringContent(code), "code" } })
            {
                var r = await admin.PostAsync("/api/v1/frameworks/import", form);
                if (!r.IsSuccessStatusCode) throw new InvalidOperationException(await r.Content.ReadAsStringAsync());
            }
            var framework = Guid.Parse((await admin.GetFromJsonAsync<JsonArray>("/api/v1/frameworks"))!.Single(f => f!["code"]!.GetValue<string>() == code)!["id"]!.GetValue<string>());
            campaigns.Add(await Post(office, "/api/v1/campaigns", new
            {
                name = $"基准{d + 1:00}区法治政府建设示范创建", frameworkId = framework, regionId = districtIds[d],
                cutoffDate = "2026-06-30", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)).ToString("yyyy-MM-dd"),
            }));
        }
        var taskCount = 0;
        await using (var db = Context(provider, data, pg))
        {
            foreach (var (campaign, i) in campaigns.Select((c, i) => (c, i)))
            {
                taskCount += await Spread(db, campaign, i);
            }
        }
        Console.WriteLine($"   data: {districts} district(s), {districts * UnitsPerDistrict} units, {taskCount} tasks in {clock.Elapsed.TotalSeconds:0} s");

        var campaignId = campaigns[0];
        var unitId = units[0][0].Id;
        var endpoints = new List<(string, string)>
        {
            ("me", "/api/v1/me"),
            ("overview", $"/api/v1/campaigns/{campaignId}/dashboard/overview"),
            ("matrix", $"/api/v1/campaigns/{campaignId}/dashboard/matrix"),
            ("progress", $"/api/v1/campaigns/{campaignId}/dashboard/progress"),
            ("units/{id}", $"/api/v1/campaigns/{campaignId}/dashboard/units/{unitId}"),
            ("deadlines", $"/api/v1/campaigns/{campaignId}/dashboard/deadlines"),
            ("queue", $"/api/v1/campaigns/{campaignId}/tasks?status={Uri.EscapeDataString(FilingStatus.Submitted)}"),
        };
        var measured = new List<(string, Stats)>();
        foreach (var (name, path) in endpoints)
        {
            var stats = await Load(office, path);
            measured.Add((name, stats));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {name,-12} {stats.Rate,8:0} req/s  p50 {stats.P50,7:0.0} ms  p99 {stats.P99,7:0.0} ms  {stats.Bytes / 1024.0,8:0.0} KB  errors {stats.Errors}"));
        }
        return measured;
    }
    finally
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        if (pg is not null)
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgresBase) { Database = "postgres" }.ConnectionString);
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

// Fixed time, N workers, each sending its next request when the last one answered.
async Task<Stats> Load(HttpClient client, string path)
{
    long bytes = 0;
    using (var first = await client.GetAsync(path))
    {
        var body = await first.Content.ReadAsByteArrayAsync();
        if (!first.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)first.StatusCode} {Encoding.UTF8.GetString(body)}");
        bytes = body.Length;
    }
    await Drive(client, path, TimeSpan.FromSeconds(1)); // warm-up
    return await Drive(client, path, TimeSpan.FromSeconds(seconds)) with { Bytes = bytes };
}

async Task<Stats> Drive(HttpClient client, string path, TimeSpan duration)
{
    var latencies = new ConcurrentBag<List<double>>();
    var errors = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        var mine = new List<double>(4096);
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref errors);
            }
        }
        latencies.Add(mine);
    })));
    var elapsed = clock.Elapsed.TotalSeconds;
    var all = latencies.SelectMany(l => l).Order().ToArray();
    return new Stats(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), 0, errors);
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

// A realistic spread over the campaign's tasks: states, statements, lists, links, transitions over the last
// 60 days, returns with new deadlines, some overdue.
static async Task<int> Spread(AppDbContext db, Guid campaignId, int seed)
{
    var random = new Random(1000 + seed);
    var now = DateTime.UtcNow;
    var today = DateOnly.FromDateTime(now.AddHours(8));
    var tasks = await db.Tasks.Where(t => t.CampaignId == campaignId).ToListAsync();
    var statement = string.Concat(Enumerable.Repeat("本单位高度重视法治政府建设示范创建工作，对照指标要求逐项落实，制定了工作方案，明确了责任分工，建立了工作台账。", 6));
    foreach (var t in tasks)
    {
        var r = random.NextDouble();
        var at = now.AddDays(-random.Next(1, 60)).AddMinutes(-random.Next(0, 600));
        void Move(string from, string to, string? reason = null)
        {
            db.TaskTransitions.Add(new TaskTransition { TaskId = t.Id, From = from, To = to, At = at, UserName = "bench", Reason = reason });
            at = at.AddHours(random.Next(1, 48));
        }
        if (r < 0.9)
        {
            t.Statement = statement[..random.Next(120, statement.Length)];
            t.Links = [$"https://www.example.gov.cn/zwgk/{t.Id:N}.html"];
            t.DraftVersion = random.Next(1, 6);
            t.DraftSavedAt = at;
            t.DraftSavedBy = "bench";
        }
        if (random.NextDouble() < 0.3)
        {
            t.Lists[1] = [.. Enumerable.Range(1, random.Next(5, 30)).Select(i => new Dictionary<string, string>
            {
                ["序号"] = i.ToString(CultureInfo.InvariantCulture), ["名称"] = $"事项{i}", ["时间"] = "2025-03-01", ["部门"] = "基准局", ["结果"] = "已办结",
            })];
        }
        if (r < 0.60)
        {
            Move(FilingStatus.Draft, FilingStatus.AwaitingSignOff);
            t.SubmitForSignOff();
        }
        if (r < 0.50)
        {
            Move(FilingStatus.AwaitingSignOff, FilingStatus.Submitted);
            t.SignOff(at);
        }
        if (r < 0.30)
        {
            Move(FilingStatus.Submitted, FilingStatus.Approved);
            t.Approve("bench-office");
        }
        else if (r is >= 0.60 and < 0.70)
        {
            Move(FilingStatus.Draft, FilingStatus.AwaitingSignOff);
            Move(FilingStatus.AwaitingSignOff, FilingStatus.Submitted);
            Move(FilingStatus.Submitted, FilingStatus.Returned, "请补充相关材料");
            t.SubmitForSignOff();
            t.SignOff(at);
            t.Return(today.AddDays(random.Next(-5, 10)), "bench-office");
        }
        else if (r >= 0.70 && random.NextDouble() < 0.15)
        {
            t.Deadline = today.AddDays(-random.Next(1, 5));
        }
    }
    await db.SaveChangesAsync();
    return tasks.Count;
}

static AppDbContext Context(string provider, string data, string? pg) => Database(provider == "postgres" ? pg : null, data);




internal sealed record Stats(double Rate, double P50, double P99, long Bytes, int Errors);
