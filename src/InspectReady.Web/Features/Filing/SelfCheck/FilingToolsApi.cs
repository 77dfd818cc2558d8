using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Features.Filing.ListImport;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace InspectReady.Web.Features.Filing.SelfCheck;

public static class FilingToolsApi
{
    public static void MapFilingToolsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("任务与填报");
        api.MapGet("/campaigns/{id:guid}/self-check", async (Guid id, Guid? unitId, HttpContext ctx, SelfCheckHandler h) =>
                (await h.RunAsync(ctx.Scope(), id, unitId)).ToHttp(Results.Ok, "创建活动"))
            .WithSummary("自查：未填报的任务、违反的规则、缺少的材料；本单位用户只查本单位");
        api.MapGet("/campaigns/{id:guid}/self-check.xlsx", (Guid id, Guid? unitId, HttpContext ctx, SelfCheckHandler h, Exports exports) =>
                exports.WorkbookAsync(ctx.Scope(), _ => h.ExportAsync(ctx.Scope(), id, unitId), "创建活动"))
            .WithSummary("导出自查结果");
        api.MapGet("/tasks/{id:guid}/lists/{item:int}/template", async (Guid id, int item, HttpContext ctx, ListImportHandler h, TempFiles files) =>
            {
                var columns = await h.ColumnsAsync(ctx.Scope(), id, item);
                return columns.IsOk
                    ? await files.DownloadAsync(s => ListImportHandler.WriteTemplateAsync(columns.Value!, s), ExcelSheets.XlsxContentType, $"第{item}项清单模板.xlsx")
                    : columns.ToHttp(_ => Results.Ok(), "任务");
            })
            .WithSummary("下载清单导入模板（列与材料要求一致）");
        api.MapPost("/tasks/{id:guid}/lists/{item:int}/import", async (Guid id, int item, [FromForm] IFormFile file, HttpContext ctx, ListImportHandler h) =>
            {
                await using var stream = file.OpenReadStream();
                return (await h.ImportAsync(ctx.Scope(), id, item, stream, file.FileName)).ToHttp(n => Results.Ok(new { rows = n }), "任务");
            })
            .DisableAntiforgery()
            .WithSummary("从 Excel 导入清单行（替换该项已有的行）；任一行有误则全部不导入");
    }
}
