using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Features.Exams.ImportQuestions;
using InspectReady.Web.Features.Exams.ManageExams;
using InspectReady.Web.Features.Exams.QuestionBank;
using InspectReady.Web.Features.Exams.ExamResults;
using InspectReady.Web.Features.Exams.Rosters;
using InspectReady.Web.Features.Exams.TakeExam;
using InspectReady.Web.Features.Exams.TrainingLedger;

using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Identity;
using InspectReady.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams;

public sealed record ImportedDto(int Imported, IReadOnlyList<QuestionPreviewDto>? Preview = null);

public sealed record MarkedDto(int Marked);

/// <summary>随机抽考 and 学法培训台账: the office's, the unit's and the examinee's endpoints (issue 12).</summary>
public static class ExamsApi
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapExamsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/exams").RequireAuthorization().WithTags("随机抽考");
        MapBank(api);
        MapExams(api);
        MapRosters(api);
        MapTraining(api);
        MapExaminee(app);
    }

    private static void MapBank(RouteGroupBuilder api)
    {
        api.MapPost("/questions/import", async (IFormFile file, bool? preview, string? source, HttpContext ctx, ImportQuestionsHandler h) =>
            {
                if (file.Length > ImportQuestionsHandler.MaxBytes)
                {
                    return ImportProblem([new ImportError(null, null, "file", $"文件“{file.FileName}”超过20MB上限")]);
                }
                await using var stream = new MemoryStream();
                await file.CopyToAsync(stream);
                stream.Position = 0;
                var result = await h.ImportAsync(ctx.Scope(), stream, file.FileName, preview == true, source);
                return result is null ? Problems.Forbidden()
                    : !result.Ok ? ImportProblem(result.Errors)
                    : preview == true ? Results.Ok(new ImportedDto(0, result.Preview))
                    : Results.Created("/api/v1/exams/questions", new ImportedDto(result.Imported));
            })
            .DisableAntiforgery()
            .WithSummary("导入试题（创建办；multipart 字段 file，.xlsx 或 .docx）：Excel 一张表，列为 题型、题干（或 题目/试题内容）、选项A…选项H、答案（或 正确答案）、解析、来源、条款、难度、标签、采分点；Word 为常见版式（“一、单项选择题”、“1、…（ ）”、“A．”、“答案：”、“解析：”）。?preview=true 只预览不导入；?source= 为未注明来源的题目的默认来源。任一行（row）或题（item）有误则全部不导入，400 列出每处错误")
            .Produces<ImportedDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapPost("/questions/samples", async (HttpContext ctx, ImportQuestionsHandler h) =>
                await h.LoadSamplesAsync(ctx.Scope()) is { } n ? Results.Created("/api/v1/exams/questions", new ImportedDto(n)) : Problems.Forbidden())
            .WithSummary("把随产品提供的示例题库（八类来源，至少60题，标签“示例”）导入本区划题库（创建办）；已导入过则 imported 为 0")
            .Produces<ImportedDto>(StatusCodes.Status201Created);
        api.MapGet("/questions/template.xlsx", async (HttpContext ctx, QuestionTemplate h, TempFiles files) =>
                await h.TemplateAsync(ctx.Scope()) is { IsOk: true } t
                    ? await files.DownloadAsync(t.Value!, ExcelSheets.XlsxContentType, QuestionTemplate.FileName)
                    : Problems.Forbidden())
            .WithSummary("试题导入的 Excel 模板（创建办）：表头为 题型、题干、选项A…选项H、答案、解析、来源、条款、版本、难度、标签、采分点，每种题型一行示例，另附填写说明");
        api.MapGet("/questions", (HttpContext ctx, QuestionBankHandler h, string? type, string? source, string? difficulty, string? keyword, bool? needsReview,
                int? page, int? pageSize) => h.ListAsync(ctx.Scope(), type, source, difficulty, keyword, needsReview, PageRequest.Of(page, pageSize)))
            .WithSummary("题库（本区划；分页）：type = single/multiple/truefalse/blank/short/essay，source = constitution/civil_code/licensing/penalty/coercion/reconsideration/litigation/outline，difficulty = easy/medium/hard")
            .Produces<Paged<QuestionDto>>();
        api.MapPost("/questions", async (QuestionRequest body, HttpContext ctx, QuestionBankHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(q => Results.Created($"/api/v1/exams/questions/{q.Id}", q)))
            .WithSummary("新增一道试题（创建办）；字段同导入").Produces<QuestionDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/questions/{id:guid}", async (Guid id, HttpContext ctx, QuestionBankHandler h) => (await h.GetAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "试题"))
            .WithSummary("一道试题（含答案，仅创建办）").Produces<QuestionDto>();
        api.MapPut("/questions/{id:guid}", async (Guid id, QuestionRequest body, HttpContext ctx, QuestionBankHandler h) =>
                (await h.UpdateAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "试题"))
            .WithSummary("修改试题（新版本；已抽出的试卷保留抽出时的内容，不受影响）").Produces<QuestionDto>().ProducesValidationProblem();
        api.MapPost("/questions/law-versions", async (LawVersionRequest body, HttpContext ctx, QuestionBankHandler h) =>
                (await h.MarkLawVersionAsync(ctx.Scope(), body)).ToHttp(n => Results.Ok(new MarkedDto(n))))
            .WithSummary("法律有新版本：该来源下版本不同的试题标记为待复核（不再组入新试卷，修改后解除）").Produces<MarkedDto>().ProducesValidationProblem();
    }

    private static void MapExams(RouteGroupBuilder api)
    {
        api.MapPost("/", async (CreateExamRequest body, HttpContext ctx, ExamsHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(c => Results.Created($"/api/v1/exams/{c.Id}", c)))
            .WithSummary("创建考试（创建办）：blueprint 每项 {type, source?, difficulty?, count, score(每题分值)}；题库不足以满足时 422，errors 为 [{cell, lacking}]，不保存任何内容")
            .Produces<CreatedDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", (HttpContext ctx, ExamsHandler h, int? page, int? pageSize) => h.ListAsync(ctx.Scope(), PageRequest.Of(page, pageSize)))
            .WithSummary("考试列表：创建办为本区划的考试，单位联络员、领导为有本单位考生的考试").Produces<Paged<ExamDto>>();
        api.MapGet("/{id:guid}", async (Guid id, HttpContext ctx, ExamsHandler h) => (await h.GetAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "考试"))
            .WithSummary("一场考试").Produces<ExamDto>();
        api.MapPost("/{id:guid}/examinees", async (Guid id, AssignExamineesRequest body, HttpContext ctx, ExamsHandler h) =>
                (await h.AssignAsync(ctx.Scope(), id, body)).ToHttp(a => Results.Ok(a), "考试"))
            .WithSummary("安排考生（创建办）：{personIds:[…]} 指定人员，或 {draw:{categories, perUnit 或 share, seed?}} 从名单按单位和类别随机抽取（种子记录并审计，同一种子和名单结果相同）；重新抽取须填 reason。每名考生得到按组卷规则抽出、题序和选项顺序打乱并冻结的试卷和个人准考码")
            .Produces<AssignedDto>().ProducesValidationProblem();
        api.MapGet("/{id:guid}/examinees", async (Guid id, Guid? unitId, string? status, int? page, int? pageSize, HttpContext ctx, ExamsHandler h) =>
                (await h.ExamineesAsync(ctx.Scope(), id, unitId, status, PageRequest.Of(page, pageSize))).ToHttp(Results.Ok, "考试"))
            .WithSummary("考生与监考视图（分页）：状态、开始与截止时间、已答题数、离开页面和粘贴次数、得分；准考码仅创建办可见；单位用户只看到本单位考生；超时未交卷的在此自动交卷")
            .Produces<Paged<ExamineeRowDto>>();
        api.MapPost("/{id:guid}/examinees/{examineeId:guid}/extend", async (Guid id, Guid examineeId, ExtendRequest body, HttpContext ctx, ExamsHandler h) =>
                (await h.ExtendAsync(ctx.Scope(), id, examineeId, body.Minutes)).ToHttp(Results.Ok, "考生"))
            .WithSummary("延长（或缩短）一名考生的作答时间（创建办；分钟）").Produces<ExamineeRowDto>().ProducesValidationProblem();
        api.MapPost("/{id:guid}/examinees/{examineeId:guid}/end", async (Guid id, Guid examineeId, HttpContext ctx, ExamsHandler h) =>
                (await h.EndAsync(ctx.Scope(), id, examineeId)).ToHttp(Results.Ok, "考生"))
            .WithSummary("结束一名考生的作答并收卷（创建办）").Produces<ExamineeRowDto>();
        api.MapGet("/{id:guid}/examinees/{examineeId:guid}/paper.docx", async (Guid id, Guid examineeId, HttpContext ctx, AppDbContext db, ExportMark mark,
                TempFiles files) =>
            {
                var actor = ctx.Scope();
                var loaded = await ExamsHandler.ManagedAsync(db, actor, id);
                if (!loaded.IsOk)
                {
                    return loaded.ToHttp(_ => Results.Empty, "考试");
                }
                var x = await db.Set<Examinee>().AsNoTracking().Include(e => e.Items).FirstOrDefaultAsync(e => e.Id == examineeId && e.ExamId == id);
                if (x is null)
                {
                    return Problems.NotFound("考生");
                }
                var unit = await db.Units.Where(u => u.Id == x.UnitId).Select(u => u.Name).FirstOrDefaultAsync();
                db.Record(actor, AuditActions.Download, $"考试 {loaded.Value!.Name} {x.PersonName} 纸质试卷");
                await db.SaveChangesAsync();
                return await files.DownloadAsync(s =>
                {
                    ExamDocuments.WritePaper(s, loaded.Value!, x, unit, mark.For(actor));
                    return Task.CompletedTask;
                }, DocxContentType, $"{loaded.Value!.Name}-{x.PersonName}-试卷.docx");
            })
            .WithSummary("一名考生的纸质试卷和答题卡（.docx，与其在线试卷题序相同；创建办）");
        api.MapPost("/{id:guid}/close", async (Guid id, HttpContext ctx, ExamsHandler h) => (await h.CloseAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "考试"))
            .WithSummary("结束考试（创建办）：作答中的考生自动交卷，准考码失效").Produces<ExamDto>();
        api.MapGet("/{id:guid}/results", async (Guid id, HttpContext ctx, ResultsHandler h) => (await h.ResultsAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "考试"))
            .WithSummary("成绩：每名考生、按单位、按人员类别，合格率；单位用户只看到本单位").Produces<ExamResultsDto>();
        api.MapGet("/{id:guid}/statistics", async (Guid id, HttpContext ctx, ResultsHandler h) => (await h.StatisticsAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "考试"))
            .WithSummary("试题分析（创建办）：每题难度系数（得分率）、区分度（高低分组各27%）、按来源的得分率，试卷信度 Cronbach α（全部为0/满分计分时即 KR-20）")
            .Produces<ExamStatisticsDto>();
        api.MapGet("/{id:guid}/results.xlsx", async (Guid id, HttpContext ctx, ResultsHandler h, AppDbContext db, ExportMark mark, TempFiles files) =>
            {
                var actor = ctx.Scope();
                var results = await h.ResultsAsync(actor, id);
                if (!results.IsOk)
                {
                    return results.ToHttp(_ => Results.Empty, "考试");
                }
                var stats = await h.StatisticsAsync(actor, id);
                db.Record(actor, AuditActions.Export, $"考试 {results.Value!.Name} 成绩 Excel");
                await db.SaveChangesAsync();
                return await files.DownloadAsync(s => ExamDocuments.WriteResultsAsync(s, results.Value!, stats.IsOk ? stats.Value : null, mark.Sheet(actor)),
                    ExcelSheets.XlsxContentType, $"{results.Value!.Name}-成绩.xlsx");
            })
            .WithSummary("导出成绩（Excel：考生成绩、单位汇总、类别汇总，创建办另含试题分析和信度；带密级标记，记入审计）");
        api.MapGet("/{id:guid}/grading", async (Guid id, HttpContext ctx, ResultsHandler h) => (await h.GradingQueueAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "考试"))
            .WithSummary("待评的简答、论述题（指定阅卷人或创建办），含参考答案和采分点").Produces<IReadOnlyList<GradingItemDto>>();
        api.MapPut("/{id:guid}/grading/{itemId:guid}", async (Guid id, Guid itemId, GradeRequest body, HttpContext ctx, ResultsHandler h) =>
                (await h.GradeAsync(ctx.Scope(), id, itemId, body.Score)).ToHttp(Results.Ok, "试题"))
            .WithSummary("给一道简答/论述题打分；双评时两评之差超过允许误差则交第三人评定").Produces<GradingItemDto>().ProducesValidationProblem();
        api.MapGet("/grading/mine", async (HttpContext ctx, GradersHandler h) => Results.Ok(await h.MineAsync(ctx.Scope())))
            .WithSummary("我的阅卷任务：本人被指定为阅卷人的考试及待评题数").Produces<IReadOnlyList<GradingAssignmentDto>>();
        api.MapGet("/{id:guid}/graders", async (Guid id, HttpContext ctx, GradersHandler h) => (await h.ListAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "考试"))
            .WithSummary("本场考试的阅卷人（创建办）").Produces<IReadOnlyList<GraderCandidateDto>>();
        api.MapGet("/{id:guid}/graders/candidates", async (Guid id, HttpContext ctx, GradersHandler h, string? q, int? page, int? pageSize) =>
                (await h.CandidatesAsync(ctx.Scope(), id, q, PageRequest.Of(page, pageSize))).ToHttp(Results.Ok, "考试"))
            .WithSummary("可指定为阅卷人的账号（本区划及下级区划、未停用、非三员；分页，q 按账号或姓名筛选）").Produces<Paged<GraderCandidateDto>>();
        api.MapPut("/{id:guid}/graders", async (Guid id, GradersRequest body, HttpContext ctx, GradersHandler h) =>
                (await h.SetAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "考试"))
            .WithSummary("指定阅卷人：graders 为账号 id 列表（整体替换，最多 50 人），记入审计").Produces<IReadOnlyList<GraderCandidateDto>>().ProducesValidationProblem();
    }

    private static void MapRosters(RouteGroupBuilder api)
    {
        api.MapGet("/people", (HttpContext ctx, RostersHandler h, Guid? unitId, string? category, int? page, int? pageSize) =>
                h.ListAsync(ctx.Scope(), unitId, category, PageRequest.Of(page, pageSize)))
            .WithSummary("考试人员名单（分页）：职务、职级、最近提拔日期、执法证号及有效期、入职公务员日期、人员类别（new_leader 近两年新提拔领导干部、enforcement_officer 行政执法人员、new_civil_servant 初任公务员；自动判定或人工设定）")
            .Produces<Paged<RosterPersonDto>>();
        api.MapPut("/people/{id:guid}", async (Guid id, ExamProfileRequest body, HttpContext ctx, RostersHandler h) =>
                (await h.UpdateAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "人员"))
            .WithSummary("修改一名人员的考试信息（创建办，或本单位联络员）；categories 为 null 时按属性自动判定").Produces<RosterPersonDto>().ProducesValidationProblem();
        api.MapPost("/people/import", async (IFormFile file, HttpContext ctx, RostersHandler h) =>
            {
                await using var stream = new MemoryStream();
                await file.CopyToAsync(stream);
                stream.Position = 0;
                return (await h.ImportAsync(ctx.Scope(), stream, file.FileName)).ToHttp(Results.Ok);
            })
            .DisableAntiforgery()
            .WithSummary("从 Excel 批量修改人员考试信息（列同名单导出：单位、姓名、职务、职级、最近提拔日期、执法证号、执法证有效期至、入职公务员日期、人员类别）；任一行有误则全部不改")
            .Produces<ProfileImportDto>().ProducesValidationProblem();
        api.MapGet("/people/export.xlsx", async (Guid? unitId, HttpContext ctx, RostersHandler h, TempFiles files) =>
            {
                var export = await h.ExportAsync(ctx.Scope(), unitId);
                return export.IsOk ? await files.DownloadAsync(export.Value!, ExcelSheets.XlsxContentType, "考试人员名单.xlsx") : export.ToHttp(_ => Results.Empty, "单位");
            })
            .WithSummary("导出三类人员名单（近两年新提拔领导干部、行政执法人员、初任公务员；?unitId= 为一个单位，否则全区），带密级标记，记入审计");
    }

    private static void MapTraining(RouteGroupBuilder api)
    {
        api.MapPost("/training/events", async (TrainingEventRequest body, HttpContext ctx, TrainingHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(e => Results.Created($"/api/v1/exams/training/events/{e.Id}", e)))
            .WithSummary("登记学法培训（创建办）：date、hours、topic、kind = course 集中培训 / lecture 专题讲座 / court_hearing 庭审旁听 / online 网络学习")
            .Produces<TrainingEventDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/training/events", (HttpContext ctx, TrainingHandler h, int? year, int? page, int? pageSize) =>
                h.ListAsync(ctx.Scope(), year, PageRequest.Of(page, pageSize)))
            .WithSummary("学法培训台账（分页）").Produces<Paged<TrainingEventDto>>();
        api.MapPost("/training/events/{id:guid}/attendance", async (Guid id, IFormFile file, HttpContext ctx, TrainingHandler h) =>
            {
                await using var stream = new MemoryStream();
                await file.CopyToAsync(stream);
                stream.Position = 0;
                return (await h.ImportAttendanceAsync(ctx.Scope(), id, stream, file.FileName)).ToHttp(Results.Ok, "培训");
            })
            .DisableAntiforgery()
            .WithSummary("导入参训名单（Excel 列：单位、姓名、学时（可省，默认本次学时））；任一行有误则全部不导入；替换该次培训原名单")
            .Produces<AttendanceImportDto>().ProducesValidationProblem();
        api.MapGet("/training/compliance", async (int? year, Guid? unitId, decimal? hours, HttpContext ctx, TrainingHandler h, Domain.Common.IChinaClock clock) =>
                (await h.ComplianceAsync(ctx.Scope(), year ?? clock.Today.Year, unitId, hours)).ToHttp(Results.Ok))
            .WithSummary("学时达标情况：每人全年学时、行政执法人员不少于40学时（?hours= 可调整当年要求）、新提拔领导干部每年至少两次法治讲座和一次庭审旁听（指标94），按单位汇总")
            .Produces<ComplianceDto>();
        api.MapGet("/training/compliance.xlsx", async (int? year, Guid? unitId, HttpContext ctx, TrainingHandler h, TempFiles files, Domain.Common.IChinaClock clock) =>
            {
                var y = year ?? clock.Today.Year;
                var export = await h.ExportAsync(ctx.Scope(), y, unitId);
                return export.IsOk ? await files.DownloadAsync(export.Value!, ExcelSheets.XlsxContentType, $"学法培训台账-{y}.xlsx") : export.ToHttp(_ => Results.Empty);
            })
            .WithSummary("导出学时达标情况（作为填报佐证材料；带密级标记，记入审计）");
    }

    private static void MapExaminee(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/exams/access", async (AccessRequest body, HttpContext ctx, ExamineeSessions h) =>
                (await h.AccessAsync(body.Code, ctx.Connection.RemoteIpAddress?.ToString())).ToHttp(Results.Ok))
            .AllowAnonymous().RequireRateLimiting(SignInRateLimits.SignIn).WithTags("随机抽考（考生）")
            .WithSummary("考生用准考码换取访问令牌（仅限本人本场考试，考试结束即失效）；以 Authorization: Bearer 令牌调用 /api/v1/me/exams")
            .Produces<AccessTokenDto>().ProducesValidationProblem();
        var me = app.MapGroup("/api/v1/me/exams").AllowAnonymous().WithTags("随机抽考（考生）");
        me.MapGet("/", async (HttpContext ctx, ExamineeTokens tokens, ExamineeSessions h) =>
                await h.OpenAsync(tokens.Read(ctx)) is { } t ? Results.Ok(await h.MineAsync(t)) : Unauthorized())
            .WithSummary("考生本人的考试（需考生令牌）").Produces<IReadOnlyList<MyExamDto>>().ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapGet("/{id:guid}/paper", async (Guid id, HttpContext ctx, ExamineeTokens tokens, ExamineeSessions h) =>
                await h.OpenAsync(tokens.Read(ctx)) is { } t ? (await h.PaperAsync(t, id)).ToHttp(Results.Ok, "考试") : Unauthorized())
            .WithSummary("本人试卷（不含答案），按本人题序；首次打开开始计时（服务器计时）；已保存的答案一并返回以便断线续答；超时自动交卷")
            .Produces<PaperDto>().ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapPut("/{id:guid}/answers/{itemId:guid}", async (Guid id, Guid itemId, ExamAnswerRequest body, HttpContext ctx, ExamineeTokens tokens, ExamineeSessions h) =>
                await h.OpenAsync(tokens.Read(ctx)) is { } t ? (await h.SaveAnswerAsync(t, id, itemId, body.Answer)).ToHttp(_ => Results.NoContent(), "试题") : Unauthorized())
            .WithSummary("保存一道题的答案（原样保存）：选择题为本人试卷上的选项字母（\"B\"、\"ABD\"），判断题 true/false（或 \"对\"/\"错\"、\"正确\"/\"错误\"），填空题每空一个字符串（多空为列表），简答/论述为文字；已交卷或超时 409")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapPost("/{id:guid}/submit", async (Guid id, HttpContext ctx, ExamineeTokens tokens, ExamineeSessions h) =>
                await h.OpenAsync(tokens.Read(ctx)) is { } t ? (await h.SubmitAsync(t, id)).ToHttp(Results.Ok, "考试") : Unauthorized())
            .WithSummary("交卷：客观题自动评分，返回 {objectiveScore, maxObjectiveScore}；再次交卷返回同一结果").Produces<SubmittedScoreDto>();
        me.MapPost("/{id:guid}/events", async (Guid id, DisciplineEventRequest body, HttpContext ctx, ExamineeTokens tokens, ExamineeSessions h) =>
                await h.OpenAsync(tokens.Read(ctx)) is { } t ? (await h.RecordEventAsync(t, id, body.Kind)).ToHttp(_ => Results.NoContent(), "考试") : Unauthorized())
            .WithSummary("考试纪律：记一次离开页面（leave）或粘贴（paste），监考视图可见").Produces(StatusCodes.Status204NoContent);
    }

    private static IResult Unauthorized() => Problems.Status(StatusCodes.Status401Unauthorized, "需要考生令牌", "请先用准考码换取令牌（POST /api/v1/exams/access）");

    private static IResult ImportProblem(IReadOnlyList<ImportError> errors) => Results.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "导入失败，未导入任何试题",
        Detail = string.Join("；", errors.Take(20).Select(e => e.Message)),
        Extensions = { ["errors"] = errors },
    });
}

public static class ExamsRegistration
{
    public static IServiceCollection AddExamsFeature(this IServiceCollection services)
    {
        services.AddSingleton<ExamineeTokens>();
        services.AddScoped<ImportQuestionsHandler>();
        services.AddScoped<QuestionTemplate>();
        services.AddScoped<Office.SlipsHandler>();
        services.AddScoped<QuestionBankHandler>();
        services.AddScoped<ExamsHandler>();
        services.AddScoped<GradersHandler>();
        services.AddScoped<ExamineeSessions>();
        services.AddBatchWriter<TakeExam.ExamAnswerWriter>();
        services.AddSingleton<TakeExam.ExamineeCache>();
        services.AddMemoryCache();
        services.AddScoped<ResultsHandler>();
        services.AddScoped<RostersHandler>();
        services.AddScoped<TrainingHandler>();
        return services;
    }
}
