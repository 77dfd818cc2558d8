// Package benchmark: starts the real server on a loopback port with a fresh data directory, files attachments
// totalling at least the given size through the HTTP API, builds the inspection package in the background job,
// and prints its throughput next to `zip -0 -r` over the same stored files, with the host's peak memory.
// Usage: dotnet run -c Release --project bench/PackageBench -- [gigabytes=2.1] [fileMegabytes=64]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;

var gigabytes = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 2.1;
var fileMb = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
var data = Path.Combine(Path.GetTempPath(), "inspectready-bench-" + Guid.NewGuid().ToString("N")[..8]);
var port = 5190;
const string password = "Bench#Root2026";

Console.WriteLine($"data directory: {data}; target: {gigabytes:0.0} GB in files of {fileMb} MB");
var server = Process.Start(new ProcessStartInfo("dotnet", ["run", "-c", "Release", "--no-launch-profile", "--project", Path.Combine(root, "src/InspectReady.Web"), "--urls", $"http://127.0.0.1:{port}"])
{
    UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
    Environment = { ["INSPECTREADY_DATA"] = data, ["INSPECTREADY_ADMIN_PASSWORD"] = password, ["ASPNETCORE_ENVIRONMENT"] = "Production" },
})!;
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, _) => { };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
try
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(30) };
    for (var i = 0; ; i++)
    {
        try
        {
            if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) break;
        }
        catch (HttpRequestException) when (i < 1200 && !server.HasExited) { }
        await Task.Delay(500);
    }
    async Task<HttpClient> SignIn(string user, string pw)
    {
        var c = new HttpClient { BaseAddress = http.BaseAddress, Timeout = http.Timeout };
        var token = (await (await c.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = pw })).Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }
    async Task<Guid> Post(HttpClient c, string path, object body)
    {
        var r = await c.PostAsJsonAsync(path, body);
        var text = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)r.StatusCode} {text}");
        return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
    }
    var admin = await SignIn("admin", password);
    var city = await Post(admin, "/api/v1/regions", new { name = "基准市", level = "市" });
    var district = await Post(admin, "/api/v1/regions", new { name = "基准区", level = "区", parentId = city });
    var unit = await Post(admin, "/api/v1/units", new { name = "基准区司法局", regionId = district, kind = "区直单位", aliases = Array.Empty<string>(), tags = Array.Empty<string>() });
    await Post(admin, "/api/v1/users", new { userName = "bench-lly", password, unitId = unit, roles = new[] { "单位联络员" }, mustChangePassword = false });
    await Post(admin, "/api/v1/users", new { userName = "bench-ld", password, unitId = unit, roles = new[] { "单位领导" }, mustChangePassword = false });
    await Post(admin, "/api/v1/users", new { userName = "bench-office", password, unitId = unit, roles = new[] { "创建办" }, mustChangePassword = false });
    var rows = Enumerable.Range(1, 10).Select(n => new Dictionary<string, object?>
    {
        ["一级指标"] = $"{"一二三四五六七八九十"[(n - 1) / 5]}、第{(n - 1) / 5 + 1}部分", ["二级指标"] = "1. 第一节。", ["序号"] = n, ["三级指标"] = $"指标{n}。",
        ["测评方法"] = "材料查证", ["填报材料"] = "请提供2020年以来的情况说明及相关文件。", ["责任单位"] = "基准区司法局",
    }).ToList();
    using var sheet = new MemoryStream();
    MiniExcel.SaveAs(sheet, rows);
    using (var form = new MultipartFormDataContent { { new ByteArrayContent(sheet.ToArray()), "file", "bench.xlsx" }, { new StringContent("bench"), "code" } })
    {
        var r = await admin.PostAsync("/api/v1/frameworks/import", form);
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException(await r.Content.ReadAsStringAsync());
    }
    var framework = Guid.Parse((await admin.GetFromJsonAsync<JsonArray>("/api/v1/frameworks"))!.Single(f => f!["code"]!.GetValue<string>() == "bench")!["id"]!.GetValue<string>());
    var office = await SignIn("bench-office", password);
    var liaison = await SignIn("bench-lly", password);
    var leader = await SignIn("bench-ld", password);
    var campaign = await Post(office, "/api/v1/campaigns", new { name = "基准", frameworkId = framework, regionId = district, cutoffDate = "2021-06-30", deadline = "2030-12-31" });
    var tasks = (await office.GetFromJsonAsync<JsonObject>($"/api/v1/campaigns/{campaign}/tasks?pageSize=500"))!["items"]!.AsArray().Select(t => Guid.Parse(t!["id"]!.GetValue<string>())).ToList();

    var total = (long)(gigabytes * 1024 * 1024 * 1024);
    var count = (int)Math.Ceiling(total / (fileMb * 1024.0 * 1024));
    var upload = Stopwatch.StartNew();
    var random = new Random(42);
    var buffer = new byte[fileMb * 1024 * 1024];
    for (var i = 0; i < count; i++)
    {
        random.NextBytes(buffer);
        "%PDF-1.7\n"u8.CopyTo(buffer);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(buffer), "file", $"附件{i + 1:000}.pdf" } };
        var r = await liaison.PostAsync($"/api/v1/tasks/{tasks[i % tasks.Count]}/files", form);
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException(await r.Content.ReadAsStringAsync());
    }
    upload.Stop();
    var bytes = (long)count * buffer.Length;
    Console.WriteLine($"uploaded {count} files, {bytes / 1e9:0.00} GB in {upload.Elapsed.TotalSeconds:0.0} s ({bytes / 1e6 / upload.Elapsed.TotalSeconds:0} MB/s)");
    foreach (var t in tasks)
    {
        await liaison.PutAsJsonAsync($"/api/v1/tasks/{t}/draft", new { statement = "基准测试情况说明。" });
        foreach (var (who, step) in new[] { (liaison, "submit"), (leader, "sign-off"), (office, "approve") })
        {
            var r = await who.PostAsync($"/api/v1/tasks/{t}/{step}", null);
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"{step}: {await r.Content.ReadAsStringAsync()}");
        }
    }

    var baseline = ReadPeak(server.Id);
    var build = Stopwatch.StartNew();
    var queued = await office.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/packages", new { approvedOnly = true });
    var job = JsonNode.Parse(await queued.Content.ReadAsStringAsync())!["jobId"]!.GetValue<string>();
    long peakRss = 0;
    JsonNode state;
    do
    {
        await Task.Delay(250);
        peakRss = Math.Max(peakRss, ReadRss(server.Id));
        state = (await office.GetFromJsonAsync<JsonNode>($"/api/v1/jobs/{job}"))!;
    }
    while (state["state"]!.GetValue<string>() is "排队中" or "进行中");
    build.Stop();
    if (state["state"]!.GetValue<string>() != "已完成") throw new InvalidOperationException(state.ToJsonString());
    var size = state["resultSize"]!.GetValue<long>();
    Console.WriteLine($"package: {size / 1e9:0.00} GB in {build.Elapsed.TotalSeconds:0.0} s = {size / 1e6 / build.Elapsed.TotalSeconds:0} MB/s");
    Console.WriteLine($"host memory: resident peak while packaging {peakRss / 1024.0:0} MB (VmHWM before packaging {baseline / 1024.0:0} MB, after {ReadPeak(server.Id) / 1024.0:0} MB)");

    var zipOut = Path.Combine(data, "zip0-baseline.zip");
    var zip = Stopwatch.StartNew();
    var z = Process.Start(new ProcessStartInfo("zip", ["-0", "-r", "-q", zipOut, "files"]) { WorkingDirectory = data })!;
    await z.WaitForExitAsync();
    zip.Stop();
    var zipSize = new FileInfo(zipOut).Length;
    Console.WriteLine($"zip -0 -r (same stored files): {zipSize / 1e9:0.00} GB in {zip.Elapsed.TotalSeconds:0.0} s = {zipSize / 1e6 / zip.Elapsed.TotalSeconds:0} MB/s");
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    try { Directory.Delete(data, recursive: true); } catch (IOException) { }
}

// The server runs as a child of `dotnet run`; the host process is the one listening, found among the descendants.
static long ReadRss(int pid) => Descendants(pid).Max(p => Field(p, "VmRSS:"));
static long ReadPeak(int pid) => Descendants(pid).Max(p => Field(p, "VmHWM:"));
static long Field(int pid, string name)
{
    try
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
    catch (IOException) { return 0; }
}
static IEnumerable<int> Descendants(int pid)
{
    yield return pid;
    var children = $"/proc/{pid}/task/{pid}/children";
    if (!File.Exists(children)) yield break;
    foreach (var child in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
    {
        foreach (var d in Descendants(int.Parse(child, CultureInfo.InvariantCulture))) yield return d;
    }
}
