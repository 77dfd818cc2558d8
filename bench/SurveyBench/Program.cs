using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

// Posts anonymous survey responses at a fixed rate (open loop: requests are sent on schedule whatever the answers'
// latency) and prints latency percentiles and errors, beside GET /healthz sampled in the same run as the baseline.
// Usage: dotnet run -c Release --project bench/SurveyBench -- --url http://127.0.0.1:5080 (--token <publicToken> | --user office --password <p>) [--rate 500] [--seconds 60]
// With --user/--password (a 创建办 account) the bench creates a survey from the shipped 示例 template and publishes it.
var options = Args(args);
var url = options.GetValueOrDefault("url", "http://127.0.0.1:5080").TrimEnd('/');
var token = options.GetValueOrDefault("token") ?? await PublishExampleAsync(url, options.GetValueOrDefault("user"), options.GetValueOrDefault("password"));
var rate = int.Parse(options.GetValueOrDefault("rate", "500"), CultureInfo.InvariantCulture);
var seconds = int.Parse(options.GetValueOrDefault("seconds", "60"), CultureInfo.InvariantCulture);
var body = options.GetValueOrDefault("body", """{"answers":[{"questionIndex":0,"value":"知晓"},{"questionIndex":1,"value":"支持"},{"questionIndex":10,"value":"满意"}],"group":"群众","area":"社区"}""");

using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30),
};
var responses = new List<double>(rate * seconds);
var health = new List<double>();
var errors = new Dictionary<string, int>();
var gate = new object();

async Task PostAsync()
{
    var watch = Stopwatch.StartNew();
    string? error = null;
    try
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"/api/v1/public/surveys/{token}/responses", content);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            error = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        error = e.GetType().Name;
    }
    lock (gate)
    {
        responses.Add(watch.Elapsed.TotalMilliseconds);
        if (error is not null)
        {
            errors[error] = errors.GetValueOrDefault(error) + 1;
        }
    }
}

async Task HealthAsync()
{
    var watch = Stopwatch.StartNew();
    try
    {
        using var response = await http.GetAsync("/healthz");
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        lock (gate)
        {
            errors["healthz " + e.GetType().Name] = errors.GetValueOrDefault("healthz " + e.GetType().Name) + 1;
        }
    }
    lock (gate)
    {
        health.Add(watch.Elapsed.TotalMilliseconds);
    }
}

// Warm up the connection pool and the server's first-call paths.
await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => HealthAsync()));
health.Clear();

var pending = new List<Task>(rate * seconds + seconds * 10);
var clock = Stopwatch.StartNew();
var total = rate * seconds;
for (var i = 0; i < total; i++)
{
    var due = TimeSpan.FromSeconds((double)i / rate);
    var wait = due - clock.Elapsed;
    if (wait > TimeSpan.FromMilliseconds(1))
    {
        await Task.Delay(wait);
    }
    pending.Add(PostAsync());
    if (i % (rate / 10) == 0)
    {
        pending.Add(HealthAsync());
    }
}
var sent = clock.Elapsed;
await Task.WhenAll(pending);
var elapsed = clock.Elapsed;

static double P(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

var errorCount = errors.Values.Sum();
Console.WriteLine($"survey responses: {responses.Count} sent in {sent.TotalSeconds:0.0} s (target {rate}/s, achieved {responses.Count / sent.TotalSeconds:0.0}/s), all answered after {elapsed.TotalSeconds:0.0} s");
Console.WriteLine($"POST /api/v1/public/surveys/{{token}}/responses  p50 {P(responses, 0.50):0.0} ms  p99 {P(responses, 0.99):0.0} ms  max {responses.Max():0.0} ms");
Console.WriteLine($"GET /healthz (same run, {health.Count} samples)     p50 {P(health, 0.50):0.0} ms  p99 {P(health, 0.99):0.0} ms");
Console.WriteLine($"p99 ratio responses / healthz: {P(responses, 0.99) / P(health, 0.99):0.0}");
Console.WriteLine($"errors: {errorCount} ({100.0 * errorCount / Math.Max(1, responses.Count):0.00}%){(errors.Count > 0 ? " " + string.Join(", ", errors.Select(e => $"{e.Key}×{e.Value}")) : "")}");

static async Task<string> PublishExampleAsync(string url, string? user, string? password)
{
    if (user is null || password is null)
    {
        throw new ArgumentException("--token <publicToken>, or --user and --password of a 创建办 account, is required");
    }
    using var api = new HttpClient { BaseAddress = new Uri(url) };
    using var signIn = await api.PostAsync("/api/v1/auth/token", Json(new { userName = user, password }));
    var bearer = System.Text.Json.Nodes.JsonNode.Parse(await Ok(signIn))!["accessToken"]!.GetValue<string>();
    api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
    var template = await api.GetStringAsync("/api/v1/surveys/templates/example");
    using var created = await api.PostAsync("/api/v1/surveys", new StringContent(template, Encoding.UTF8, "application/json"));
    var id = System.Text.Json.Nodes.JsonNode.Parse(await Ok(created))!["id"]!.GetValue<string>();
    using var published = await api.PostAsync($"/api/v1/surveys/{id}/publish", Json(new { }));
    var publicToken = System.Text.Json.Nodes.JsonNode.Parse(await Ok(published))!["publicToken"]!.GetValue<string>();
    Console.WriteLine($"published the 示例 survey {id} as /s/{publicToken}");
    return publicToken;

    static StringContent Json(object body) => new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    static async Task<string> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
    }
}

static Dictionary<string, string> Args(string[] args)
{
    var result = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        result[args[i].TrimStart('-')] = args[i + 1];
    }
    return result;
}
