using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.Web.Features.AuditTrail;

public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").RequireAuthorization().WithTags("审计");
        api.MapGet("/", async (HttpContext ctx, AuditQuery q, DateTime? from, DateTime? to, string? user, string? action, string? result,
                string? keyword, int? page, int? pageSize) =>
                (await q.SearchAsync(ctx.Scope(), new AuditFilter(from, to, user, action, result, keyword), PageRequest.Of(page, pageSize))).ToHttp(Results.Ok))
            .WithSummary("审计记录（审计管理员）：登录、账号与权限变更、业务数据增删改；按序号倒序分页（page 从1起，pageSize 默认50、最多500）")
            .Produces<Paged<AuditEntryDto>>();
        api.MapGet("/export.xlsx", async (HttpContext ctx, AuditQuery q, Exports exports, DateTime? from, DateTime? to, string? user,
                string? action, string? result, string? keyword) =>
            {
                var scope = ctx.Scope();
                if (!scope.CanReadAudit)
                {
                    await q.RecordDeniedAsync(scope, Infrastructure.Audit.AuditActions.Export);
                    return Problems.Forbidden();
                }
                return await exports.FileAsync(scope, (stamp, s) => q.ExportAsync(scope, new AuditFilter(from, to, user, action, result, keyword), stamp, s),
                    ExcelSheets.XlsxContentType, "审计日志", ".xlsx");
            })
            .WithSummary("导出审计记录为 Excel");
        api.MapGet("/verify", async (HttpContext ctx, AuditQuery q) => (await q.VerifyAsync(ctx.Scope())).ToHttp(Results.Ok))
            .WithSummary("校验审计记录的 HMAC-SM3 链是否完整，并与最新的签名检查点比对（报告第一处断裂或被截去的尾部）");
    }
}
