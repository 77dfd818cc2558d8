using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Data;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Surveys.Build;
using InspectReady.Web.Features.Surveys.Publicity;
using InspectReady.Web.Features.Surveys.Rectifications;
using InspectReady.Web.Features.Surveys.Respond;
using InspectReady.Web.Features.Surveys.SurveyResults;
using InspectReady.Web.Features.Surveys.Telephone;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;
using MiniExcelLibs;
using QRCoder;

namespace InspectReady.Web.Features.Surveys;

/// <summary>The survey's routes: the builder and results (创建办), the public path (anonymous), the rectification list and the publicity register.</summary>
public static class SurveysApi
{
    public static void MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/surveys").RequireAuthorization().WithTags("满意度调查");
        MapBuilder(api);
        MapResults(api);
        MapTelephone(api);
        MapRectifications(api);
        MapPublic(app);
        MapPublicity(app.MapGroup("/api/v1/publicity").RequireAuthorization().WithTags("宣传活动台账"));
    }

    private static void MapBuilder(RouteGroupBuilder api)
    {
        api.MapGet("/topics", () => SurveysHandler.Topics()).WithSummary("题目可归属的主题：七个评价领域和四率（代码与中文名）");
        api.MapGet("/templates/example", () => SurveysHandler.Example())
            .WithSummary("内置示例模板（示例）：七个领域各一题、知晓率/支持率/参与率/满意率题和“为什么不满意”追问；可直接作为 POST /api/v1/surveys 的请求体");
        api.MapGet("/", (HttpContext ctx, SurveysHandler h, int? page, int? pageSize) => h.ListAsync(ctx.Scope(), page, pageSize))
            .WithSummary("本区划（及下级）的满意度调查（分页）");
        api.MapPost("/", async (SurveyRequest body, HttpContext ctx, SurveysHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(s => Results.Created($"/api/v1/surveys/{s.Id}", s)))
            .WithSummary("新建调查（创建办）：questions 为 [{type, text, topic, options?, weight?, scores?, rows?, showIf?, required?, indicators?}]；" +
                "type 为 single、multiple、scale5、matrix5、rating10、text；scale5 选项为很满意、满意、一般、不满意、很不满意，默认计 100、80、60、40、20 分（scaleScores 可改）；" +
                "showIf {question, values} 为追问条件；groups、areas、quotas [{group, area, target}] 为样本配额")
            .Produces<SurveyDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/{id:guid}", async (Guid id, HttpContext ctx, SurveysHandler h) => (await h.GetAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "调查"))
            .WithSummary("调查的题目、权重、配额、公开链接和邀请码数量").Produces<SurveyDto>();
        api.MapPut("/{id:guid}", async (Guid id, SurveyRequest body, HttpContext ctx, SurveysHandler h) =>
                (await h.UpdateAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "调查"))
            .WithSummary("修改草稿调查的名称和全部设计（与 POST /api/v1/surveys 相同的请求体，整体替换）；已发布或已结束的调查 409（只能修改权重）")
            .Produces<SurveyDto>().ProducesValidationProblem();
        api.MapPut("/{id:guid}/weights", async (Guid id, WeightsRequest body, HttpContext ctx, SurveysHandler h) =>
                (await h.SetWeightsAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "调查"))
            .WithSummary("修改主题权重（topicWeights）和题目权重（questionWeights，按题序）；只影响指数的计算").ProducesValidationProblem();
        api.MapPost("/{id:guid}/publish", async (Guid id, HttpContext ctx, SurveysHandler h) =>
                (await h.PublishAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "调查"))
            .WithSummary("发布调查，返回公开链接的 publicToken（/s/{publicToken} 免登录作答）").Produces<PublishedDto>();
        api.MapPost("/{id:guid}/close", async (Guid id, HttpContext ctx, SurveysHandler h) =>
            (await h.CloseAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "调查")).WithSummary("结束调查：公开链接不再接收答卷（404）");
        api.MapPost("/{id:guid}/links", async (Guid id, LinkRequest body, HttpContext ctx, SurveysHandler h) =>
                (await h.AddLinkAsync(ctx.Scope(), id, body)).ToHttp(l => Results.Created(l.Url, l), "调查"))
            .WithSummary("按群体和/或区域新增一个公开链接（及二维码）").Produces<LinkDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/{id:guid}/links/{linkId:guid}/qr.png", (Guid id, Guid linkId, HttpContext ctx, SurveysHandler h) =>
                QrAsync(ctx, h, id, linkId, svg: false)).WithSummary("公开链接的二维码（PNG）");
        api.MapGet("/{id:guid}/links/{linkId:guid}/qr.svg", (Guid id, Guid linkId, HttpContext ctx, SurveysHandler h) =>
                QrAsync(ctx, h, id, linkId, svg: true)).WithSummary("公开链接的二维码（SVG，可印刷）");
        api.MapPost("/{id:guid}/invitations", async (Guid id, InvitationsRequest body, HttpContext ctx, SurveysHandler h) =>
                (await h.AddInvitationsAsync(ctx.Scope(), id, body)).ToHttp(i => Results.Created($"/api/v1/surveys/{id}", i), "调查"))
            .WithSummary("为封闭样本生成邀请码（每个只能作答一次）").Produces<InvitationsDto>(StatusCodes.Status201Created).ProducesValidationProblem();
    }

    private static async Task<IResult> QrAsync(HttpContext ctx, SurveysHandler h, Guid id, Guid linkId, bool svg)
    {
        var outcome = await h.LinkAsync(ctx.Scope(), id, linkId);
        if (!outcome.IsOk)
        {
            return outcome.ToHttp(_ => Results.Ok(), "公开链接");
        }
        var configured = ctx.RequestServices.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Surveys:PublicBaseUrl"];
        var origin = configured is { Length: > 0 } ? configured.TrimEnd('/') : $"{ctx.Request.Scheme}://{ctx.Request.Host}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(origin + SurveysHandler.PublicPath(outcome.Value!.Token), QRCodeGenerator.ECCLevel.M);
        return svg
            ? Results.Text(new SvgQRCode(data).GetGraphic(8), "image/svg+xml")
            : Results.Bytes(new PngByteQRCode(data).GetGraphic(10), "image/png");
    }

    private static void MapResults(RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/results", async (Guid id, HttpContext ctx, SurveyResultsHandler h) => (await h.GetAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "调查"))
            .WithSummary("调查结果：responses、topics [{topic, label, index, rate, answers}]（index 0–100 为该主题计分答案的加权平均）、" +
                "rates（知晓率、支持率、参与率、满意率）、overall、byArea、byGroup、quotas、calls")
            .Produces<SurveyResultsDto>();
        api.MapGet("/{id:guid}/results/export.xlsx", async (Guid id, HttpContext ctx, SurveyResultsHandler h, SurveyRectificationsHandler rect,
                TempFiles files, ExportMark mark, AppDbContext db) =>
            {
                var actor = ctx.Scope();
                var results = await h.GetAsync(actor, id);
                if (!results.IsOk)
                {
                    return results.ToHttp(Results.Ok, "调查");
                }
                var items = await rect.ListAsync(actor, surveyId: id, pageSize: Shared.Paging.PageRequest.MaxSize);
                db.Record(actor, AuditActions.Export, $"满意度调查结果 Excel {results.Value!.Title}");
                await db.SaveChangesAsync();
                return await files.DownloadAsync(s =>
                {
                    SurveyResultsExport.Write(results.Value, items.Items, mark.Sheet(actor), s);
                    return Task.CompletedTask;
                }, ExcelSheets.XlsxContentType, $"满意度调查结果-{ChinaDateText(ctx)}.xlsx");
            })
            .WithSummary("导出调查结果 Excel（带密级标记；记入审计）：主题指数、四率、按区域、按群体、配额、整改台账");
        api.MapGet("/{id:guid}/comments", async (Guid id, HttpContext ctx, SurveyResultsHandler h, int? page, int? pageSize) =>
                (await h.CommentsAsync(ctx.Scope(), id, page, pageSize)).ToHttp(Results.Ok, "调查"))
            .WithSummary("文字意见（分页），供创建办编码为整改事项；coded 为已据此生成的整改事项数");
    }

    private static string ChinaDateText(HttpContext ctx) =>
        ctx.RequestServices.GetRequiredService<Domain.Common.IChinaClock>().Today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private static void MapTelephone(RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/calls/draw", async (Guid id, CallDrawRequest body, HttpContext ctx, CallsHandler h) =>
                (await h.DrawAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "调查"))
            .WithSummary("从抽样框 entries [{phone, group?, area?}] 随机抽取 count 个号码加入电话访问名单；seed 相同则结果相同；已在名单中的号码不重复抽取")
            .Produces<CallDrawDto>().ProducesValidationProblem();
        api.MapGet("/{id:guid}/calls", async (Guid id, HttpContext ctx, CallsHandler h, string? outcome, int? page, int? pageSize) =>
                (await h.ListAsync(ctx.Scope(), id, outcome, page, pageSize)).ToHttp(Results.Ok, "调查"))
            .WithSummary("电话访问名单（分页；号码脱敏）；?outcome=answered|refused|unreachable|pending");
        api.MapGet("/{id:guid}/calls/{callId:guid}/phone", async (Guid id, Guid callId, HttpContext ctx, CallsHandler h) =>
                (await h.RevealAsync(ctx.Scope(), id, callId)).ToHttp(Results.Ok, "电话访问名单"))
            .WithSummary("拨号前查看完整号码（记入审计）").Produces<PhoneDto>();
        api.MapPost("/{id:guid}/calls/{callId:guid}", async (Guid id, Guid callId, CallOutcomeRequest body, HttpContext ctx, CallsHandler h) =>
                (await h.RecordAsync(ctx.Scope(), id, callId, body)).ToHttp(Results.Ok, "电话访问名单"))
            .WithSummary("记录一次电话访问：outcome 为 answered（同时录入 answers，与公开作答相同的格式）、refused 或 unreachable；完成或拒访后不能再记录（409）")
            .Produces<CallDto>().ProducesValidationProblem();
    }

    private static void MapRectifications(RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/rectifications", async (Guid id, CodeCommentRequest body, HttpContext ctx, SurveyRectificationsHandler h) =>
                (await h.CodeAsync(ctx.Scope(), id, body)).ToHttp(r => Results.Created($"/api/v1/surveys/rectifications/{r.Id}", r), "调查"))
            .WithSummary("把一条群众意见（responseId + questionIndex）或创建办发现的问题编码为整改事项：责任单位 unitId、整改期限 deadline、问题 problem")
            .Produces<SurveyRectificationDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/rectifications", (HttpContext ctx, SurveyRectificationsHandler h, Guid? surveyId, Guid? unitId, string? state, int? page, int? pageSize) =>
                h.ListAsync(ctx.Scope(), surveyId, unitId, state, page, pageSize))
            .WithSummary("满意度调查整改台账（分页）；创建办看到本区划调查的，单位看到本单位的；state 为 open、done、confirmed");
        api.MapPost("/rectifications/{id:guid}/state", async (Guid id, RectificationStateRequest body, HttpContext ctx, SurveyRectificationsHandler h) =>
                (await h.MoveAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "整改事项"))
            .WithSummary("整改事项状态：责任单位报 done（须写 response），创建办 confirmed（销号）或退回 open").Produces<SurveyRectificationDto>();
    }

    private static void MapPublic(IEndpointRouteBuilder app)
    {
        app.MapGet("/s/{token}", async (string token, HttpContext ctx, PublicResponseHandler h) =>
            {
                var survey = await h.DescribeAsync(token);
                if (survey is null)
                {
                    return Results.Content(PublicSurveyPage.NotFound(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
                }
                var link = (await h.OpenLinkAsync(token))!.Value;
                var answered = ctx.Request.Cookies.ContainsKey(PublicResponseHandler.DeviceCookie(link.Survey.Id));
                return Results.Content(PublicSurveyPage.Render(token, survey, answered), "text/html; charset=utf-8");
            })
            .AllowAnonymous().WithTags("满意度调查（公开）").WithSummary("公开作答页（免登录，适配手机，不加载任何外部资源）；未知或已结束的调查 404");
        var pub = app.MapGroup("/api/v1/public/surveys").AllowAnonymous().WithTags("满意度调查（公开）");
        pub.MapGet("/{token}", async (string token, PublicResponseHandler h) =>
                await h.DescribeAsync(token) is { } survey ? Results.Ok(survey) : Problems.NotFound("调查"))
            .WithSummary("公开调查的题目（免登录）；未知或已结束的调查 404").Produces<PublicSurveyDto>();
        pub.MapPost("/{token}/responses", async (string token, ResponseRequest body, HttpContext ctx, PublicResponseHandler h) =>
            {
                var link = await h.OpenLinkAsync(token);
                var cookie = link is { } l ? PublicResponseHandler.DeviceCookie(l.Survey.Id) : null;
                var outcome = await h.SubmitAsync(token, body, cookie is not null && ctx.Request.Cookies.ContainsKey(cookie));
                if (outcome.IsOk && cookie is not null)
                {
                    // The cookie says only "answered" (no identifier): one response per device without fingerprinting it.
                    ctx.Response.Cookies.Append(cookie, "1", new CookieOptions
                    {
                        HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = ctx.Request.IsHttps, Path = "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true,
                    });
                }
                return outcome.ToHttp(r => Results.Created((string?)null, r), "调查");
            })
            .RequireRateLimiting(SurveyRateLimits.Responses)
            .WithSummary("提交答卷（免登录）：answers [{questionIndex, value}]（questionIndex 从 0 起；value 为选项文字、多选为文字列表、rating10 为数字、text 为文字），" +
                "invitation 为邀请码；同一邀请码或同一设备再次提交 409，配额已满 409，未知或已结束的调查 404；按来源地址限流（429）。答卷只记日期，不记时间、地址和浏览器信息")
            .Produces<ResponseReceivedDto>(StatusCodes.Status201Created).ProducesValidationProblem();
    }

    private static void MapPublicity(RouteGroupBuilder api)
    {
        api.MapGet("/kinds", () => PublicityHandler.Kinds()).WithSummary("宣传活动形式（代码与中文名）");
        api.MapGet("/activities", (HttpContext ctx, PublicityHandler h, Guid? unitId, string? street, int? page, int? pageSize) =>
                h.ListAsync(ctx.Scope(), unitId, street, page, pageSize))
            .WithSummary("宣传活动台账（分页）；创建办看到本区划的，单位看到本单位的；可按 unitId、street 筛选");
        api.MapPost("/activities", async (ActivityRequest body, HttpContext ctx, PublicityHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(a => Results.Created($"/api/v1/publicity/activities/{a.Id}", a), "单位"))
            .WithSummary("登记宣传活动：date、kind、place、street、unitId（组织单位）、reach（覆盖人数）、description")
            .Produces<ActivityDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapDelete("/activities/{id:guid}", async (Guid id, HttpContext ctx, PublicityHandler h) =>
            (await h.DeleteAsync(ctx.Scope(), id)).ToHttp(_ => Results.NoContent(), "宣传活动")).WithSummary("删除宣传活动");
        api.MapPost("/activities/{id:guid}/photos", async (Guid id, IFormFile file, HttpContext ctx, PublicityHandler h) =>
            {
                await using var stream = file.OpenReadStream();
                return (await h.AddPhotoAsync(ctx.Scope(), id, stream, file.FileName, ctx.RequestAborted))
                    .ToHttp(p => Results.Created(p.Url, p), "宣传活动");
            })
            .DisableAntiforgery()
            .WithSummary("上传活动照片（multipart 字段 file；图片或 PDF，按内容识别）").Produces<PhotoDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/activities/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, HttpContext ctx, PublicityHandler h) =>
            {
                var outcome = await h.OpenPhotoAsync(ctx.Scope(), id, photoId);
                return outcome.IsOk
                    ? Results.Stream(outcome.Value.Content, outcome.Value.Photo.ContentType, enableRangeProcessing: true)
                    : outcome.ToHttp(_ => Results.Ok(), "照片");
            })
            .WithSummary("活动照片");
        api.MapGet("/plan", (HttpContext ctx, PublicityHandler h) => h.PlanAsync(ctx.Scope())).WithSummary("宣传活动计划（创建办设定的各单位、各街道计划场次）");
        api.MapPut("/plan", async (PlanRequest body, HttpContext ctx, PublicityHandler h) =>
                (await h.SetPlanAsync(ctx.Scope(), body)).ToHttp(Results.Ok))
            .WithSummary("设定本区划的宣传活动计划（创建办）：items [{unitId | street, target}]，整体替换").ProducesValidationProblem();
        api.MapGet("/summary", (HttpContext ctx, PublicityHandler h) => h.SummaryAsync(ctx.Scope()))
            .WithSummary("按单位、按街道统计活动场次和覆盖人数，对照计划（met 为是否完成）");
        api.MapGet("/export.xlsx", async (HttpContext ctx, PublicityHandler h, TempFiles files, ExportMark mark, AppDbContext db) =>
            {
                var actor = ctx.Scope();
                var activities = await h.AllAsync(actor);
                var summary = await h.SummaryAsync(actor);
                db.Record(actor, AuditActions.Export, "宣传活动台账 Excel");
                await db.SaveChangesAsync();
                return await files.DownloadAsync(s =>
                {
                    PublicityExport.Write(activities, summary, mark.Sheet(actor), s);
                    return Task.CompletedTask;
                }, ExcelSheets.XlsxContentType, $"宣传活动台账-{ChinaDateText(ctx)}.xlsx");
            })
            .WithSummary("导出宣传活动台账 Excel（带密级标记；记入审计），作为填报佐证");
    }
}

