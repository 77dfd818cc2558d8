using InspectReady.Web.Data;
using InspectReady.Web.Features.Surveys.Build;
using InspectReady.Web.Features.Surveys.Publicity;
using InspectReady.Web.Features.Surveys.Rectifications;
using InspectReady.Web.Features.Surveys.Respond;
using InspectReady.Web.Features.Surveys.SurveyResults;
using InspectReady.Web.Features.Surveys.Telephone;

namespace InspectReady.Web.Features.Surveys;

public static class SurveysRegistration
{
    public static IServiceCollection AddSurveysFeature(this IServiceCollection services)
    {
        services.AddScoped<SurveysHandler>();
        services.AddScoped<PublicResponseHandler>();
        services.AddScoped<SurveyResultsHandler>();
        services.AddScoped<SurveyRectificationsHandler>();
        services.AddScoped<CallsHandler>();
        services.AddScoped<PublicityHandler>();
        services.AddSingleton<SurveyLinkCache>();
        services.AddBatchWriter<SurveyResponseWriter>();
        services.AddMemoryCache();
        services.AddSurveyRateLimit();
        return services;
    }
}
