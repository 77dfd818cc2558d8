using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>
/// The real host over HTTP, on a fresh database of its own. The same scenario classes run on SQLite and on
/// PostgreSQL through the two subclasses below.
/// </summary>
public abstract class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Root#Test2026x";

    public string DataRoot { get; } = Path.Combine(Path.GetTempPath(), "inspectready-tests", Guid.NewGuid().ToString("N"));

    public abstract string Provider { get; }

    protected abstract string? ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Data:Root", DataRoot);
        builder.UseSetting("INSPECTREADY_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Database:Provider", Provider);
        // TestServer has no socket; give requests the loopback address a real connection would have.
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, LoopbackClient>());
        if (ConnectionString is { } cs)
        {
            builder.UseSetting("ConnectionStrings:Postgres", cs);
        }
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataRoot, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is cleaned up with the temp folder.
        }
    }

    public ApiClient Api() => new(CreateClient());
}

public sealed class SqliteFactory : AppFactory
{
    public override string Provider => "Sqlite";

    protected override string? ConnectionString => null;
}

/// <summary>
/// Needs <c>INSPECTREADY_TEST_POSTGRES</c> (a server connection string; scripts/test.sh starts a throwaway
/// server and sets it). Each factory creates and finally drops a database of its own.
/// </summary>
public sealed class PostgresFactory : AppFactory
{
    private readonly string database = "ir_test_" + Guid.NewGuid().ToString("N")[..12];

    public override string Provider => "Postgres";

    private static string PostgresServer => Environment.GetEnvironmentVariable("INSPECTREADY_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PostgreSQL tests need INSPECTREADY_TEST_POSTGRES, e.g. Host=127.0.0.1;Port=55432;Username=postgres; run scripts/test.sh");

    protected override string? ConnectionString => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;

    public override async Task InitializeAsync()
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

internal sealed class LoopbackClient : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((ctx, n) =>
        {
            ctx.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return n(ctx);
        });
        next(app);
    };
}
