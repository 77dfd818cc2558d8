using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Mail;
using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.Web.Features.Reminders;

public static class RemindersApi
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<ReminderSweep>();
        services.AddScoped<RemindersHandler>();
        services.AddHostedService<ReminderService>();
        // Mail leaves the outbox only when Smtp:Host is configured; the sender idles otherwise.
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp");
        services.AddSingleton<SmtpOutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<SmtpOutboxSender>());
        return services;
    }

    public static void MapRemindersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("到期提醒");
        api.MapGet("/me/reminder-email", (HttpContext ctx, RemindersHandler h) => h.GetEmailAsync(ctx.Scope()))
            .WithSummary("我接收到期提醒邮件的邮箱");
        api.MapPut("/me/reminder-email", async (ReminderEmailRequest body, HttpContext ctx, RemindersHandler h) =>
                (await h.SetEmailAsync(ctx.Scope(), body)).ToHttp(Results.Ok, "用户"))
            .WithSummary("设置接收到期提醒邮件的邮箱 {email}；为空则不发邮件").ProducesValidationProblem();
        api.MapPost("/reminders/sweep", async (HttpContext ctx, RemindersHandler h) =>
                (await h.SweepNowAsync(ctx.Scope(), ctx.RequestAborted)).ToHttp(Results.Ok))
            .WithSummary("立即执行一次到期提醒（系统管理员、创建办）；已发送过的提醒不会重复发送");
        api.MapGet("/outbox", async (HttpContext ctx, RemindersHandler h, string? channel, bool? pending, bool? reveal, int? page, int? pageSize) =>
                (await h.OutboxAsync(ctx.Scope(), channel, pending == true, reveal == true, PageRequest.Of(page, pageSize))).ToHttp(Results.Ok))
            .WithSummary("待发送及已发送的短信、邮件（最新在前；channel=sms|mail，pending=true 只看未发送；?page=&pageSize=（默认50，最多500）→ {items, total, page, pageSize}）；手机号默认脱敏，reveal=true 显示完整号码（本页）并记入审计");
    }
}
