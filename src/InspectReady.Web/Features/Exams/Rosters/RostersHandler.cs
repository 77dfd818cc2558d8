using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Domain.Audit;
using System.Globalization;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Domain.Organisation;

using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Excel;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams.Rosters;

/// <param name="Categories">In force (set by hand or derived), as codes.</param>
/// <param name="CategoriesSetByHand">Whether <paramref name="Categories"/> were set by hand rather than derived.</param>
public sealed record RosterPersonDto(Guid Id, string Name, Guid UnitId, string? UnitName, string? Position, string? Rank, string? PromotedOn,
    string? EnforcementCertificate, string? CertificateValidUntil, string? CivilServiceEntryOn, IReadOnlyList<string> Categories,
    IReadOnlyList<string> CategoryLabels, bool CategoriesSetByHand);

/// <param name="Categories">Codes to set by hand; leave out (null) to derive them from the attributes again.</param>
public sealed record ExamProfileRequest(string? Position, string? Rank, string? PromotedOn, string? EnforcementCertificate, string? CertificateValidUntil,
    string? CivilServiceEntryOn, IReadOnlyList<string>? Categories);

public sealed record ProfileImportDto(int Updated);

/// <summary>
/// 人员名单 for the exams: the attributes the draw needs on each person, edited one by one or in bulk from Excel (all or
/// nothing), and the three rosters (近两年新提拔领导干部, 行政执法人员, 初任公务员) per unit or for the district.
/// </summary>
public sealed class RostersHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock, ExportMark mark)
{
    public static readonly string[] Columns = ["单位", "姓名", "职务", "职级", "最近提拔日期", "执法证号", "执法证有效期至", "入职公务员日期", "人员类别"];

