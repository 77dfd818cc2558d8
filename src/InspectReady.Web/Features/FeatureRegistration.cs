using InspectReady.Web.Features.Account;
using InspectReady.Web.Features.AuditTrail;
using InspectReady.Web.Features.Calendar;
using InspectReady.Web.Features.CaseFiles;
using InspectReady.Web.Features.Demo;
using InspectReady.Web.Features.Health;
using InspectReady.Web.Features.Organisation;
using InspectReady.Web.Features.Organisation.Import;
using InspectReady.Web.Features.Users;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Hosting;

namespace InspectReady.Web.Features;

/// <summary>Composition of the feature areas: their handlers and their routes.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<SignInService>();
        services.AddScoped<PasswordService>();
        services.AddScoped<RegionsHandler>();
        services.AddScoped<UnitsHandler>();
        services.AddScoped<PeopleHandler>();
        services.AddScoped<OrganisationImport>();
        services.AddScoped<UsersHandler>();
        services.AddScoped<AuditQuery>();
        services.AddSingleton<TempFiles>();
        services.AddSingleton<DemoData>();
        services.AddCalendarFeature();
        services.AddCaseFilesFeature();
        return services;
    }

    public static void MapFeatures(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapAuthApi();
        app.MapAccountEndpoints();
        app.MapOrganisationApi();
        app.MapUsersApi();
        app.MapAuditApi();
        app.MapCalendarApi();
        app.MapCaseFilesApi();
    }
}
