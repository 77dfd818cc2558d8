using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios;

// Sessions, antiforgery and HTTP headers, each on SQLite and on PostgreSQL.

public sealed class SessionOnSqlite(SqliteFactory f) : SessionScenarios(f), IClassFixture<SqliteFactory>;
public sealed class SessionOnPostgres(PostgresFactory f) : SessionScenarios(f), IClassFixture<PostgresFactory>;
