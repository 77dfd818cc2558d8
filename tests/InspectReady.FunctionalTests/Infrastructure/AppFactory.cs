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
    public const string SecurityAdminPassword = "Secu#Test2026x";
    public const string AuditAdminPassword = "Audi#Test2026x";

    private readonly SemaphoreSlim securityAdminLock = new(1, 1);
    private ApiClient? securityAdmin;

    public string DataRoot { get; } = Path.Combine(Path.GetTempPath(), "inspectready-tests", Guid.NewGuid().ToString("N"));

    public abstract string Provider { get; }

    protected abstract string? ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Data:Root", DataRoot);
        builder.UseSetting("INSPECTREADY_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("INSPECTREADY_SECADMIN_PASSWORD", SecurityAdminPassword);
        builder.UseSetting("INSPECTREADY_AUDITADMIN_PASSWORD", AuditAdminPassword);
        builder.UseSetting("Database:Provider", Provider);
        // The hourly retention run is started by the scenarios that test it, not behind every other scenario's back.
        builder.UseSetting("Retention:Enabled", "false");
        ConfigureSecurity(builder);
        // TestServer has no socket; give requests the loopback address a real connection would have.
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, LoopbackClient>());
        if (ConnectionString is { } cs)
        {
            builder.UseSetting("ConnectionStrings:Postgres", cs);
        }
    }

    /// <summary>
    /// Scenario hosts sign in without a second factor and without rate limits, so each scenario states only what it
    /// is about; the hardened hosts below keep the production defaults for the scenarios that test them.
    /// </summary>
    protected virtual void ConfigureSecurity(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:RequireTotp", "false");
        builder.UseSetting("Security:RateLimit:Enabled", "false");
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public new virtual async Task DisposeAsync()
    {
        securityAdmin?.Dispose();
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

    public ApiClient Api() => new(CreateClient(), this);

    /// <summary>The bootstrap 安全管理员, signed in once per host: it grants the roles of the accounts scenarios create.</summary>
    public async Task<ApiClient> SecurityAdminAsync()
    {
        await securityAdminLock.WaitAsync();
        try
        {
            return securityAdmin ??= await Api().SignInAsync("secadmin", SecurityAdminPassword);
        }
        finally
        {
            securityAdminLock.Release();
        }
    }
}

public class SqliteFactory : AppFactory
{
    public override string Provider => "Sqlite";

    protected override string? ConnectionString => null;
}

/// <summary>
/// Needs <c>INSPECTREADY_TEST_POSTGRES</c> (a server connection string; scripts/test.sh starts a throwaway
/// server and sets it). Each factory creates and finally drops a database of its own.
/// </summary>
public class PostgresFactory : AppFactory
{
    private readonly string database = "ir_test_" + Guid.NewGuid().ToString("N")[..12];

    public override string Provider => "Postgres";

    private static string PostgresServer => Environment.GetEnvironmentVariable("INSPECTREADY_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PostgreSQL tests need INSPECTREADY_TEST_POSTGRES, e.g. Host=127.0.0.1;Port=55432;Username=postgres; run scripts/test.sh");

    protected override string? ConnectionString => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;

    /// <summary>This host's database, as the server's (owner) account of the tests.</summary>
    public string DatabaseConnectionString => ConnectionString!;

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

/// <summary>Production's sign-in defences: 动态口令 for the three administrators, and small rate limits.</summary>
public sealed class HardenedSqliteFactory : SqliteFactory
{
    protected override void ConfigureSecurity(IWebHostBuilder builder) => HardenedHost.Configure(builder);
}

public sealed class HardenedPostgresFactory : PostgresFactory
{
    protected override void ConfigureSecurity(IWebHostBuilder builder) => HardenedHost.Configure(builder);
}

public static class HardenedHost
{
    public const int SignInPermits = 8;
    public const string ClientHeader = "X-Test-Client-Address";

    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:RateLimit:SignIn:PermitLimit", SignInPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:RateLimit:SignIn:WindowSeconds", "600");
        builder.UseSetting("Security:RateLimit:PasswordChange:PermitLimit", "3");
        builder.UseSetting("Security:RateLimit:PasswordChange:WindowSeconds", "600");
    }
}

internal sealed class LoopbackClient : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((ctx, n) =>
        {
            ctx.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            // A scenario plays several client addresses, so that one scenario's requests do not spend another's limit.
            if (ctx.Request.Headers.TryGetValue(HardenedHost.ClientHeader, out var address) && IPAddress.TryParse(address, out var ip))
            {
                ctx.Connection.RemoteIpAddress = ip;
            }
            return n(ctx);
        });
        next(app);
    };
}
