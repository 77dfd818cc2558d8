using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.FunctionalTests.Scenarios.Calendar;

namespace InspectReady.FunctionalTests.Scenarios;

// The calendar and case-file scenarios, once per provider (kept apart from ProviderSuites.cs).

public sealed class CalendarOnSqlite(SqliteFactory f) : CalendarScenarios(f), IClassFixture<SqliteFactory>;
public sealed class CalendarOnPostgres(PostgresFactory f) : CalendarScenarios(f), IClassFixture<PostgresFactory>;

public sealed class HolidayYearsOnSqlite(SqliteFactory f) : HolidayYearScenarios(f), IClassFixture<SqliteFactory>;
public sealed class HolidayYearsOnPostgres(PostgresFactory f) : HolidayYearScenarios(f), IClassFixture<PostgresFactory>;
