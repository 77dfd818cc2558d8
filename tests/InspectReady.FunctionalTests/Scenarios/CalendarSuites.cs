using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.FunctionalTests.Scenarios.Calendar;
using InspectReady.FunctionalTests.Scenarios.CaseFiles;

namespace InspectReady.FunctionalTests.Scenarios;

// The calendar and case-file scenarios, once per provider (kept apart from ProviderSuites.cs).

public sealed class CalendarOnSqlite(SqliteFactory f) : CalendarScenarios(f), IClassFixture<SqliteFactory>;
public sealed class CalendarOnPostgres(PostgresFactory f) : CalendarScenarios(f), IClassFixture<PostgresFactory>;

public sealed class HolidayYearsOnSqlite(SqliteFactory f) : HolidayYearScenarios(f), IClassFixture<SqliteFactory>;
public sealed class HolidayYearsOnPostgres(PostgresFactory f) : HolidayYearScenarios(f), IClassFixture<PostgresFactory>;

public sealed class CaseRegisterOnSqlite(SqliteFactory f) : CaseRegisterScenarios(f), IClassFixture<SqliteFactory>;
public sealed class CaseRegisterOnPostgres(PostgresFactory f) : CaseRegisterScenarios(f), IClassFixture<PostgresFactory>;

public sealed class CaseImportOnSqlite(SqliteFactory f) : CaseImportScenarios(f), IClassFixture<SqliteFactory>;
public sealed class CaseImportOnPostgres(PostgresFactory f) : CaseImportScenarios(f), IClassFixture<PostgresFactory>;

public sealed class CaseReviewOnSqlite(SqliteFactory f) : ReviewScenarios(f), IClassFixture<SqliteFactory>;
public sealed class CaseReviewOnPostgres(PostgresFactory f) : ReviewScenarios(f), IClassFixture<PostgresFactory>;
