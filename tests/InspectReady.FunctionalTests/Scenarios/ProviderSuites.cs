using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios;

// Every scenario class runs once per provider: the same tests on SQLite and on PostgreSQL.

public sealed class SignInOnSqlite(SqliteFactory f) : SignInScenarios(f), IClassFixture<SqliteFactory>;
public sealed class SignInOnPostgres(PostgresFactory f) : SignInScenarios(f), IClassFixture<PostgresFactory>;

public sealed class OrganisationOnSqlite(SqliteFactory f) : OrganisationScenarios(f), IClassFixture<SqliteFactory>;
public sealed class OrganisationOnPostgres(PostgresFactory f) : OrganisationScenarios(f), IClassFixture<PostgresFactory>;

public sealed class UnitIsolationOnSqlite(SqliteFactory f) : UnitIsolationScenarios(f), IClassFixture<SqliteFactory>;
public sealed class UnitIsolationOnPostgres(PostgresFactory f) : UnitIsolationScenarios(f), IClassFixture<PostgresFactory>;

public sealed class ImportOnSqlite(SqliteFactory f) : ImportScenarios(f), IClassFixture<SqliteFactory>;
public sealed class ImportOnPostgres(PostgresFactory f) : ImportScenarios(f), IClassFixture<PostgresFactory>;

public sealed class AuditOnSqlite(SqliteFactory f) : AuditScenarios(f), IClassFixture<SqliteFactory>;
public sealed class AuditOnPostgres(PostgresFactory f) : AuditScenarios(f), IClassFixture<PostgresFactory>;

public sealed class UsersOnSqlite(SqliteFactory f) : UserScenarios(f), IClassFixture<SqliteFactory>;
public sealed class UsersOnPostgres(PostgresFactory f) : UserScenarios(f), IClassFixture<PostgresFactory>;

public sealed class KindCodesOnSqlite(SqliteFactory f) : KindCodeScenarios(f), IClassFixture<SqliteFactory>;
public sealed class KindCodesOnPostgres(PostgresFactory f) : KindCodeScenarios(f), IClassFixture<PostgresFactory>;

public sealed class FrameworksOnSqlite(SqliteFactory f) : FrameworkScenarios(f), IClassFixture<SqliteFactory>;
public sealed class FrameworksOnPostgres(PostgresFactory f) : FrameworkScenarios(f), IClassFixture<PostgresFactory>;

public sealed class FilingOnSqlite(SqliteFactory f) : FilingScenarios(f), IClassFixture<SqliteFactory>;
public sealed class FilingOnPostgres(PostgresFactory f) : FilingScenarios(f), IClassFixture<PostgresFactory>;

public sealed class SelfCheckOnSqlite(SqliteFactory f) : SelfCheckScenarios(f), IClassFixture<SqliteFactory>;
public sealed class SelfCheckOnPostgres(PostgresFactory f) : SelfCheckScenarios(f), IClassFixture<PostgresFactory>;

public sealed class OutputsOnSqlite(SqliteFactory f) : OutputScenarios(f), IClassFixture<SqliteFactory>;
public sealed class OutputsOnPostgres(PostgresFactory f) : OutputScenarios(f), IClassFixture<PostgresFactory>;

public sealed class AccessAdminsOnSqlite(SqliteFactory f) : Access.AccessAdminScenarios(f), IClassFixture<SqliteFactory>;
public sealed class AccessAdminsOnPostgres(PostgresFactory f) : Access.AccessAdminScenarios(f), IClassFixture<PostgresFactory>;

public sealed class SecondFactorOnSqlite(HardenedSqliteFactory f) : Access.SecondFactorScenarios(f), IClassFixture<HardenedSqliteFactory>;
public sealed class SecondFactorOnPostgres(HardenedPostgresFactory f) : Access.SecondFactorScenarios(f), IClassFixture<HardenedPostgresFactory>;
public sealed class AccessOnSqlite(SqliteFactory f) : AccessScenarios(f), IClassFixture<SqliteFactory>;
public sealed class AccessOnPostgres(PostgresFactory f) : AccessScenarios(f), IClassFixture<PostgresFactory>;

public sealed class ExportMarkOnSqlite(SqliteFactory f) : ExportMarkScenarios(f), IClassFixture<SqliteFactory>;
public sealed class ExportMarkOnPostgres(PostgresFactory f) : ExportMarkScenarios(f), IClassFixture<PostgresFactory>;

public sealed class ChinaClockOnSqlite(SqliteFactory f) : ChinaClockScenarios(f), IClassFixture<SqliteFactory>;
public sealed class ChinaClockOnPostgres(PostgresFactory f) : ChinaClockScenarios(f), IClassFixture<PostgresFactory>;
public sealed class ConcurrencyOnSqlite(SqliteFactory f) : ConcurrencyScenarios(f), IClassFixture<SqliteFactory>;
public sealed class ConcurrencyOnPostgres(PostgresFactory f) : ConcurrencyScenarios(f), IClassFixture<PostgresFactory>;

public sealed class ImportPipelineOnSqlite(SqliteFactory f) : ImportPipelineScenarios(f), IClassFixture<SqliteFactory>;
public sealed class ImportPipelineOnPostgres(PostgresFactory f) : ImportPipelineScenarios(f), IClassFixture<PostgresFactory>;
