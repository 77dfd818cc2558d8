using InspectReady.Web.Features.CaseFiles.Import;
using InspectReady.Web.Features.CaseFiles.Rectifications;
using InspectReady.Web.Features.CaseFiles.Register;
using InspectReady.Web.Features.CaseFiles.ReviewResults;
using InspectReady.Web.Features.CaseFiles.Reviews;
using InspectReady.Web.Features.CaseFiles.Sampling;
using InspectReady.Web.Features.CaseFiles.Templates;

namespace InspectReady.Web.Features.CaseFiles;

public static class CaseFilesRegistration
{
    public static IServiceCollection AddCaseFilesFeature(this IServiceCollection services)
    {
        services.AddScoped<CaseFilesHandler>();
        services.AddScoped<CaseFileImport>();
        services.AddScoped<SamplingHandler>();
        services.AddScoped<ReviewTemplatesHandler>();
        services.AddScoped<ReviewsHandler>();
        services.AddScoped<RectificationsHandler>();
        services.AddScoped<ResultsHandler>();
        return services;
    }
}
