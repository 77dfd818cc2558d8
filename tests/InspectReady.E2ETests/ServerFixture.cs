using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Npgsql;

namespace InspectReady.E2ETests;

/// <summary>
/// The real server on a loopback port (Kestrel, port 0) with a fresh data directory and a generated admin password,
/// and Debian's Chromium driven by Playwright. Nothing is downloaded. The database is SQLite, or a fresh PostgreSQL
/// database of its own when <c>INSPECTREADY_E2E_PROVIDER=Postgres</c> (with <c>INSPECTREADY_TEST_POSTGRES</c>, the
/// server's connection string; scripts/test.sh runs the browser tests once per provider).
/// </summary>
public class ServerFixture : IAsyncLifetime, IDisposable
{
    private readonly Factory factory;

    public ServerFixture() : this(null) { }

    /// <param name="adminPassword">
    /// null: the server generates the three administrators' passwords, as on a fresh install; else the 系统管理员's,
    /// with <see cref="KnownAdminServer.SecurityAdminPassword"/> for the 安全管理员.
    /// </param>
    /// <param name="requireTotp">Production's 动态口令 for the administrators; off where a scenario is about something else.</param>
    /// <param name="settings">configuration the scenario needs on top of the defaults.</param>
    protected ServerFixture(string? adminPassword, bool requireTotp = false, IReadOnlyDictionary<string, string>? settings = null) =>
        factory = new Factory(adminPassword, requireTotp, settings ?? new Dictionary<string, string>());
    private IPlaywright? playwright;

    public string DataRoot => factory.DataRoot;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    public string InitialAdminPassword => File.ReadAllText(Path.Combine(DataRoot, "initial-admin-password.txt")).Trim();

    public string InitialSecurityAdminPassword => File.ReadAllText(Path.Combine(DataRoot, "initial-secadmin-password.txt")).Trim();

    public IServiceProvider Services => factory.Services;

    /// <summary>The provider the browser tests run on: Sqlite (default) or Postgres.</summary>
    public static string Provider => Environment.GetEnvironmentVariable("INSPECTREADY_E2E_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public static bool OnPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    public virtual async Task InitializeAsync()
    {
        if (OnPostgres)
        {
            await factory.CreateDatabaseAsync();
        }
        factory.UseKestrel(0);
        factory.StartServer();
        BaseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await factory.DisposeAsync();
        if (OnPostgres)
        {
            await factory.DropDatabaseAsync();
        }
        try
        {
            Directory.Delete(DataRoot, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own cleanup.
        }
    }

    public void Dispose()
    {
        factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Factory(string? adminPassword, bool requireTotp, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        public string DataRoot { get; } = Path.Combine(Path.GetTempPath(), "inspectready-e2e", Guid.NewGuid().ToString("N"));

        private readonly string database = "ir_e2e_" + Guid.NewGuid().ToString("N")[..12];

        private static string PostgresServer => Environment.GetEnvironmentVariable("INSPECTREADY_TEST_POSTGRES")
            ?? throw new InvalidOperationException("INSPECTREADY_E2E_PROVIDER=Postgres needs INSPECTREADY_TEST_POSTGRES, e.g. Host=127.0.0.1;Port=55432;Username=postgres");

        private static string Admin => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ConnectionString;

        public async Task CreateDatabaseAsync()
        {
            await using var conn = new NpgsqlConnection(Admin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        public async Task DropDatabaseAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(Admin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Data:Root", DataRoot);
            builder.UseSetting("Database:Provider", OnPostgres ? "Postgres" : "Sqlite");
            if (OnPostgres)
            {
                builder.UseSetting("ConnectionStrings:Postgres", new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString);
            }
            builder.UseSetting("Security:RequireTotp", requireTotp ? "true" : "false");
            builder.UseSetting("Security:RateLimit:Enabled", "false");
            builder.UseSetting("Retention:Enabled", "false");
            if (adminPassword is not null)
            {
                builder.UseSetting("INSPECTREADY_ADMIN_PASSWORD", adminPassword);
                builder.UseSetting("INSPECTREADY_SECADMIN_PASSWORD", KnownAdminServer.SecurityAdminPassword);
            }
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>A server whose first admin has a known password, for scenarios that do not test the first run.</summary>
public sealed class KnownAdminServer() : ServerFixture(AdminPassword)
{
    public const string AdminPassword = "Known#Root2026";
    public const string SecurityAdminPassword = "Known#Secu2026";
}

/// <summary>A server as production has it: the administrators must use a 动态口令.</summary>
public sealed class TotpServer() : ServerFixture(KnownAdminServer.AdminPassword, requireTotp: true);

/// <summary>
/// A server whose sessions are short: open pages re-check the account every 2 seconds and the idle limit is
/// 18 seconds (the warning shows 9 seconds before it).
/// </summary>
public sealed class ShortSessionServer() : ServerFixture(KnownAdminServer.AdminPassword, false, new Dictionary<string, string>
{
    ["Security:RevalidationIntervalSeconds"] = "2",
    ["Security:IdleTimeoutMinutes"] = "0.3",
});

[CollectionDefinition(Name)]
public sealed class ServerGroup : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