    public async Task<Paged<RosterPersonDto>> ListAsync(UserScope actor, Guid? unitId, string? category, PageRequest page)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = ExamAccess.People(db, actor).AsNoTracking().Include(p => p.Unit).AsQueryable();
        if (unitId is { } u)
        {
            query = query.Where(p => p.UnitId == u);
        }
        var today = clock.Today;
        if (!string.IsNullOrWhiteSpace(category))
        {
            // Derived categories depend on today's date, so the filter runs on the region's people in memory.
            var all = (await query.OrderBy(p => p.UnitId).ThenBy(p => p.Name).ThenBy(p => p.Id).ToListAsync())
                .Where(p => p.CategoriesOn(today).Contains(category)).ToList();
            return all.Select(p => Dto(p, today)).ToList().ToPage(page);
        }
        var paged = await query.OrderBy(p => p.UnitId).ThenBy(p => p.Name).ThenBy(p => p.Id).ToPageAsync(page);
        return paged.Map(p => Dto(p, today));
    }

    public static RosterPersonDto Dto(Person p, DateOnly today)
    {
        var categories = p.CategoriesOn(today);
        return new(p.Id, p.Name, p.UnitId, p.Unit?.Name, p.Position, p.Rank, Iso(p.PromotedOn), p.EnforcementCertificate, Iso(p.CertificateValidUntil),
            Iso(p.CivilServiceEntryOn), categories, [.. categories.Select(ExamineeCategories.Label)], p.ExamCategories is not null);
    }

    public async Task<Outcome<RosterPersonDto>> UpdateAsync(UserScope actor, Guid personId, ExamProfileRequest r)
    {
        await using var db = await factory.CreateDbContextAsync();
        var person = await ExamAccess.People(db, actor).Include(p => p.Unit).FirstOrDefaultAsync(p => p.Id == personId);
        if (person is null)
        {
            if (await db.People.AnyAsync(p => p.Id == personId))
            {
                await Visibility.DeniedAsync(db, actor, $"人员 {personId} 考试信息", "其他单位或区划的人员");
            }
            return Outcome<RosterPersonDto>.NotFound();
        }
        if (!CanEdit(actor, person))
        {
            return await Visibility.ForbiddenAsync<RosterPersonDto>(db, actor, $"人员 {person.Name} 考试信息");
        }
        var errors = new List<FieldError>();
        Apply(person, r.Position, r.Rank, r.PromotedOn, r.EnforcementCertificate, r.CertificateValidUntil, r.CivilServiceEntryOn,
            r.Categories is null ? null : string.Join("、", r.Categories), null, errors);
        if (errors.Count > 0)
        {
            return Outcome<RosterPersonDto>.Invalid(errors);
        }
        db.Record(actor, AuditActions.Update, $"人员 {person.Name} 考试信息");
        await db.SaveChangesAsync();
        return Outcome<RosterPersonDto>.Ok(Dto(person, clock.Today));
    }

    /// <summary>The office edits its region's people; a unit's liaison its own unit's.</summary>
    private static bool CanEdit(UserScope actor, Person p) =>
        ExamAccess.IsOffice(actor) || (actor.IsInRole(Roles.UnitLiaison) && actor.UnitId == p.UnitId);

    /// <summary>Bulk edit from the roster sheet (the export's columns): people found by 单位 and 姓名, all or nothing.</summary>
    public async Task<Outcome<ProfileImportDto>> ImportAsync(UserScope actor, Stream file, string fileName)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!ExamAccess.IsOffice(actor) && !(actor.IsInRole(Roles.UnitLiaison) && actor.UnitId is not null))
        {
            return await Visibility.ForbiddenAsync<ProfileImportDto>(db, actor, "人员考试信息导入");
        }
        if (!ExcelSheets.LooksLikeXlsx(file))
        {
            return Outcome<ProfileImportDto>.Invalid("file", $"文件“{fileName}”不是 .xlsx 文件");
        }
        var errors = new List<FieldError>();
        var sheet = ExcelSheets.Read(file, ExcelSheets.SheetNames(file)[0], ["单位", "姓名"], errors, fileName);
        var people = await ExamAccess.People(db, actor).Include(p => p.Unit).ToListAsync();
        var updated = 0;
        foreach (var (row, cells) in sheet.Rows)
        {
            var matches = people.Where(p => p.Name == cells.GetValueOrDefault("姓名") && p.Unit?.Name == cells.GetValueOrDefault("单位")).ToList();
            if (matches.Count != 1)
            {
                errors.Add(new(row, "姓名", matches.Count == 0
                    ? $"“{cells.GetValueOrDefault("单位")}”没有名为“{cells.GetValueOrDefault("姓名")}”的人员（或无权修改）"
                    : $"“{cells.GetValueOrDefault("单位")}”有{matches.Count}名“{cells.GetValueOrDefault("姓名")}”，无法确定"));
                continue;
            }
            if (!CanEdit(actor, matches[0]))
            {
                errors.Add(new(row, "单位", "只能修改本单位的人员"));
                continue;
            }
            string? Cell(string c) => cells.TryGetValue(c, out var v) ? v : null;
            var before = errors.Count;
            Apply(matches[0], Cell("职务"), Cell("职级"), Cell("最近提拔日期"), Cell("执法证号"), Cell("执法证有效期至"), Cell("入职公务员日期"),
                sheet.Headers.Contains("人员类别") && Cell("人员类别") is { Length: > 0 } c ? c : null, row, errors);
            updated += errors.Count == before ? 1 : 0;
        }
        if (errors.Count > 0)
        {
            await using var audit = await factory.CreateDbContextAsync();
            audit.Record(actor, AuditActions.Import, $"人员考试信息 {fileName}", AuditResult.Failure, $"{errors.Count}处错误");
            await audit.SaveChangesAsync();
            return Outcome<ProfileImportDto>.Invalid(errors);
        }
        db.Record(actor, AuditActions.Import, $"人员考试信息 {fileName}", detail: $"更新{updated}人");
        await db.SaveChangesAsync();
        return Outcome<ProfileImportDto>.Ok(new ProfileImportDto(updated));
    }

    private static void Apply(Person p, string? position, string? rank, string? promoted, string? certificate, string? validUntil, string? entered,
        string? categories, int? row, List<FieldError> errors)
    {
        DateOnly? Date(string? text, string column)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (IsoDate.TryParse(text, out var d) || DateOnly.TryParse(text, CultureInfo.InvariantCulture, out d))
            {
                return d;
            }
            errors.Add(new(row, column, $"“{text}”不是有效日期（应为 YYYY-MM-DD）"));
            return null;
        }
        p.Position = Trim(position, 100);
        p.Rank = Trim(rank, 50);
        p.PromotedOn = Date(promoted, "最近提拔日期");
        p.EnforcementCertificate = Trim(certificate, 50);
        p.CertificateValidUntil = Date(validUntil, "执法证有效期至");
        p.CivilServiceEntryOn = Date(entered, "入职公务员日期");
        if (categories is null)
        {
            p.ExamCategories = null;
            return;
        }
        var codes = new List<string>();
        foreach (var part in categories.Split(['、', ',', '，', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ExamineeCategories.Parse(part) is { } code)
            {
                codes.Add(code);
            }
            else if (part != "无")
            {
                errors.Add(new(row, "人员类别", $"人员类别“{part}”无法识别，应为{string.Join("、", ExamineeCategories.All.Select(ExamineeCategories.Label))}或“无”"));
            }
        }
        p.ExamCategories = [.. codes.Distinct()];
    }

    /// <summary>The three rosters as one workbook (a sheet each, plus every person and the mark), for a unit or the whole region; audited.</summary>
    public async Task<Outcome<Func<Stream, Task>>> ExportAsync(UserScope actor, Guid? unitId)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!ExamAccess.IsOffice(actor) && !ExamAccess.IsUnitUser(actor))
        {
            return await Visibility.ForbiddenAsync<Func<Stream, Task>>(db, actor, "考试人员名单");
        }
        var query = ExamAccess.People(db, actor).AsNoTracking().Include(p => p.Unit).AsQueryable();
        if (unitId is { } u)
        {
            if (!await query.AnyAsync(p => p.UnitId == u) && !await db.Units.AnyAsync(x => x.Id == u && x.Id == actor.UnitId))
            {
                return Outcome<Func<Stream, Task>>.NotFound();
            }
            query = query.Where(p => p.UnitId == u);
        }
        var today = clock.Today;
        var people = await query.OrderBy(p => p.UnitId).ThenBy(p => p.Name).ToListAsync();
        db.Record(actor, AuditActions.Export, unitId is null ? "考试人员名单（全区）" : $"考试人员名单 {people.FirstOrDefault()?.Unit?.Name}");
        await db.SaveChangesAsync();
        Dictionary<string, object?> Row(Person p)
        {
            var d = Dto(p, today);
            return new()
            {
                ["单位"] = d.UnitName, ["姓名"] = d.Name, ["职务"] = d.Position, ["职级"] = d.Rank, ["最近提拔日期"] = d.PromotedOn,
                ["执法证号"] = d.EnforcementCertificate, ["执法证有效期至"] = d.CertificateValidUntil, ["入职公务员日期"] = d.CivilServiceEntryOn,
                ["人员类别"] = string.Join("、", d.CategoryLabels),
            };
        }
        var sheets = new Dictionary<string, object>();
        foreach (var c in ExamineeCategories.All)
        {
            var rows = people.Where(p => p.CategoriesOn(today).Contains(c)).Select(Row).ToList();
            sheets[ExamineeCategories.Label(c) + "名单"] = rows.Count > 0 ? rows : [Columns.ToDictionary(x => x, _ => (object?)null)];
        }
        sheets["全部人员"] = people.Count > 0 ? people.Select(Row).ToList() : [Columns.ToDictionary(x => x, _ => (object?)null)];
        sheets["说明"] = mark.Sheet(actor);
        return Outcome<Func<Stream, Task>>.Ok(s => MiniExcel.SaveAsAsync(s, sheets));
    }

    private static string? Trim(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim() is var t && t.Length > max ? t[..max] : s.Trim();

    private static string? Iso(DateOnly? d) => d is { } x ? IsoDate.Format(x) : null;
}
