using InspectReady.Web.Features.Filing.EditTask;
using InspectReady.Web.Features.Filing.ReviewTasks;
using InspectReady.Web.Features.Notifications;
using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Features.Account;
using InspectReady.Web.Features.AuditTrail;
using InspectReady.Web.Features.Calendar;
using InspectReady.Web.Features.CaseFiles;
using InspectReady.Web.Features.Demo;
using InspectReady.Web.Features.Exams;
using InspectReady.Web.Features.Campaigns;
using InspectReady.Web.Features.Dashboards;
using InspectReady.Web.Features.Filing;
using InspectReady.Web.Features.Filing.ListImport;
using InspectReady.Web.Features.Filing.SelfCheck;
using InspectReady.Web.Features.Frameworks;
using InspectReady.Web.Features.Outputs;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Documents;
using InspectReady.Web.Infrastructure.Files;
using InspectReady.Web.Infrastructure.Jobs;
using InspectReady.Web.Features.Health;
using InspectReady.Web.Features.Organisation;
using InspectReady.Web.Features.Organisation.Import;
using InspectReady.Web.Features.Reminders;
using InspectReady.Web.Features.Supervision;
using InspectReady.Web.Features.Surveys;
using InspectReady.Web.Features.Users;
using InspectReady.Web.Infrastructure.Audit;
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
        services.AddScoped<SecurityPolicyHandler>();
        services.AddScoped<RegionsHandler>();
        services.AddScoped<UnitsHandler>();
        services.AddScoped<PeopleHandler>();
        services.AddScoped<OrganisationImport>();
        services.AddScoped<UsersHandler>();
        services.AddScoped<AuditQuery>();
        services.AddSingleton<AuditCheckpoints>();
        services.AddSingleton<AuditIntegrity>();
        services.AddHostedService<AuditCheckpointService>();
        services.AddScoped<FrameworksHandler>();
        services.AddScoped<FrameworkTransfer>();
        services.AddScoped<CampaignsHandler>();
        services.AddScoped<TaskListHandler>();
        services.AddSingleton<FrameworkMethods>();
        services.AddScoped<TaskDetailsHandler>();
        services.AddScoped<FilingHandler>();
        services.AddScoped<DecisionsHandler>();
        services.AddScoped<TaskMoves>();
        services.AddScoped<TaskCommentsHandler>();
        services.AddScoped<TaskVersionsHandler>();
        services.AddScoped<AttachmentsHandler>();
        services.AddScoped<NotificationsHandler>();
        services.AddScoped<SelfCheckHandler>();
        services.AddScoped<ListImportHandler>();
        services.AddSingleton<FileStore>();
        services.AddSingleton<CjkFonts>();
        services.AddSingleton<PdfConverter>();
        services.AddSingleton<ExportMark>();
        services.AddScoped<Exports>();
        services.AddScoped<OutputsHandler>();
        services.AddScoped<JobsHandler>();
        services.AddSingleton<IJobHandler, PackageJob>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        // Retention, orphan cleanup and scheduled backups (ADR 0043–0045); backup/restore commands.
        services.AddSingleton<Infrastructure.Operations.PgTools>();
        services.AddSingleton<Infrastructure.Operations.BackupService>();
        services.AddSingleton<Infrastructure.Operations.RetentionCleaner>();
        services.AddSingleton<IJobHandler, Infrastructure.Operations.RetentionJob>();
        services.AddSingleton<IJobHandler, Infrastructure.Operations.BackupJob>();
        services.AddHostedService<Infrastructure.Operations.MaintenanceScheduler>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IChinaClock, ChinaClock>();
        services.AddSingleton<TempFiles>();
        services.AddSingleton<DemoData>();
        services.AddScoped<DemoCampaign>();
        services.AddScoped<Home.FirstStepsQuery>();
        services.AddCalendarFeature();
        services.AddCaseFilesFeature();
        services.AddDashboards();
        services.AddReminders();
        services.AddSupervision();
        services.AddSurveysFeature();
        services.AddExamsFeature();
        return services;
    }

    public static void MapFeatures(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapAuthApi();
        app.MapAccountEndpoints();
        app.MapOrganisationApi();
        app.MapUsersApi();
        app.MapSecurityPolicyApi();
        app.MapAuditApi();
        app.MapFrameworksApi();
        app.MapCampaignsApi();
        app.MapFilingApi();
        app.MapFilingToolsApi();
        app.MapOutputsApi();
        app.MapCalendarApi();
        app.MapCaseFilesApi();
        app.MapDashboardApi();
        app.MapRemindersApi();
        app.MapSupervisionApi();
        app.MapNotificationsApi();
        app.MapSurveysApi();
        app.MapExamsApi();
    }
}
