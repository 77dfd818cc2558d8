using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Documents;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.Web.Features.Outputs;

public static class OutputsApi
{
    public static void MapOutputsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("迎检材料输出");

        api.MapGet("/campaigns/{id:guid}/export/tasklist.xlsx", (Guid id, HttpContext ctx, OutputsHandler h, Exports exports) =>
                exports.WorkbookAsync(ctx.Scope(), _ => h.TaskListAsync(ctx.Scope(), id), "创建活动"))
            .WithSummary("任务清单 Excel：文件原有列（一级指标…责任单位）加 状态、报送时间、审核人、退回次数");
        api.MapGet("/campaigns/{id:guid}/export/progress.xlsx", (Guid id, HttpContext ctx, OutputsHandler h, Exports exports) =>
                exports.WorkbookAsync(ctx.Scope(), _ => h.ProgressAsync(ctx.Scope(), id), "创建活动"))
            .WithSummary("进度报表 Excel：按单位、按指标");
        api.MapGet("/campaigns/{id:guid}/export/statements/{no:int}", (Guid id, int no, string? format, HttpContext ctx, OutputsHandler h, Exports exports) =>
                exports.DocumentAsync(ctx.Scope(), (stamp, s) => h.StatementAsync(ctx.Scope(), id, no, stamp, s), IsPdf(format), "指标", ctx.RequestAborted))
            .WithSummary("某项指标的情况说明（公文格式 .docx；format=pdf 时经 LibreOffice 转为 PDF）");
        api.MapGet("/campaigns/{id:guid}/export/compilation", (Guid id, string? format, HttpContext ctx, OutputsHandler h, Exports exports) =>
                exports.DocumentAsync(ctx.Scope(), (stamp, s) => h.CompilationAsync(ctx.Scope(), id, stamp, s), IsPdf(format), "指标", ctx.RequestAborted))
            .WithSummary("迎检材料汇编（按一级、二级、三级指标编目录，含各项情况说明和附件目录）；format=docx|pdf");
        api.MapPost("/campaigns/{id:guid}/packages", async (Guid id, PackageRequest? body, HttpContext ctx, JobsHandler h) =>
                (await h.QueuePackageAsync(ctx.Scope(), id, body ?? new PackageRequest(false))).ToHttp(j => Results.Accepted($"/api/v1/jobs/{j.Id}", new { jobId = j.Id }), "创建活动"))
            .WithSummary("后台生成按指标体系分文件夹的 ZIP 材料包，返回 202 {jobId}");
        api.MapGet("/jobs/{id:guid}", async (Guid id, HttpContext ctx, JobsHandler h) => (await h.GetAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "任务"))
            .WithSummary("后台任务状态 {state, progress}");
        api.MapGet("/jobs/{id:guid}/result", async (Guid id, HttpContext ctx, JobsHandler h) =>
            {
                var outcome = await h.ResultAsync(ctx.Scope(), id);
                return outcome.IsOk
                    ? Results.File(outcome.Value.Path, "application/zip", outcome.Value.Name, enableRangeProcessing: true)
                    : outcome.ToHttp(_ => Results.Ok(), "任务");
            })
            .WithSummary("下载结果文件，支持断点续传（HTTP Range）");
    }

    private static bool IsPdf(string? format) => string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase);
}
