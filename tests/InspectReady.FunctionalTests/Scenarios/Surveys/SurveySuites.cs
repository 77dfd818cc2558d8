using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios.Surveys;

public sealed class SurveyOnSqlite(SqliteFactory f) : SurveyScenarios(f), IClassFixture<SqliteFactory>;
public sealed class SurveyOnPostgres(PostgresFactory f) : SurveyScenarios(f), IClassFixture<PostgresFactory>;

public sealed class SurveyRateLimitOnSqlite(SurveyLimitedSqliteFactory f) : SurveyRateLimitScenarios(f), IClassFixture<SurveyLimitedSqliteFactory>;
public sealed class SurveyRateLimitOnPostgres(SurveyLimitedPostgresFactory f) : SurveyRateLimitScenarios(f), IClassFixture<SurveyLimitedPostgresFactory>;
