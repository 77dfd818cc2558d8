using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.Web.Features.Campaigns;

public static class CampaignsApi
{
    public static void MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/campaigns").RequireAuthorization().WithTags("创建活动");
        api.MapGet("/", (HttpContext ctx, CampaignsHandler h) => h.ListAsync(ctx.Scope())).WithSummary("创建活动列表");
        api.MapGet("/{id:guid}", async (Guid id, HttpContext ctx, CampaignsHandler h) => (await h.GetAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "创建活动"))
            .WithSummary("创建活动详情，含尚未对应到单位的责任单位名称（unmatched）");
        api.MapPost("/", async (CampaignRequest body, HttpContext ctx, CampaignsHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(c => Results.Created($"/api/v1/campaigns/{c.Id}", c), "创建活动"))
            .WithSummary("创建活动 {name, frameworkId, regionId, cutoffDate, deadline, …}：锁定指标体系，按合并提供组和责任单位生成任务")
            .Produces<CampaignDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapPost("/{id:guid}/regenerate", async (Guid id, HttpContext ctx, CampaignsHandler h) =>
                (await h.RegenerateAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "创建活动"))
            .WithSummary("组织机构变化后重新生成任务：幂等，已填报的内容不会丢失");
        api.MapPut("/{id:guid}/entry-mappings", async (Guid id, EntryMappingRequest body, HttpContext ctx, CampaignsHandler h) =>
                (await h.MapEntryAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "创建活动"))
            .WithSummary("把未能识别的责任单位名称对应到具体单位，并重新生成任务");
    }
}
