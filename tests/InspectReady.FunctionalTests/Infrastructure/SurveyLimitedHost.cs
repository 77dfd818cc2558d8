using Microsoft.AspNetCore.Hosting;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>A scenario host (sign-in limits lifted) with the public survey limit switched on and small.</summary>
public static class SurveyLimitedHost
{
    public const int Permits = 3;

    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:RateLimit:Survey:Enabled", "true");
        builder.UseSetting("Security:RateLimit:Survey:PermitLimit", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:RateLimit:Survey:WindowSeconds", "600");
    }
}

public sealed class SurveyLimitedSqliteFactory : SqliteFactory
{
    protected override void ConfigureSecurity(IWebHostBuilder builder)
    {
        base.ConfigureSecurity(builder);
        SurveyLimitedHost.Configure(builder);
    }
}

public sealed class SurveyLimitedPostgresFactory : PostgresFactory
{
    protected override void ConfigureSecurity(IWebHostBuilder builder)
    {
        base.ConfigureSecurity(builder);
        SurveyLimitedHost.Configure(builder);
    }
}
