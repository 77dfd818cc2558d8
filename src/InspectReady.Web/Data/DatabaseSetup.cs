using InspectReady.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace InspectReady.Web.Data;

public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>
    /// Registers the provider-specific context (each has its own migrations) and exposes it as
    /// <see cref="AppDbContext"/>, scoped and through a factory for Blazor components.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, DataRoot root)
    {
        var provider = configuration["Database:Provider"] ?? Sqlite;
        services.AddSingleton<CampaignStamps>();
        services.AddSingleton<CampaignStampInterceptor>();
        if (string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var cs = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider 为 Postgres 时必须配置 ConnectionStrings:Postgres");
            services.AddDbContextFactory<PostgresAppDbContext>((sp, o) => o.UseNpgsql(cs).UseApplicationServiceProvider(sp).AddInterceptors(sp.GetRequiredService<CampaignStampInterceptor>()));
            services.AddSingleton<IDbContextFactory<AppDbContext>, Factory<PostgresAppDbContext>>();
        }
        else if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var cs = configuration.GetConnectionString("Sqlite") is { Length: > 0 } configured
                ? configured
                : $"Data Source={root.Combine("inspectready.db")};Default Timeout=30";
            services.AddDbContextFactory<SqliteAppDbContext>((sp, o) => o.UseSqlite(cs).UseApplicationServiceProvider(sp).AddInterceptors(sp.GetRequiredService<CampaignStampInterceptor>(), new SqliteBusyTimeout()));
            services.AddSingleton<IDbContextFactory<AppDbContext>, Factory<SqliteAppDbContext>>();
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider 只能是 Sqlite 或 Postgres，当前为“{provider}”");
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// Migrates the database. On PostgreSQL with <c>ConnectionStrings:PostgresMigrations</c> (the owner), the
    /// migrations run through that connection and the application's role (the user of <c>ConnectionStrings:Postgres</c>)
    /// is then granted what it needs: everything on the product's tables but UPDATE, DELETE and TRUNCATE of
    /// <c>AuditEntries</c> (ADR 0040). Without it, the one connection string does both, as before.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, IConfiguration configuration, CancellationToken ct = default)
    {
        if (db.IsPostgres && configuration.GetConnectionString("PostgresMigrations") is { Length: > 0 } owner)
        {
            await using (var ownerDb = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(owner).Options))
            {
                await ownerDb.Database.MigrateAsync(ct);
            }
            var application = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString() ?? "").Username;
            if (application is { Length: > 0 } && !string.Equals(application, new NpgsqlConnectionStringBuilder(owner).Username, StringComparison.Ordinal))
            {
                await GrantApplicationRoleAsync(owner, application, ct);
            }
            return;
        }
        await MigrateAsync(db, ct);
    }

    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (!db.IsPostgres)
        {
            // WAL lets pages read while an import writes.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        // EF Core takes a database-wide lock while migrating, so several nodes may start at once.
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// As the owner: the application's role may read and write every table of the schema, but only INSERT and
    /// SELECT the audit trail. Run at every start after migrating, so tables added by later migrations are covered.
    /// </summary>
    public static async Task GrantApplicationRoleAsync(string ownerConnectionString, string role, CancellationToken ct = default)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(role, "^[A-Za-z_][A-Za-z0-9_]{0,62}$"))
        {
            throw new InvalidOperationException($"ConnectionStrings:Postgres 的用户名“{role}”须由字母、数字和下划线组成");
        }
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            GRANT USAGE ON SCHEMA public TO "{role}";
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}";
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "{role}";
            REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditEntries" FROM "{role}";
            GRANT SELECT, INSERT ON "AuditEntries" TO "{role}";
            """;
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed class Factory<T>(IDbContextFactory<T> inner) : IDbContextFactory<AppDbContext> where T : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>Used by <c>dotnet ef migrations add … --context SqliteAppDbContext</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Used by <c>dotnet ef migrations add … --context PostgresAppDbContext</c>.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
