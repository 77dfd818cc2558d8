using InspectReady.Web.Domain.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InspectReady.Web.Features.Shared.Import;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Domain.Calendar;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Calendar.Years;

/// <summary>
/// The years of holiday data: the shipped ones and those an administrator (系统管理员, 创建办) imported or edited.
/// A stored year replaces the shipped year as a whole; every change is audited and refreshes the calendar.
/// </summary>
public sealed partial class HolidayYearsHandler(IDbContextFactory<AppDbContext> factory, WorkingCalendarHandler calendar, IChinaClock clock)
{
    public const long MaxBytes = 1024 * 1024;

    public static bool CanManage(UserScope actor) => actor.IsInAnyRole(Roles.SystemAdmin, Roles.Office);

    public async Task<IReadOnlyList<HolidayYearDto>> ListAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var stored = await db.HolidayYears.AsNoTracking().ToListAsync();
        var shipped = ShippedHolidayYears.All.ToDictionary(y => y.Year);
        var list = new List<HolidayYearDto>();
        foreach (var year in shipped.Keys.Union(stored.Select(s => s.Year)).Order())
        {
            var row = stored.FirstOrDefault(s => s.Year == year);
            var data = row is null ? shipped[year] : HolidayYearParser.Parse(row.Json, null).Year;
            list.Add(new HolidayYearDto(year, row?.Source ?? HolidayYearSource.Shipped, row is not null && shipped.ContainsKey(year),
                data?.Days.Count(d => d.IsOffDay) ?? 0, data?.Days.Count(d => !d.IsOffDay) ?? 0, data?.Papers ?? [],
                row?.UpdatedAt, row?.UpdatedBy));
        }
        return list;
    }

    /// <summary>The year's entries as in force (stored or shipped), or null when the year has no data.</summary>
    public async Task<HolidayYear?> FindAsync(int year)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await EffectiveAsync(db, year);
    }

    public async Task<Outcome<HolidayYearDto>> ImportAsync(UserScope actor, Stream content, string fileName)
    {
        if (!CanManage(actor))
        {
            return Outcome<HolidayYearDto>.Forbidden();
        }
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return await ImportWorkbookAsync(actor, content, fileName);
        }
        string json;
        try
        {
            using var reader = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            json = await reader.ReadToEndAsync();
        }
        catch (DecoderFallbackException)
        {
            return await RefuseAsync(actor, fileName, [$"文件编码错误：{fileName} 不是 UTF-8 编码的 JSON 文件"]);
        }
        var parsed = HolidayYearParser.Parse(json, fileName);
        if (!parsed.Succeeded)
        {
            return await RefuseAsync(actor, fileName, parsed.Errors);
        }

        var year = parsed.Year;
        await using var db = await factory.CreateDbContextAsync();
        var row = await db.HolidayYears.FirstOrDefaultAsync(y => y.Year == year.Year);
        var replaced = row is not null ? $"替换了此前{HolidayYearSource.Label(row.Source)}的数据" :
            ShippedHolidayYears.All.Any(y => y.Year == year.Year) ? "替换了内置数据" : "新增年份";
        Store(db, row, year, HolidayYearSource.Imported, actor);
        db.Record(actor, AuditActions.Import, $"{year.Year}年节假日安排（{fileName}）",
            detail: $"放假{year.Days.Count(d => d.IsOffDay)}天、调休上班{year.Days.Count(d => !d.IsOffDay)}天；{replaced}");
        return await SaveAsync(db, year.Year);
    }

    public const string SheetName = "节假日安排";

    /// <summary>The workbook form of a year: one day per row (放假 or 调休上班), the notice's address on at least one row.</summary>
    public static readonly ImportSheet Spec = new(SheetName,
    [
        new("日期", ImportType.Date, Required: true) { Example = "2029-10-01" },
        new("名称", Required: true) { Synonyms = ["节日", "节日名称", "节假日"], Example = "国庆节" },
        ImportColumn.Choice("安排", [new ImportChoice("off", "放假"), new ImportChoice("work", "调休上班")], required: true)
            with { Synonyms = ["类型", "放假或上班"], Example = "放假" },
        new("年份", ImportType.WholeNumber) { Help = "安排所属的年份；不填时取第一行日期的年份（跨年的元旦等须填写）", Example = "2029" },
        new("通知网址") { Synonyms = ["依据", "通知"], Help = "所依据的国务院办公厅通知网址，至少一行填写", Example = "https://www.gov.cn/zhengce/content/示例.htm" },
    ]);

    public static Task WriteTemplateAsync(Stream output) => ImportTemplate.WriteAsync(output, Spec);

    private async Task<Outcome<HolidayYearDto>> ImportWorkbookAsync(UserScope actor, Stream content, string fileName)
    {
        var opened = ImportFile.Open(content, fileName);
        if (!opened.IsOk)
        {
            return opened.As<HolidayYearDto>();
        }
        var book = opened.Value!;
        var sheet = book.Sheet(Spec);
        var days = new List<HolidayDay>();
        var rowOf = new List<int>();
        var papers = new List<string>();
        int? year = null;
        foreach (var r in sheet)
        {
            if (r.Text("通知网址") is { Length: > 0 } paper && !papers.Contains(paper))
            {
                papers.Add(paper);
            }
            var stated = r.WholeNumber("年份") is { } y ? (int)y : (int?)null;
            year ??= stated ?? r.Date("日期")?.Year;
            if (stated is { } s && s != year)
            {
                r.Fail("年份", $"年份{s}与上方各行的{year}年不同：一个文件只能导入一年的安排");
            }
            if (r.ParsedCleanly && r.Date("日期") is { } date)
            {
                days.Add(new HolidayDay(date, r.Text("名称"), r.Code("安排") == "off"));
                rowOf.Add(r.Number);
            }
        }
        await using var db = await factory.CreateDbContextAsync();
        if (!book.HasErrors)
        {
            var parsed = new HolidayYear(year ?? 0, papers, days);
            foreach (var problem in HolidayYearParser.Validate(parsed, fileName))
            {
                // The rules name a day as days[i]: say which row of the sheet it is.
                var match = DayIndex().Match(problem);
                var row = match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var i && i < rowOf.Count ? rowOf[i] : (int?)null;
                var message = DayIndex().Replace(problem, m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var j && j < rowOf.Count ? $"第{rowOf[j]}行" : m.Value);
                sheet.Fail(row, row is null ? null : ColumnOfRow(problem), message);
            }
        }
        if (book.HasErrors)
        {
            return await Imports.RefuseAsync<HolidayYearDto>(db, actor, book, $"节假日安排（{fileName}）");
        }
        var data = new HolidayYear(year!.Value, papers, [.. days.OrderBy(d => d.Date)]);
        var stored = await db.HolidayYears.FirstOrDefaultAsync(y => y.Year == data.Year);
        var replaced = stored is not null ? $"替换了此前{HolidayYearSource.Label(stored.Source)}的数据" :
            ShippedHolidayYears.All.Any(y => y.Year == data.Year) ? "替换了内置数据" : "新增年份";
        Store(db, stored, data, HolidayYearSource.Imported, actor);
        db.Record(actor, AuditActions.Import, $"{data.Year}年节假日安排（{fileName}）",
            detail: $"放假{data.Days.Count(d => d.IsOffDay)}天、调休上班{data.Days.Count(d => !d.IsOffDay)}天；{replaced}");
        // One SaveChanges is one transaction: the year and its audit record land together, or neither does.
        return await SaveAsync(db, data.Year);
    }

    [GeneratedRegex(@"days\[(\d+)\]")]
    private static partial Regex DayIndex();

    private static string ColumnOfRow(string problem) =>
        problem.StartsWith("调休上班日不在周末", StringComparison.Ordinal) ? "安排"
        : problem.StartsWith("名称为空", StringComparison.Ordinal) ? "名称"
        : "日期";

    /// <summary>Adds or changes the entry for <paramref name="date"/> in the arrangement of <paramref name="year"/>.</summary>
    public async Task<Outcome<HolidayYearDto>> SetDayAsync(UserScope actor, int year, DateOnly date, HolidayDayRequest request)
    {
        if (!CanManage(actor))
        {
            return Outcome<HolidayYearDto>.Forbidden();
        }
        var errors = new List<FieldError>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new FieldError(null, "name", "节日名称不能为空，如“国庆节”"));
        }
        if (request.IsOffDay is null)
        {
            errors.Add(new FieldError(null, "isOffDay", "请指定该日是放假（true）还是调休上班（false）"));
        }
        if (errors.Count > 0)
        {
            return Outcome<HolidayYearDto>.Invalid(errors);
        }
        await using var db = await factory.CreateDbContextAsync();
        if (await EffectiveAsync(db, year) is not { } current)
        {
            return Outcome<HolidayYearDto>.NotFound();
        }
        var before = current.Days.FirstOrDefault(d => d.Date == date);
        var entry = new HolidayDay(date, name, request.IsOffDay!.Value);
        var days = current.Days.Where(d => d.Date != date).Append(entry).OrderBy(d => d.Date).ToList();
        return await ChangeAsync(db, actor, current with { Days = days }, date,
            $"{Describe(before)} → {Describe(entry)}");
    }

    /// <summary>Removes the entry for <paramref name="date"/>: the day becomes an ordinary weekday or weekend day.</summary>
    public async Task<Outcome<HolidayYearDto>> RemoveDayAsync(UserScope actor, int year, DateOnly date)
    {
        if (!CanManage(actor))
        {
            return Outcome<HolidayYearDto>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        if (await EffectiveAsync(db, year) is not { } current || current.Days.FirstOrDefault(d => d.Date == date) is not { } before)
        {
            return Outcome<HolidayYearDto>.NotFound();
        }
        return await ChangeAsync(db, actor, current with { Days = [.. current.Days.Where(d => d.Date != date)] }, date,
            $"{Describe(before)} → 删除（按星期计）");
    }

    /// <summary>Drops the stored version: the shipped year applies again, or the year has no data at all.</summary>
    public async Task<Outcome<HolidayYearDto?>> ResetAsync(UserScope actor, int year)
    {
        if (!CanManage(actor))
        {
            return Outcome<HolidayYearDto?>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        var row = await db.HolidayYears.FirstOrDefaultAsync(y => y.Year == year);
        if (row is null)
        {
            return Outcome<HolidayYearDto?>.NotFound();
        }
        var shipped = ShippedHolidayYears.All.Any(y => y.Year == year);
        db.HolidayYears.Remove(row);
        db.Record(actor, AuditActions.Delete, $"{year}年节假日安排（{HolidayYearSource.Label(row.Source)}）",
            detail: shipped ? "恢复为内置数据" : "该年不再有节假日数据，涉及该年的计算将提示缺少数据");
        var saved = await SaveAsync(db, year);
        return saved.IsOk ? Outcome<HolidayYearDto?>.Ok(saved.Value) : new Outcome<HolidayYearDto?>(saved.Kind, null, saved.Errors);
    }

    private async Task<Outcome<HolidayYearDto>> ChangeAsync(AppDbContext db, UserScope actor, HolidayYear changed, DateOnly date, string what)
    {
        var label = $"{changed.Year}年安排";
        var problems = HolidayYearParser.Validate(changed, label);
        if (problems.Count > 0)
        {
            return Outcome<HolidayYearDto>.Invalid([.. problems.Select(p => new FieldError(null, ColumnOf(p), p))]);
        }
        var row = await db.HolidayYears.FirstOrDefaultAsync(y => y.Year == changed.Year);
        Store(db, row, changed, HolidayYearSource.Edited, actor);
        db.Record(actor, AuditActions.Update, $"{changed.Year}年节假日安排 {CalendarText.Iso(date)}", detail: what);
        return await SaveAsync(db, changed.Year);
    }

    private async Task<Outcome<HolidayYearDto>> SaveAsync(AppDbContext db, int year)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A concurrent import or edit of the same year won (revision token or primary key).
            return Outcome<HolidayYearDto>.Conflict($"{year}年的节假日数据刚被他人修改，请刷新后重试");
        }
        finally
        {
            calendar.Invalidate();
        }
        var dto = (await ListAsync()).FirstOrDefault(y => y.Year == year);
        return Outcome<HolidayYearDto>.Ok(dto!);
    }

    private async Task<Outcome<HolidayYearDto>> RefuseAsync(UserScope actor, string fileName, IReadOnlyList<string> errors)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.Record(actor, AuditActions.Import, $"节假日安排（{fileName}）", AuditResult.Failure, $"{errors.Count}处错误，未导入");
        await db.SaveChangesAsync();
        return Outcome<HolidayYearDto>.Invalid([.. errors.Select(e => new FieldError(null, "file", e))]);
    }

    private void Store(AppDbContext db, StoredHolidayYear? row, HolidayYear year, string source, UserScope actor)
    {
        if (row is null)
        {
            row = new StoredHolidayYear { Year = year.Year, Json = "", Source = source, UpdatedBy = actor.UserName };
            db.HolidayYears.Add(row);
        }
        row.Json = HolidayYearParser.ToJson(year);
        row.Source = source;
        row.Revision = Guid.NewGuid();
        row.UpdatedAt = clock.UtcNow;
        row.UpdatedBy = actor.UserName;
    }

    private static async Task<HolidayYear?> EffectiveAsync(AppDbContext db, int year)
    {
        var row = await db.HolidayYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year);
        return row is not null
            ? HolidayYearParser.Parse(row.Json, null).Year
            : ShippedHolidayYears.All.FirstOrDefault(y => y.Year == year);
    }

    private static string Describe(HolidayDay? day) =>
        day is null ? "无安排" : $"{day.Name}{(day.IsOffDay ? "放假" : "调休上班")}";

    private static string ColumnOf(string problem) =>
        problem.StartsWith("调休上班日不在周末", StringComparison.Ordinal) ? "isOffDay"
        : problem.StartsWith("名称为空", StringComparison.Ordinal) ? "name"
        : "date";
}