/// <summary>The publicity register as a workbook: activities, tallies by unit and by street against the plan.</summary>
public static class PublicityExport
{
    public static void Write(IReadOnlyList<ActivityDto> activities, PublicitySummaryDto summary, List<Dictionary<string, object?>> mark, Stream output)
    {
        var rows = activities.Select(a => new Dictionary<string, object?>
        {
            ["日期"] = a.Date, ["形式"] = a.KindLabel, ["地点"] = a.Place, ["街道"] = a.Street, ["组织单位"] = a.UnitName, ["覆盖人数"] = a.Reach,
            ["活动内容"] = a.Description, ["照片数"] = a.Photos.Count, ["登记人"] = a.CreatedBy,
        }).ToList();
        List<Dictionary<string, object?>> Tally(IEnumerable<TallyDto> t, string column) => [.. t.Select(x => new Dictionary<string, object?>
        {
            [column] = x.Name, ["活动场次"] = x.Activities, ["覆盖人数"] = x.Reach, ["计划场次"] = x.Target, ["是否完成"] = x.Met switch { true => "完成", false => "未完成", _ => "无计划" },
        })];
        var empty = new Dictionary<string, object?> { ["名称"] = null, ["活动场次"] = null };
        MiniExcel.SaveAs(output, new Dictionary<string, object>
        {
            ["说明"] = mark,
            ["宣传活动"] = rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["日期"] = null, ["地点"] = null }],
            ["按单位"] = Tally(summary.ByUnit, "单位") is { Count: > 0 } u ? u : [empty],
            ["按街道"] = Tally(summary.ByStreet, "街道") is { Count: > 0 } s ? s : [empty],
        });
    }
}
