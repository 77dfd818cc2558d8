// Exam benchmark (issue 12): starts the real server (Release, fresh data directory, loopback port) on SQLite or
// PostgreSQL, sets up a district with EXAMINEES people, the shipped sample bank and one exam whose start is staggered
// in WAVES waves, and then lets every examinee do what the phone page (/exam) does, through the same HTTP calls:
// POST /api/v1/exams/access, GET /api/v1/me/exams, wait for its wave, GET …/paper, PUT …/answers/{itemId} for every
// item one after the other (the text answers twice, as the page's debounced saves do), POST …/submit. All examinees
// of a wave save at once. GET /api/v1/me of the office account is sampled throughout the same run as the reference.
// Prints p50/p99 per call, errors, and the ratios to GET /api/v1/me. Figures, not pass/fail.
// Usage: dotnet run -c Release --project bench/ExamBench -- [sqlite|postgres] [examinees=1000] [waves=10]
//        [waveSeconds=10] [postgres connection string, else $INSPECTREADY_TEST_POSTGRES]
using static InspectReady.Bench.BenchClient;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

var provider = args.Length > 0 ? args[0] : "sqlite";
var examinees = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var waves = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var waveSeconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
var postgresBase = args.Length > 4 ? args[4] : Environment.GetEnvironmentVariable("INSPECTREADY_TEST_POSTGRES");
if (provider == "postgres" && string.IsNullOrEmpty(postgresBase))
{
    Console.WriteLine("postgres needs a connection string: set INSPECTREADY_TEST_POSTGRES or pass it as the 5th argument");
    return 1;
}
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
const string password = "Bench#Root2026";
const int Units = 20;
object[] blueprint =
[
    new { type = "single", count = 5, score = 2 }, new { type = "multiple", count = 3, score = 3 }, new { type = "truefalse", count = 5, score = 1 },
    new { type = "blank", count = 3, score = 2 }, new { type = "short", count = 1, score = 10 },
];

