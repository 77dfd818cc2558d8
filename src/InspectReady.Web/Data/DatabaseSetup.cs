using InspectReady.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

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
            services.AddDbContextFactory<PostgresAppDbContext>((sp, o) => o.UseNpgsql(cs).AddInterceptors(sp.GetRequiredService<CampaignStampInterceptor>()));
            services.AddSingleton<IDbContextFactory<AppDbContext>, Factory<PostgresAppDbContext>>();
        }
        else if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var cs = configuration.GetConnectionString("Sqlite") is { Length: > 0 } configured
                ? configured
                : $"Data Source={root.Combine("inspectready.db")};Default Timeout=30";
            services.AddDbContextFactory<SqliteAppDbContext>((sp, o) => o.UseSqlite(cs).AddInterceptors(sp.GetRequiredService<CampaignStampInterceptor>(), new SqliteBusyTimeout()));
            services.AddSingleton<IDbContextFactory<AppDbContext>, Factory<SqliteAppDbContext>>();
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider 只能是 Sqlite 或 Postgres，当前为“{provider}”");
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
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
