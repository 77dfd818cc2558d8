using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios;

// Dashboards, reminders and supervision, each on SQLite and on PostgreSQL.

public sealed class DashboardOnSqlite(SqliteFactory f) : DashboardScenarios(f), IClassFixture<SqliteFactory>;
public sealed class DashboardOnPostgres(PostgresFactory f) : DashboardScenarios(f), IClassFixture<PostgresFactory>;

public sealed class RemindersOnSqlite(SqliteFactory f) : ReminderScenarios(f), IClassFixture<SqliteFactory>;
public sealed class RemindersOnPostgres(PostgresFactory f) : ReminderScenarios(f), IClassFixture<PostgresFactory>;

public sealed class SupervisionOnSqlite(SqliteFactory f) : SupervisionScenarios(f), IClassFixture<SqliteFactory>;
public sealed class SupervisionOnPostgres(PostgresFactory f) : SupervisionScenarios(f), IClassFixture<PostgresFactory>;