var data = Path.Combine(Path.GetTempPath(), "inspectready-exambench-" + Guid.NewGuid().ToString("N")[..8]);
var port = FreePort();
var database = "inspectready_exambench_" + Guid.NewGuid().ToString("N")[..8];
var pg = provider == "postgres" ? new NpgsqlConnectionStringBuilder(postgresBase) { Database = database }.ConnectionString : null;
Console.WriteLine($"== {provider}: {examinees} examinees in {waves} waves {waveSeconds} s apart; data {data}{(pg is null ? "" : $", database {database}")}; port {port}");
var start = new ProcessStartInfo("dotnet", ["run", "-c", "Release", "--no-build", "--no-launch-profile", "--project", Path.Combine(root, "src/InspectReady.Web"), "--urls", $"http://127.0.0.1:{port}"])
{
    UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
};
foreach (var (k, v) in new Dictionary<string, string?>
{
    ["INSPECTREADY_DATA"] = data, ["INSPECTREADY_ADMIN_PASSWORD"] = password, ["INSPECTREADY_SECADMIN_PASSWORD"] = password, ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Security__RequireTotp"] = "false", // bench accounts have no authenticator
    ["Security__RateLimit__Enabled"] = "false", // a thousand examinees come from one loopback address here
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
    var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
    using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
    for (var i = 0; ; i++)
    {
        try
        {
            if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) break;
        }
        catch (HttpRequestException) when (i < 600 && !server.HasExited) { }
        await Task.Delay(500);
    }
    var setup = Stopwatch.StartNew();
    var admin = await SignIn(http, handler, "admin", password);
    var district = await Post(admin, "/api/v1/regions", new { name = "考试基准区", level = "区" });
    var people = new List<Guid>();
    await using (var db = Context())
    {
        var units = Enumerable.Range(1, Units).Select(k => new Unit { Name = $"考试基准区第{k:00}局", Kind = "区直单位", RegionId = district }).ToList();
        db.Units.AddRange(units);
        var persons = Enumerable.Range(0, examinees).Select(i => new Person
        {
            Name = $"考生{i:0000}", UnitId = units[i % Units].Id, CampaignRole = "联络员", Position = "科员",
            EnforcementCertificate = $"BENCH{i:000000}", CertificateValidUntil = new DateOnly(2099, 12, 31),
        }).ToList();
        db.People.AddRange(persons);
        await db.SaveChangesAsync();
        people.AddRange(persons.Select(p => p.Id));
    }
    var officeId = await Post(admin, "/api/v1/users", new { userName = "bench-office", password, regionId = district, mustChangePassword = true });
    await using (var db = Context())
    {
        await db.Users.Where(u => u.Id == officeId).ExecuteUpdateAsync(x => x.SetProperty(u => u.MustChangePassword, false));
    }
    var secadmin = await SignIn(http, handler, "secadmin", password);
    var granted = await secadmin.PutAsJsonAsync($"/api/v1/users/{officeId}/roles", new { roles = new[] { "创建办" } });
    if (!granted.IsSuccessStatusCode) throw new InvalidOperationException($"roles: {await granted.Content.ReadAsStringAsync()}");
    var office = await SignIn(http, handler, "bench-office", password);
    await EnsureAsync(await office.PostAsync("/api/v1/exams/questions/samples", null), "samples");

    // The first wave opens once every examinee holds a token, so the waves themselves are what is measured.
    var waveSize = (examinees + waves - 1) / waves;
    var exam = await Post(office, "/api/v1/exams", new
    {
        name = "基准随机抽考", durationMinutes = 60, blueprint, opensAt = DateTime.UtcNow.AddSeconds(15 + examinees / 50.0), waveSize, waveSeconds,
    });
    var assigned = await office.PostAsJsonAsync($"/api/v1/exams/{exam}/examinees", new { personIds = people });
    var assignedText = await assigned.Content.ReadAsStringAsync();
    if (!assigned.IsSuccessStatusCode) throw new InvalidOperationException($"examinees: {(int)assigned.StatusCode} {assignedText}");
    var codes = JsonNode.Parse(assignedText)!["examinees"]!.AsArray().Select(x => x!["accessCode"]!.GetValue<string>()).ToList();
    Console.WriteLine($"   setup: {Units} units, {examinees} people, exam with {blueprint.Length} cells assigned in {setup.Elapsed.TotalSeconds:0} s");

    var calls = new ConcurrentDictionary<string, ConcurrentBag<double>>();
    var errors = new ConcurrentDictionary<string, int>();
    void Note(string call, double ms, HttpStatusCode? status, HttpStatusCode expected)
    {
        calls.GetOrAdd(call, _ => []).Add(ms);
        if (status != expected)
        {
            errors.AddOrUpdate($"{call} {(status is null ? "exception" : ((int)status).ToString(CultureInfo.InvariantCulture))}", 1, (_, n) => n + 1);
        }
    }
    async Task<(HttpStatusCode? Status, string Body)> Send(string call, HttpMethod method, string path, string? token, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Note(call, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.StatusCode, expected);
            return (response.StatusCode, text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Note(call, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, expected);
            return (null, "");
        }
    }

    // Tokens first, 50 at a time (people open the page over a minute or so before their wave).
    var tokens = new string?[codes.Count];
    await Parallel.ForEachAsync(Enumerable.Range(0, codes.Count), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (i, _) =>
    {
        var (status, text) = await Send("POST /api/v1/exams/access", HttpMethod.Post, "/api/v1/exams/access", null, new { code = codes[i] }, HttpStatusCode.OK);
        tokens[i] = status == HttpStatusCode.OK ? JsonNode.Parse(text)!["accessToken"]!.GetValue<string>() : null;
    });

    using var stop = new CancellationTokenSource();
    var officeToken = office.DefaultRequestHeaders.Authorization!.Parameter;
    var reference = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            await Send("GET /api/v1/me (office)", HttpMethod.Get, "/api/v1/me", officeToken, null, HttpStatusCode.OK);
            await Send("GET /healthz", HttpMethod.Get, "/healthz", null, null, HttpStatusCode.OK);
            try { await Task.Delay(100, stop.Token); } catch (TaskCanceledException) { }
        }
    });

    var run = Stopwatch.StartNew();
    var saved = 0;
    await Task.WhenAll(tokens.Select(token => token is null ? Task.CompletedTask : Task.Run(async () =>
    {
        var (status, text) = await Send("GET /api/v1/me/exams", HttpMethod.Get, "/api/v1/me/exams", token, null, HttpStatusCode.OK);
        if (status != HttpStatusCode.OK)
        {
            return;
        }
        var startAfter = JsonNode.Parse(text)!.AsArray()[0]!["startAfter"]!.GetValue<DateTime>().ToUniversalTime();
        var wait = startAfter - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        (status, text) = await Send("GET /api/v1/me/exams/{id}/paper", HttpMethod.Get, $"/api/v1/me/exams/{exam}/paper", token, null, HttpStatusCode.OK);
        if (status != HttpStatusCode.OK)
        {
            return;
        }
        var items = JsonNode.Parse(text)!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        foreach (var pass in new[] { 0, 1 })
        {
            foreach (var item in items)
            {
                var type = item["type"]!.GetValue<string>();
                if (pass == 1 && type is not ("blank" or "short" or "essay"))
                {
                    continue;
                }
                var options = item["options"]!.AsArray().Select(o => o!["key"]!.GetValue<string>()).ToList();
                object answer = type switch
                {
                    "single" => options[0],
                    "multiple" => string.Concat(options.Take(2)),
                    "truefalse" => true,
                    "blank" => Enumerable.Repeat(pass == 0 ? "行政" : "行政机关", Math.Max(1, item["blanks"]!.GetValue<int>())).ToArray(),
                    _ => pass == 0 ? "依法行政，" : "依法行政，权责统一，程序正当，高效便民。",
                };
                var (s, _) = await Send("PUT /api/v1/me/exams/{id}/answers/{itemId}", HttpMethod.Put, $"/api/v1/me/exams/{exam}/answers/{item["id"]}", token, new { answer },
                    HttpStatusCode.NoContent);
                if (s == HttpStatusCode.NoContent)
                {
                    Interlocked.Increment(ref saved);
                }
            }
        }
        await Send("POST /api/v1/me/exams/{id}/submit", HttpMethod.Post, $"/api/v1/me/exams/{exam}/submit", token, null, HttpStatusCode.OK);
    })));
    var elapsed = run.Elapsed;
    await stop.CancelAsync();
    await reference;

    static double P(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
    const string Save = "PUT /api/v1/me/exams/{id}/answers/{itemId}";
    const string Me = "GET /api/v1/me (office)";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"   run: {saved} answers saved in {elapsed.TotalSeconds:0.0} s ({saved / elapsed.TotalSeconds:0} saves/s over the run, waves of {waveSize}, {waveSeconds} s apart)"));
    Console.WriteLine();
    Console.WriteLine("| provider | call | n | p50 ms | p99 ms | max ms | p50 ÷ /api/v1/me | p99 ÷ /api/v1/me |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    var me = calls.GetValueOrDefault(Me) ?? [];
    foreach (var (call, values) in calls.OrderBy(c => c.Key == Save ? 0 : c.Key == Me ? 2 : 1).ThenBy(c => c.Key, StringComparer.Ordinal))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {call} | {values.Count} | {P(values, 0.5):0.0} | {P(values, 0.99):0.0} | {values.Max():0.0} | {P(values, 0.5) / P(me, 0.5):0.0} | {P(values, 0.99) / P(me, 0.99):0.0} |"));
    }
    Console.WriteLine();
    Console.WriteLine($"errors: {errors.Values.Sum()}{(errors.IsEmpty ? "" : " (" + string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} ×{e.Value}")) + ")")}");
    return 0;
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

AppDbContext Context() => Database(pg, data);

static async Task EnsureAsync(HttpResponseMessage r, string what)
{
    if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"{what}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
}
