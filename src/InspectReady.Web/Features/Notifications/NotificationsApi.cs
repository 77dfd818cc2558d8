using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.Web.Features.Notifications;

public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("站内通知");
        api.MapGet("/notifications", (HttpContext ctx, NotificationsHandler h, bool? unread, int? page, int? pageSize) =>
                h.ListAsync(ctx.Scope(), unread == true, PageRequest.Of(page, pageSize)))
            .WithSummary("我的站内通知（最新在前）：?unread=true 只看未读；?page=&pageSize=（默认50，最多500）→ {items, total, page, pageSize}");
        api.MapPost("/notifications/{id:long}/read", async (long id, HttpContext ctx, NotificationsHandler h) =>
            await h.MarkReadAsync(ctx.Scope(), id) ? Results.NoContent() : Problems.NotFound("通知"))
            .WithSummary("标记一条通知为已读");
    }
}
