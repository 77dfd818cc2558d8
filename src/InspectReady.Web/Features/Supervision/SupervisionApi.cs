using InspectReady.Web.Features.Supervision.Accountability;
using InspectReady.Web.Features.Supervision.Notices;
using InspectReady.Web.Features.Supervision.Register;
using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.Web.Features.Supervision;

public static class SupervisionApi
{
    public static IServiceCollection AddSupervision(this IServiceCollection services) => services
        .AddScoped<NoticeListHandler>().AddScoped<IssueNoticeHandler>().AddScoped<AnswerNoticeHandler>().AddScoped<CloseNoticeHandler>()
        .AddScoped<AccountabilityHandler>().AddScoped<SupervisionRegister>();

    public static void MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("督导检查");
        api.MapGet("/campaigns/{id:guid}/supervision/notices", async (Guid id, Guid? unitId, string? status, HttpContext ctx, NoticeListHandler h) =>
                (await h.NoticesAsync(ctx.Scope(), id, unitId, status)).ToHttp(Results.Ok, "创建活动"))
            .WithSummary("督办单列表；本单位用户只看到下发给本单位的督办单");
        api.MapPost("/campaigns/{id:guid}/supervision/notices", async (Guid id, NoticeRequest body, HttpContext ctx, IssueNoticeHandler h) =>
                (await h.IssueAsync(ctx.Scope(), id, body)).ToHttp(n => Results.Created($"/api/v1/supervision/notices/{n.Id}", n), "创建活动"))
            .WithSummary("创建办下发督办单 {unitId, title, reason, deadline, items: [事项], taskIds}；通知该单位联络员和领导")
            .Produces<NoticeDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/supervision/notices/{id:guid}", async (Guid id, HttpContext ctx, NoticeListHandler h) =>
                (await h.NoticeAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "督办单"))
            .WithSummary("督办单详情；其他单位的督办单对本单位用户不存在（404）");
        api.MapPut("/supervision/notices/{id:guid}/items/{index:int}/answer", async (Guid id, int index, AnswerRequest body, HttpContext ctx, AnswerNoticeHandler h) =>
                (await h.AnswerAsync(ctx.Scope(), id, index, body)).ToHttp(Results.Ok, "督办单"))
            .WithSummary("被督办单位的联络员或领导逐项答复整改情况 {answer}；全部答复后通知创建办");
        api.MapPost("/supervision/notices/{id:guid}/close", async (Guid id, CloseNoticeRequest body, HttpContext ctx, CloseNoticeHandler h) =>
                (await h.CloseAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "督办单"))
            .WithSummary("创建办办结督办单 {remark}；须全部事项已答复，否则 409");
        api.MapGet("/campaigns/{id:guid}/supervision/records", async (Guid id, Guid? unitId, HttpContext ctx, AccountabilityHandler h) =>
                (await h.RecordsAsync(ctx.Scope(), id, unitId)).ToHttp(Results.Ok, "创建活动"))
            .WithSummary("问责记录（约谈、通报、追责）；本单位用户只看到本单位的记录");
        api.MapPost("/campaigns/{id:guid}/supervision/records", async (Guid id, AccountabilityRequest body, HttpContext ctx, AccountabilityHandler h) =>
                (await h.RecordAsync(ctx.Scope(), id, body)).ToHttp(r => Results.Created($"/api/v1/campaigns/{id}/supervision/records", r), "创建活动"))
            .WithSummary("创建办登记问责记录 {unitId, kind: 约谈|通报|追责, date, reason, decision, noticeId}")
            .Produces<AccountabilityDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/campaigns/{id:guid}/supervision/register.xlsx", (Guid id, HttpContext ctx, SupervisionRegister h, Exports exports) =>
                exports.WorkbookAsync(ctx.Scope(), _ => h.ExportAsync(ctx.Scope(), id), "创建活动"))
            .WithSummary("导出督导检查台账（督办单、问责记录两个工作表）");
    }
}
