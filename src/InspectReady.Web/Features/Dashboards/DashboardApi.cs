using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.Web.Features.Dashboards;

public static class DashboardApi
{
    public static IServiceCollection AddDashboards(this IServiceCollection services) => services.AddScoped<DashboardHandler>().AddSingleton<DashboardReadModel>().AddSingleton<SerializedOnce>();

    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/campaigns/{id:guid}/dashboard").RequireAuthorization().WithTags("进度看板");
        api.MapGet("/overview", async (Guid id, Guid? unitId, HttpContext ctx, DashboardHandler h) =>
                (await h.OverviewAsync(ctx.Scope(), id, unitId)).ToHttp(Results.Ok, "创建活动"))
            .WithSummary("总览：任务数、已报送、已通过、退回、逾期、3天内到期；按一级指标、按测评方法统计；单位按完成率排名。本单位用户只看到本单位")
            .Produces<DashboardOverviewDto>();
        api.MapGet("/matrix", async (Guid id, HttpContext ctx, DashboardHandler h, SerializedOnce json) =>
                (await h.MatrixAsync(ctx.Scope(), id)).ToHttp(json.Ok, "创建活动"))
            .WithSummary("指标 × 单位矩阵（紧凑格式）：units、level1、statuses 各列一次；tasks[i] = [单位序号, 状态序号, 标志(1逾期 2牵头)]，对应 taskIds[i]；cells = [指标行序号, 任务序号]，无任务的格子不列出")
            .Produces<MatrixDto>();
        api.MapGet("/deadlines", async (Guid id, int? days, HttpContext ctx, DashboardHandler h, SerializedOnce json) =>
                (await h.DeadlinesAsync(ctx.Scope(), id, days ?? DashboardHandler.DueSoonDays)).ToHttp(json.Ok, "创建活动"))
            .WithSummary("逾期任务和 days 天内（默认3天）到期的未报送任务")
            .Produces<DeadlinesDto>();
        api.MapGet("/progress", async (Guid id, HttpContext ctx, DashboardHandler h) =>
                (await h.ProgressAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "创建活动"))
            .WithSummary("进度曲线：按流转记录逐日累计已报送、已通过的任务数")
            .Produces<ProgressDto>();
        api.MapGet("/units/{unitId:guid}", async (Guid id, Guid unitId, HttpContext ctx, DashboardHandler h) =>
                (await h.UnitAsync(ctx.Scope(), id, unitId)).ToHttp(Results.Ok, "单位"))
            .WithSummary("单位看板：本单位的统计、在全部单位中的排名和任务清单；其他单位的看板对本单位用户不存在（404）")
            .Produces<UnitDashboardDto>();
    }
}
