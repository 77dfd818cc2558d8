using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace InspectReady.Web.Features.Frameworks;

public static class FrameworksApi
{
    public static void MapFrameworksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/frameworks").RequireAuthorization().WithTags("指标体系");

        api.MapGet("/", (FrameworksHandler h) => h.ListAsync()).WithSummary("指标体系列表：id、code、name、version、indicatorCount");
        api.MapGet("/{id:guid}/tree", async (Guid id, FrameworksHandler h) => (await h.TreeAsync(id)).ToHttp(Results.Ok, "指标体系"))
            .WithSummary("一级、二级指标树及其下的三级指标序号");
        api.MapGet("/{id:guid}/indicators", async (Guid id, FrameworksHandler h, string? method, string? keyword) =>
                (await h.IndicatorsAsync(id, new IndicatorFilter(method, Keyword: keyword))).ToHttp(Results.Ok, "指标体系"))
            .WithSummary("三级指标（按序号）：文字、测评方法、材料要求及其清单（materialItems，各自的时间范围）、责任单位、合并提供组、数量规则（maxItems）、起始年份（since）");
        api.MapPut("/{id:guid}/indicators/{no:int}/material-items", async (Guid id, int no, List<MaterialItemRequest> body, HttpContext ctx, FrameworksHandler h) =>
                (await h.CorrectItemsAsync(ctx.Scope(), id, no, body)).ToHttp(Results.Ok, "指标"))
            .WithSummary("管理员更正某项指标的材料清单；空数组恢复为自动解析结果。已被创建活动使用的指标体系不可修改（409）");
        api.MapGet("/{id:guid}/export", async (Guid id, string? format, HttpContext ctx, FrameworksHandler h, FrameworkTransfer transfer, Exports exports) =>
            {
                var f = (format ?? "xlsx").ToLowerInvariant();
                if (f is not ("xlsx" or "json"))
                {
                    return Problems.Validation("format", "format 只能是 xlsx 或 json");
                }
                if ((await h.ListAsync()).FirstOrDefault(x => x.Id == id) is not { } framework)
                {
                    return Problems.NotFound("指标体系");
                }
                var scope = ctx.Scope();
                return await exports.FileAsync(scope, (stamp, s) => transfer.ExportAsync(id, f, stamp, s),
                    f == "json" ? "application/json" : ExcelSheets.XlsxContentType, "指标体系", $".{f}");
            })
            .WithSummary("导出：xlsx 为任务清单格式（一级指标、二级指标、序号、三级指标、测评方法、填报材料、责任单位），json 为完整结构");
        api.MapGet("/import/template.xlsx", (TempFiles files) =>
                files.DownloadAsync(FrameworkTransfer.WriteTemplateAsync, ExcelSheets.XlsxContentType, "指标体系导入模板.xlsx"))
            .WithSummary("下载指标体系导入模板（任务清单格式的表头、体系信息表和填写说明）");
        api.MapPost("/import", async ([FromForm] IFormFile file, [FromForm] string? code, [FromForm] string? name, [FromForm] string? version,
                HttpContext ctx, FrameworkTransfer transfer) =>
            {
                await using var stream = file.OpenReadStream();
                var outcome = await transfer.ImportAsync(ctx.Scope(), stream, file.FileName, file.Length, code, name, version);
                return outcome.ToHttp(f => Results.Created($"/api/v1/frameworks/{f.Id}", f), "指标体系");
            })
            .DisableAntiforgery()
            .WithSummary("导入指标体系（multipart：file，可选 code、name、version）。任一处有误则不导入，400 返回 errors: [{row, column, field, message}]（column 为列字母，field 为表头）")
            .Produces<FrameworkDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/{id:guid}/mapping", async (Guid id, Guid from, FrameworksHandler h) => (await h.MappingAsync(from, id)).ToHttp(Results.Ok, "指标体系"))
            .WithSummary("从旧版本（from）到本版本的指标对应关系，默认同序号对应");
        api.MapPut("/{id:guid}/mapping", async (Guid id, Guid from, MappingRequest body, HttpContext ctx, FrameworksHandler h) =>
                (await h.SetMappingAsync(ctx.Scope(), from, id, body.Entries ?? [])).ToHttp(Results.Ok, "指标体系"))
            .WithSummary("编辑版本对应关系");
    }
}
