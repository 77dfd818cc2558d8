using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Features.CaseFiles.Import;
using InspectReady.Web.Features.CaseFiles.Rectifications;
using InspectReady.Web.Features.CaseFiles.Register;
using InspectReady.Web.Features.CaseFiles.ReviewResults;
using InspectReady.Web.Features.CaseFiles.Reviews;
using InspectReady.Web.Features.CaseFiles.Sampling;
using InspectReady.Web.Features.CaseFiles.Templates;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.Web.Features.CaseFiles;

public static class CaseFilesApi
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapCaseFilesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/case-files").RequireAuthorization().WithTags("案卷评查");
        MapRegister(api);
        MapSampling(api);
        MapReviews(api);
        MapResults(api);
    }

    private static void MapRegister(RouteGroupBuilder api)
    {
        api.MapGet("/kinds", () => CaseFilesHandler.Kinds()).WithSummary("案卷类别（kind 代码 penalty、licensing、coercion、inspection、reconsideration、document_review、decision_review、contract_review 及 kindLabel）及各类别的登记项（key、表头、类型、是否必填）");
        api.MapGet("/", (HttpContext ctx, CaseFilesHandler h, Guid? unitId, string? kind, string? keyword, int? page, int? pageSize) =>
                h.ListAsync(ctx.Scope(), PageRequest.Of(page, pageSize), unitId, kind, keyword))
            .WithSummary("案卷登记簿（按单位、类别、案号排序分页：page 从1起，pageSize 默认50、最多500）；本单位用户只看到本单位，评查员只看到当前抽中的案卷；failedChecks 为自动检查不通过的项数")
            .Produces<Paged<CaseFileDto>>();
        api.MapGet("/{id:guid}", async (Guid id, HttpContext ctx, CaseFilesHandler h) => (await h.GetAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "案卷"))
            .WithSummary("案卷详情与自动检查：每项检查给出规则、所用日期、计算的工作日数或日数、期限和结论；他单位案卷 → 404")
            .Produces<CaseFileDetailDto>();
        api.MapPost("/", async (CaseFileRequest body, HttpContext ctx, CaseFilesHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(c => Results.Created($"/api/v1/case-files/{c.Id}", c), "单位"))
            .WithSummary("登记案卷（本单位联络员、单位领导，或创建办）；日期为 YYYY-MM-DD").Produces<CaseFileDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapPut("/{id:guid}", async (Guid id, CaseFileRequest body, HttpContext ctx, CaseFilesHandler h) =>
            (await h.UpdateAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "案卷")).WithSummary("修改案卷（类别不可改）").ProducesValidationProblem();
        api.MapDelete("/{id:guid}", async (Guid id, HttpContext ctx, CaseFilesHandler h) =>
            (await h.DeleteAsync(ctx.Scope(), id)).ToHttp(_ => Results.NoContent(), "案卷")).WithSummary("删除案卷；已被抽中或已评查的不能删除");

        api.MapGet("/import-template", (string? kind, TempFiles files) => CaseKind.Parse(kind) is { } code
                ? files.DownloadAsync(s => CaseFileImport.WriteTemplateAsync(code, s), ExcelSheets.XlsxContentType, CaseFileImport.TemplateFileName(code))
                : Task.FromResult(Problems.Validation("kind", $"案卷类别“{kind}”无效，只能是：{CaseKind.Codes.Describe()}")))
            .WithSummary("下载某类案卷的 Excel 导入模板（?kind=penalty，或中文类别名）；带 * 的列必填");
        api.MapPost("/import", async (IFormFile file, Guid? unitId, string? kind, HttpContext ctx, CaseFileImport import) =>
            {
                var actor = ctx.Scope();
                // A unit's own users import into their unit; a role that writes no case file is refused before its input is read.
                unitId ??= CaseFileAccess.IsUnitUser(actor) ? actor.UnitId : null;
                if (unitId is null)
                {
                    return CaseFileAccess.IsOffice(actor) ? Problems.Validation("unitId", "请指定导入到哪个单位（unitId）") : Results.Problem(statusCode: 403, title: "无权访问");
                }
                if (file.Length > CaseFileImport.MaxBytes)
                {
                    return Problems.Validation([new FieldError(null, "file", $"文件“{file.FileName}”超过{CaseFileImport.MaxBytes / 1024 / 1024}MB上限")]);
                }
                await using var stream = new MemoryStream();
                await file.CopyToAsync(stream);
                stream.Position = 0;
                return (await import.ImportAsync(actor, unitId.Value, kind, stream, file.FileName)).ToHttp(Results.Ok, "单位");
            })
            .DisableAntiforgery()
            .WithSummary("按模板批量导入某单位某类案卷（?unitId=…&kind=…，multipart 字段 file）；任一行有误则全部不导入，返回每处错误（行、列、说明）")
            .Produces<CaseImportSummaryDto>().ProducesValidationProblem();
    }

    private static void MapSampling(RouteGroupBuilder api)
    {
        api.MapGet("/draws", (HttpContext ctx, SamplingHandler h, Guid? unitId, string? kind) => h.ListAsync(ctx.Scope(), unitId, kind))
            .WithSummary("抽查记录（含被替换的记录，supersededBy 指向替换它的抽取）");
        api.MapGet("/draws/{id:guid}", async (Guid id, HttpContext ctx, SamplingHandler h) => (await h.GetAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "抽查记录"))
            .WithSummary("一次抽取：种子、抽取人、总体数量和抽中的案卷");
        api.MapGet("/draws/{id:guid}/verify", async (Guid id, HttpContext ctx, SamplingHandler h) => (await h.VerifyAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "抽查记录"))
            .WithSummary("用记录的种子和总体重新抽取并与记录比对（matches）");
        api.MapPost("/draws", async (SamplingDrawRequest body, HttpContext ctx, SamplingHandler h) =>
                (await h.DrawAsync(ctx.Scope(), body)).ToHttp(d => Results.Created($"/api/v1/case-files/draws/{d.Id}", d), "单位"))
            .WithSummary("随机抽取某单位某类案卷 N 件（创建办）；seed 可指定，未指定时随机生成并记录；同一种子和总体得到相同结果；已抽取过的须填 redoReason，原记录保留，全部记入审计")
            .Produces<SamplingDrawDto>(StatusCodes.Status201Created).ProducesValidationProblem();
    }

    private static void MapReviews(RouteGroupBuilder api)
    {
        api.MapGet("/templates", (ReviewTemplatesHandler h) => h.ListAsync()).WithSummary("评查标准（每类一套；行政处罚、行政许可有内置标准）");
        api.MapGet("/templates/{kind}", async (string kind, ReviewTemplatesHandler h) =>
            await h.FindAsync(kind) is { } t ? Results.Ok(t) : Problems.NotFound($"“{kind}”类评查标准")).WithSummary("某类案卷的评查标准");
        api.MapPut("/templates/{kind}", async (string kind, ReviewTemplateRequest body, HttpContext ctx, ReviewTemplatesHandler h) =>
                (await h.SaveAsync(ctx.Scope(), kind, body)).ToHttp(Results.Ok, "案卷类别"))
            .WithSummary("制定或修改某类案卷的评查标准（创建办）；各项分值合计须为100分").ProducesValidationProblem();

        api.MapGet("/{id:guid}/review", async (Guid id, HttpContext ctx, ReviewsHandler h) => (await h.MineAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "案卷"))
            .WithSummary("当前评查员对该案卷的评查表（未开始时按评查标准生成空表）");
        api.MapPut("/{id:guid}/review", async (Guid id, ReviewRequest body, HttpContext ctx, ReviewsHandler h) =>
                (await h.SaveAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "案卷"))
            .WithSummary("评查员打分：items 为 [{number, points, comment}]，扣分须写理由；submit=true 提交后不可修改").ProducesValidationProblem();
        api.MapGet("/{id:guid}/reviews", async (Guid id, HttpContext ctx, ReviewsHandler h) => (await h.ForFileAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "案卷"))
            .WithSummary("该案卷的全部评查记录");
    }

    private static void MapResults(RouteGroupBuilder api)
    {
        api.MapGet("/results", (HttpContext ctx, ResultsHandler h) => h.GetAsync(ctx.Scope()))
            .WithSummary("评查结果：按单位汇总、抽查案卷得分与自动检查问题、整改清单");
        api.MapGet("/results/export.xlsx", (HttpContext ctx, ResultsHandler h, Exports exports, IChinaClock clock) =>
                exports.WorkbookAsync(ctx.Scope(), async _ =>
                {
                    var results = await h.GetAsync(ctx.Scope());
                    var file = new ExportedFile($"案卷评查结果-{clock.Today:yyyyMMdd}.xlsx", "案卷评查结果 Excel");
                    return Outcome<ExportWorkbook>.Ok(ExportWorkbook.Of(file, [.. ResultsExport.Sheets(results)]));
                }))
            .WithSummary("导出评查结果为 Excel（单位汇总、案卷得分、整改清单）");
        api.MapGet("/results/report.docx", (HttpContext ctx, ResultsHandler h, Exports exports, IChinaClock clock) =>
                exports.FileAsync(ctx.Scope(), async (stamp, s) =>
                {
                    var results = await h.GetAsync(ctx.Scope());
                    ReviewReport.Write(results, clock.Today, stamp.Line, s);
                    return Outcome<ExportedFile>.Ok(new ExportedFile($"案卷评查结果报告-{clock.Today:yyyyMMdd}.docx", "案卷评查结果报告 Word"));
                }, DocxContentType, extension: ".docx"))
            .WithSummary("生成评查结果报告（Word）");

        api.MapGet("/rectifications", (HttpContext ctx, RectificationsHandler h, Guid? unitId, string? status) => h.ListAsync(ctx.Scope(), unitId, status))
            .WithSummary("整改清单；本单位用户只看到本单位；overdue 表示已过期限仍未整改");
        api.MapPost("/rectifications/generate", async (RectificationGenerateRequest body, HttpContext ctx, RectificationsHandler h) =>
                (await h.GenerateAsync(ctx.Scope(), body)).ToHttp(Results.Ok))
            .WithSummary("由已提交评查的扣分项和抽查案卷未通过的自动检查生成整改事项（创建办）；不重复生成；期限默认为15个工作日后").ProducesValidationProblem();
        api.MapPost("/rectifications", async (RectificationRequest body, HttpContext ctx, RectificationsHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(r => Results.Created($"/api/v1/case-files/rectifications/{r.Id}", r)))
            .WithSummary("新增一项整改事项（创建办）").ProducesValidationProblem();
        api.MapPost("/rectifications/{id:guid}/respond", async (Guid id, RectificationResponseRequest body, HttpContext ctx, RectificationsHandler h) =>
            (await h.RespondAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "整改事项")).WithSummary("单位提交整改情况");
        api.MapPost("/rectifications/{id:guid}/confirm", async (Guid id, HttpContext ctx, RectificationsHandler h) =>
            (await h.ConfirmAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "整改事项")).WithSummary("创建办确认整改（销号）");
        api.MapPost("/rectifications/{id:guid}/reopen", async (Guid id, HttpContext ctx, RectificationsHandler h) =>
            (await h.ReopenAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "整改事项")).WithSummary("创建办退回整改");
    }
}
