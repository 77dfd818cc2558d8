using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Domain.Common;
using System.Globalization;
using InspectReady.Web.Domain.Calendar;
using InspectReady.Web.Features.Calendar.MonthView;
using InspectReady.Web.Features.Calendar.Years;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.Web.Features.Calendar;

public static class CalendarApi
{
    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/calendar").RequireAuthorization().WithTags("工作日历");

        api.MapGet("/add-working-days", (string? from, string? days, WorkingCalendarHandler h, CancellationToken ct) =>
            {
                var errors = new List<FieldError>();
                var start = CalendarText.ParseDate(from, "from", errors);
                var count = ParseDays(days, errors);
                return errors.Count > 0
                    ? Task.FromResult(Problems.Validation(errors))
                    : ComputeAsync(h, c => Results.Ok(new AddWorkingDaysDto(CalendarText.Iso(c.AddWorkingDays(start!.Value, count!.Value)))), ct);
            })
            .WithSummary("from 之后第 N 个工作日：{\"date\": \"YYYY-MM-DD\"}；from 当日不计，days 为负数时向前推；涉及无数据年份 → 422，日期格式错误 → 400")
            .Produces<AddWorkingDaysDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/working-days", (string? from, string? to, WorkingCalendarHandler h, CancellationToken ct) =>
            {
                var errors = new List<FieldError>();
                var start = CalendarText.ParseDate(from, "from", errors);
                var end = CalendarText.ParseDate(to, "to", errors);
                return errors.Count > 0
                    ? Task.FromResult(Problems.Validation(errors))
                    : ComputeAsync(h, c => Results.Ok(new WorkingDaysCountDto(c.CountWorkingDays(start!.Value, end!.Value))), ct);
            })
            .WithSummary("区间 (from, to] 内的工作日数：{\"count\": N}；from 当日不计、to 当日计入，to 不晚于 from 时为 0")
            .Produces<WorkingDaysCountDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/is-working-day", (string? date, WorkingCalendarHandler h, CancellationToken ct) =>
            {
                var errors = new List<FieldError>();
                var day = CalendarText.ParseDate(date, "date", errors);
                return errors.Count > 0
                    ? Task.FromResult(Problems.Validation(errors))
                    : ComputeAsync(h, c =>
                    {
                        var info = c.Describe(day!.Value);
                        return Results.Ok(new IsWorkingDayDto(info.IsWorkingDay, info.HolidayName));
                    }, ct);
            })
            .WithSummary("某日是否工作日：{\"workingDay\": true|false, \"name\": 节日名称或 null}（调休上班日的 name 为其所属节日）")
            .Produces<IsWorkingDayDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/month", async (int year, int month, CalendarMonthHandler h, CancellationToken ct) =>
                year is < HolidayYearParser.MinYear or > HolidayYearParser.MaxYear || month is < 1 or > 12
                    ? Problems.Validation("month", $"年月无效：{year}年{month}月，年份应在{HolidayYearParser.MinYear}至{HolidayYearParser.MaxYear}之间，月份应为1至12")
                    : Results.Ok(await h.MonthAsync(year, month, ct)))
            .WithSummary("月历：每日类型（工作日、休息日、放假、调休上班；缺少数据时为“待定”并给出缺少的年份）")
            .Produces<CalendarMonthDto>();

        var years = api.MapGroup("/years");
        years.MapGet("/", (HolidayYearsHandler h) => h.ListAsync())
            .WithSummary("节假日数据的年份：内置、导入或编辑，以及放假、调休上班天数");
        years.MapGet("/{year:int}/file", async (int year, HolidayYearsHandler h) =>
                await h.FindAsync(year) is { } data
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(HolidayYearParser.ToJson(data)), "application/json", $"{year}.json")
                    : Problems.NotFound($"{year}年的节假日数据"))
            .WithSummary("下载某年现行的节假日安排（holiday-cn JSON 格式）");
        years.MapGet("/{year:int}/days", async (int year, HolidayYearsHandler h) =>
                await h.FindAsync(year) is { } data
                    ? Results.Ok(data.Days.Select(d => new HolidayDayDto(CalendarText.Iso(d.Date), d.Name, d.IsOffDay)))
                    : Problems.NotFound($"{year}年的节假日数据"))
            .WithSummary("某年现行安排中的各日（放假与调休上班）");
        years.MapGet("/template.xlsx", (TempFiles files) =>
                files.DownloadAsync(HolidayYearsHandler.WriteTemplateAsync, ExcelSheets.XlsxContentType, "节假日安排导入模板.xlsx"))
            .WithSummary("下载节假日安排的 Excel 导入模板（日期、名称、安排、年份、通知网址；附填写说明）");
        years.MapPost("/", async (IFormFile file, HttpContext ctx, HolidayYearsHandler h) =>
            {
                if (!HolidayYearsHandler.CanManage(ctx.Scope()))
                {
                    return Problems.Forbidden();
                }
                if (file.Length > HolidayYearsHandler.MaxBytes)
                {
                    return Problems.Validation([new FieldError(null, "file", $"文件“{file.FileName}”超过1MB上限")]);
                }
                await using var stream = file.OpenReadStream();
                return (await h.ImportAsync(ctx.Scope(), stream, file.FileName)).ToHttp(Results.Ok, "年份");
            })
            .DisableAntiforgery()
            .WithSummary("导入一年的国务院节假日安排（holiday-cn JSON，或按模板填写的 .xlsx；multipart 字段 file；系统管理员、创建办）；替换该年内置或此前导入的数据；校验不通过 → 400，errors 列出每处原因")
            .Produces<HolidayYearDto>().ProducesValidationProblem();
        years.MapPut("/{year:int}/days/{date}", async (int year, string date, HolidayDayRequest body, HttpContext ctx, HolidayYearsHandler h) =>
            {
                // Refuse before reading the input: a role that may not edit learns nothing from a validation message.
                if (!HolidayYearsHandler.CanManage(ctx.Scope()))
                {
                    return Problems.Forbidden();
                }
                var errors = new List<FieldError>();
                var day = CalendarText.ParseDate(date, "date", errors);
                return errors.Count > 0 ? Problems.Validation(errors)
                    : (await h.SetDayAsync(ctx.Scope(), year, day!.Value, body)).ToHttp(Results.Ok, $"{year}年的节假日数据");
            })
            .WithSummary("新增或修改某年安排中的一天：{\"name\": \"国庆节\", \"isOffDay\": true}（false 为调休上班，只能在周末）")
            .Produces<HolidayYearDto>().ProducesValidationProblem();
        years.MapDelete("/{year:int}/days/{date}", async (int year, string date, HttpContext ctx, HolidayYearsHandler h) =>
            {
                if (!HolidayYearsHandler.CanManage(ctx.Scope()))
                {
                    return Problems.Forbidden();
                }
                var errors = new List<FieldError>();
                var day = CalendarText.ParseDate(date, "date", errors);
                return errors.Count > 0 ? Problems.Validation(errors)
                    : (await h.RemoveDayAsync(ctx.Scope(), year, day!.Value)).ToHttp(Results.Ok, $"{year}年安排中该日");
            })
            .WithSummary("删除某年安排中的一天（该日按星期计算）");
        years.MapDelete("/{year:int}", async (int year, HttpContext ctx, HolidayYearsHandler h) =>
                (await h.ResetAsync(ctx.Scope(), year)).ToHttp(_ => Results.NoContent(), $"{year}年导入或编辑的数据"))
            .WithSummary("删除某年导入或编辑的数据：有内置数据的年份恢复为内置数据");
    }

    private static async Task<IResult> ComputeAsync(WorkingCalendarHandler h, Func<WorkingDayCalendar, IResult> compute, CancellationToken ct)
    {
        var calendar = await h.GetAsync(ct);
        try
        {
            return compute(calendar);
        }
        catch (CalendarYearMissingException ex)
        {
            return MissingYearProblem.From(ex);
        }
    }

    private static int? ParseDays(string? text, List<FieldError> errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days) && Math.Abs(days) <= 3660)
        {
            return days;
        }
        errors.Add(new FieldError(null, "days", string.IsNullOrWhiteSpace(text)
            ? "缺少参数 days，应为工作日天数（整数）"
            : $"参数 days 的值“{text}”无效，应为 -3660 至 3660 之间的整数"));
        return null;
    }
}
