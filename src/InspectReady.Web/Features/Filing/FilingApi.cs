using InspectReady.Web.Features.Filing.EditTask;
using InspectReady.Web.Features.Filing.ReviewTasks;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Domain.Files;
using InspectReady.Web.Infrastructure.Files;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace InspectReady.Web.Features.Filing;

public static class FilingApi
{
    public static void MapFilingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("任务与填报");

        api.MapGet("/campaigns/{id:guid}/tasks", async (Guid id, HttpContext ctx, TaskListHandler h, Guid? unitId, string? status, string? method,
                int? indicatorNo, bool? overdue, int? page, int? pageSize) =>
                (await h.ListAsync(ctx.Scope(), id, new TaskFilter(unitId, status, method, indicatorNo, overdue), PageRequest.Of(page, pageSize)))
                .ToHttp(Results.Ok, "创建活动"))
            .WithSummary("任务列表与审查队列（?status=submitted）：{items, total, page, pageSize}，?page=&pageSize=（默认50，最多500）；"
                + "筛选 unitId、status（代码，如 draft、pending_signoff、submitted、returned、approved；也接受中文名称）、method、indicatorNo、overdue；"
                + "按指标序号、单位排序；本单位用户只看到本单位的任务")
            .Produces<Paged<TaskDto>>().ProducesValidationProblem();
        api.MapGet("/campaigns/{id:guid}/tasks/problems", async (Guid id, HttpContext ctx, TaskListHandler h) =>
                (await h.ProblemsAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "创建活动"))
            .WithSummary("还缺什么：每项可见任务按已保存内容尚未满足的规则数及说明");
        api.MapGet("/tasks/{id:guid}", async (Guid id, HttpContext ctx, TaskDetailsHandler h) => (await h.GetAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "任务"))
            .WithSummary("任务详情：材料清单、草稿、附件、尚未满足的规则（problems）、流转记录");
        api.MapGet("/tasks/{id:guid}/parts", async (Guid id, HttpContext ctx, TaskDetailsHandler h) => (await h.PartsAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "任务"))
            .WithSummary("牵头单位查看配合单位填报的部分");
        api.MapPut("/tasks/{id:guid}/draft", async (Guid id, DraftRequest body, HttpContext ctx, FilingHandler h) =>
                (await h.SaveDraftAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "任务"))
            .WithSummary("保存草稿 {statement, links, lists, notApplicable, notApplicableReason, version}；version 与当前不符时 409（他人已修改）");
        api.MapPost("/tasks/{id:guid}/files", UploadAsync)
            .WithSummary("上传附件（multipart，流式写盘）；?kind=佐证材料|汇编上级文件&item=清单项序号。按文件内容识别类型，SHA-256 去重")
            .Produces<AttachmentDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/attachments/{id:guid}", async (Guid id, HttpContext ctx, AttachmentsHandler h) =>
            {
                var outcome = await h.OpenAsync(ctx.Scope(), id);
                if (!outcome.IsOk)
                {
                    return outcome.ToHttp(_ => Results.Ok(), "附件");
                }
                var (attachment, content) = outcome.Value;
                // PDF and images open in the browser; other types download.
                return FileTypes.Previewable(attachment.ContentType)
                    ? Results.Stream(content, attachment.ContentType, enableRangeProcessing: true)
                    : Results.File(content, attachment.ContentType, attachment.FileName, enableRangeProcessing: true);
            })
            .WithSummary("附件内容；PDF 和图片在浏览器中预览，支持断点续传（Range）");
        api.MapDelete("/attachments/{id:guid}", async (Guid id, HttpContext ctx, AttachmentsHandler h) =>
            (await h.DeleteAsync(ctx.Scope(), id)).ToHttp(_ => Results.NoContent(), "附件")).WithSummary("删除草稿中的附件");

        api.MapPost("/tasks/{id:guid}/submit", async (Guid id, HttpContext ctx, FilingHandler h) => (await h.SubmitAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "任务"))
            .WithSummary("联络员提交单位审核；不符合规则时 422，errors 逐条列出（字数、数量、时间范围、缺项），且不作任何改变")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/tasks/{id:guid}/sign-off", async (Guid id, HttpContext ctx, DecisionsHandler h) => (await h.SignOffAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "任务"))
            .WithSummary("单位领导审核通过，报送创建办（保存报送版本）");
        api.MapPost("/tasks/{id:guid}/send-back", async (Guid id, DecisionRequest body, HttpContext ctx, DecisionsHandler h) =>
            (await h.SendBackAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "任务")).WithSummary("单位领导退回联络员修改");
        api.MapPost("/tasks/{id:guid}/return", async (Guid id, DecisionRequest body, HttpContext ctx, DecisionsHandler h) =>
            (await h.ReturnAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "任务")).WithSummary("创建办退回 {reason, itemReasons, newDeadline}");
        api.MapPost("/tasks/{id:guid}/approve", async (Guid id, HttpContext ctx, DecisionsHandler h) => (await h.ApproveAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "任务"))
            .WithSummary("创建办审核通过");
        api.MapPost("/tasks/{id:guid}/reopen", async (Guid id, DecisionRequest body, HttpContext ctx, DecisionsHandler h) =>
            (await h.ReopenAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "任务")).WithSummary("创建办重新打开已通过的任务");
        api.MapPost("/tasks/batch/approve", async (BatchRequest body, HttpContext ctx, DecisionsHandler h) => (await h.BatchAsync(ctx.Scope(), body, approve: true)).ToHttp(Results.Ok, "任务"))
            .WithSummary("批量通过");
        api.MapPost("/tasks/batch/return", async (BatchRequest body, HttpContext ctx, DecisionsHandler h) => (await h.BatchAsync(ctx.Scope(), body, approve: false)).ToHttp(Results.Ok, "任务"))
            .WithSummary("批量退回");
        api.MapGet("/tasks/{id:guid}/comments", async (Guid id, HttpContext ctx, TaskCommentsHandler h) => (await h.CommentsAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "任务"));
        api.MapPost("/tasks/{id:guid}/comments", async (Guid id, CommentRequest body, HttpContext ctx, TaskCommentsHandler h) =>
            (await h.AddCommentAsync(ctx.Scope(), id, body)).ToHttp(c => Results.Created($"/api/v1/tasks/{id}/comments", c), "任务"));
        api.MapGet("/tasks/{id:guid}/versions", async (Guid id, HttpContext ctx, TaskVersionsHandler h) => (await h.VersionsAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "任务"))
            .WithSummary("每次报送的版本");
        api.MapGet("/tasks/{id:guid}/versions/compare", async (Guid id, int a, int b, HttpContext ctx, TaskVersionsHandler h) =>
            (await h.CompareAsync(ctx.Scope(), id, a, b)).ToHttp(Results.Ok, "版本")).WithSummary("两个版本对比：情况说明逐行差异、附件增删、网址增删");
    }

    /// <summary>Reads the multipart body section by section, so the file streams to disk and is never buffered whole.</summary>
    private static async Task<IResult> UploadAsync(Guid id, HttpContext ctx, AttachmentsHandler handler, FileStore store, string? kind, int? item)
    {
        var scope = ctx.Scope();
        var check = await handler.AuthorizeUploadAsync(scope, id, kind);
        if (!check.IsOk)
        {
            return check.ToHttp(_ => Results.Ok(), "任务");
        }
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = store.MaxBytes + 1024 * 1024;
        }
        if (!MediaTypeHeaderValue.TryParse(ctx.Request.ContentType, out var mediaType)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Problems.Validation("file", "请以 multipart/form-data 上传文件");
        }
        try
        {
            var reader = new MultipartReader(boundary, ctx.Request.Body);
            while (await reader.ReadNextSectionAsync(ctx.RequestAborted) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && disposition.DispositionType.Equals("form-data") && (disposition.FileNameStar.HasValue || disposition.FileName.HasValue))
                {
                    var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value!;
                    var outcome = await handler.UploadAsync(scope, id, section.Body, name, kind, item, ctx.RequestAborted);
                    return outcome.ToHttp(a => Results.Created($"/api/v1/attachments/{a.Id}", a), "任务");
                }
            }
            return Problems.Validation("file", "请求中没有文件");
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or InvalidDataException)
        {
            return Problems.Validation("file", "上传未完成（连接中断或数据不完整），文件未保存，请重新上传");
        }
    }
}
