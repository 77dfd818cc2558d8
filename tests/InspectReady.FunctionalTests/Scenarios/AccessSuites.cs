using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios;

// The access enumeration (ADR 0018), on SQLite and on PostgreSQL.

public sealed class AccessEnumerationOnSqlite(SqliteFactory f) : AccessEnumerationScenarios(f), IClassFixture<SqliteFactory>;
public sealed class AccessEnumerationOnPostgres(PostgresFactory f) : AccessEnumerationScenarios(f), IClassFixture<PostgresFactory>;
