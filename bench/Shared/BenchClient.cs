using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Bench;

/// <summary>What the benchmarks share: a free loopback port, the product's DbContext for set-up, signing in and posting over HTTP.</summary>
public static class BenchClient
{
    /// <summary>The product's own DbContext on the bench server's database: PostgreSQL when a connection string is given, else the SQLite file under the data root.</summary>
    public static AppDbContext Database(string? postgres, string dataRoot) => postgres is not null
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(postgres).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(dataRoot, "inspectready.db")};Default Timeout=30").Options);

    /// <summary>A client on the same handler and base address, signed in with a bearer token.</summary>
    public static async Task<HttpClient> SignIn(HttpClient http, HttpMessageHandler handler, string user, string pw)
    {
        var c = new HttpClient(handler, disposeHandler: false) { BaseAddress = http.BaseAddress, Timeout = http.Timeout };
        var response = await c.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = pw });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var token = body?["accessToken"]?.GetValue<string>() ?? throw new InvalidOperationException($"sign-in {user}: {body}");
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    /// <summary>POSTs the body and returns the created resource's <c>id</c>; any other answer stops the bench.</summary>
    public static async Task<Guid> Post(HttpClient c, string path, object body)
    {
        var r = await c.PostAsJsonAsync(path, body);
        var text = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)r.StatusCode} {text}");
        return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
