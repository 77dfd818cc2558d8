using InspectReady.Web.Features.Shared.Export;
using System.Globalization;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Exams;

using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Excel;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams.TrainingLedger;

/// <param name="Kind">course (集中培训), lecture (专题讲座), court_hearing (庭审旁听), online (网络学习).</param>
public sealed record TrainingEventRequest(string? Date, decimal Hours, string? Topic, string? Kind);

public sealed record TrainingEventDto(Guid Id, string Date, decimal Hours, string Topic, string Kind, string KindLabel, int Attendees);

public sealed record AttendanceImportDto(int Imported);

/// <param name="LeaderChecks">Indicator 94, for 新提拔领导干部 only: two law lectures and one court hearing in the year (null for others).</param>
public sealed record PersonComplianceDto(Guid PersonId, string Name, Guid UnitId, string? UnitName, IReadOnlyList<string> Categories, decimal Hours,
    decimal Required, bool Meets, int Lectures, int CourtHearings, bool? LeaderChecks);

public sealed record UnitComplianceDto(Guid UnitId, string? UnitName, int People, int Required, int Meeting, int Leaders, int LeadersMeeting);

public sealed record ComplianceDto(int Year, decimal EnforcementHours, IReadOnlyList<UnitComplianceDto> Units, IReadOnlyList<PersonComplianceDto> People);

/// <summary>学法培训台账: events, attendance from Excel, hours per person and year, the 40-hour rule and indicator 94's checks.</summary>
public sealed class TrainingHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock, ExportMark mark)
{
    public async Task<Outcome<TrainingEventDto>> CreateAsync(UserScope actor, TrainingEventRequest r)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!ExamAccess.IsOffice(actor))
        {
            return await Visibility.ForbiddenAsync<TrainingEventDto>(db, actor, "学法培训台账");
        }
        var errors = new List<FieldError>();
        if (!IsoDate.TryParse(r.Date, out var date))
        {
            errors.Add(new(null, "date", $"日期“{r.Date}”无效，应为 YYYY-MM-DD"));
        }
        if (r.Hours is <= 0 or > 200)
        {
            errors.Add(new(null, "hours", "学时应大于0且不超过200"));
        }
        if (string.IsNullOrWhiteSpace(r.Topic) || r.Topic.Length > 200)
        {
            errors.Add(new(null, "topic", "培训主题不能为空，且不超过200字"));
        }
        var kind = TrainingKinds.Parse(r.Kind);
        if (kind is null)
        {
            errors.Add(new(null, "kind", "培训形式应为 course、lecture、court_hearing 或 online（集中培训、专题讲座、庭审旁听、网络学习）"));
        }
        if (errors.Count > 0)
        {
            return Outcome<TrainingEventDto>.Invalid(errors);
        }
        var e = new TrainingEvent
        {
            RegionId = actor.RegionId!.Value, Date = date, Hours = r.Hours, Topic = r.Topic!.Trim(), Kind = kind!, CreatedBy = actor.UserName, CreatedAt = clock.UtcNow,
        };
        db.TrainingEvents.Add(e);
        db.Record(actor, AuditActions.Create, $"培训 {e.Topic}");
        await db.SaveChangesAsync();
        return Outcome<TrainingEventDto>.Ok(Dto(e, 0));
    }

    public async Task<Paged<TrainingEventDto>> ListAsync(UserScope actor, int? year, PageRequest page)
    {
        await using var db = await factory.CreateDbContextAsync();
        var regions = ExamAccess.Regions(db, actor);
        var unit = ExamAccess.IsUnitUser(actor) ? actor.UnitId : null;
        var query = db.TrainingEvents.AsNoTracking().Where(e => regions.Contains(e.RegionId) || (unit != null && e.Attendance.Any(a => a.UnitId == unit)));
        if (year is { } y)
        {
            query = query.Where(e => e.Date >= new DateOnly(y, 1, 1) && e.Date <= new DateOnly(y, 12, 31));
        }
        var paged = await query.OrderByDescending(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new { E = e, N = e.Attendance.Count(a => unit == null || a.UnitId == unit) }).ToPageAsync(page);
        return paged.Map(x => Dto(x.E, x.N));
    }

    private static TrainingEventDto Dto(TrainingEvent e, int n) => new(e.Id, IsoDate.Format(e.Date), e.Hours, e.Topic, e.Kind, TrainingKinds.Label(e.Kind), n);

    /// <summary>Attendance from a sheet with 单位, 姓名 and optionally 学时 (default: the event's hours); all or nothing; replaces the event's list.</summary>
    public async Task<Outcome<AttendanceImportDto>> ImportAttendanceAsync(UserScope actor, Guid eventId, Stream file, string fileName)
    {
        await using var db = await factory.CreateDbContextAsync();
        var regions = ExamAccess.Regions(db, actor);
        var e = await db.TrainingEvents.Include(x => x.Attendance).FirstOrDefaultAsync(x => x.Id == eventId && regions.Contains(x.RegionId));
        if (e is null)
        {
            if (await db.TrainingEvents.AnyAsync(x => x.Id == eventId))
            {
                await Visibility.DeniedAsync(db, actor, $"培训 {eventId}", "其他区划的培训或无权修改");
            }
            return Outcome<AttendanceImportDto>.NotFound();
        }
        if (!ExcelSheets.LooksLikeXlsx(file))
        {
            return Outcome<AttendanceImportDto>.Invalid("file", $"文件“{fileName}”不是 .xlsx 文件");
        }
        var errors = new List<FieldError>();
        var sheet = ExcelSheets.Read(file, ExcelSheets.SheetNames(file)[0], ["单位", "姓名"], errors, fileName);
        var people = await ExamAccess.People(db, actor).AsNoTracking().Include(p => p.Unit).ToListAsync();
        var rows = new Dictionary<Guid, TrainingAttendance>();
        foreach (var (row, cells) in sheet.Rows)
        {
            var matches = people.Where(p => p.Name == cells.GetValueOrDefault("姓名") && p.Unit?.Name == cells.GetValueOrDefault("单位")).ToList();
            if (matches.Count != 1)
            {
                errors.Add(new(row, "姓名", matches.Count == 0 ? $"“{cells.GetValueOrDefault("单位")}”没有名为“{cells.GetValueOrDefault("姓名")}”的人员"
                    : $"“{cells.GetValueOrDefault("单位")}”有{matches.Count}名“{cells.GetValueOrDefault("姓名")}”，无法确定"));
                continue;
            }
            var hours = e.Hours;
            if (cells.GetValueOrDefault("学时") is { Length: > 0 } h
                && (!decimal.TryParse(h, NumberStyles.Number, CultureInfo.InvariantCulture, out hours) || hours <= 0 || hours > e.Hours))
            {
                errors.Add(new(row, "学时", $"学时“{h}”无效，应大于0且不超过本次培训的{e.Hours}学时"));
                continue;
            }
            if (!rows.TryAdd(matches[0].Id, new TrainingAttendance { EventId = e.Id, PersonId = matches[0].Id, UnitId = matches[0].UnitId, Hours = hours }))
            {
                errors.Add(new(row, "姓名", $"“{matches[0].Name}”重复"));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<AttendanceImportDto>.Invalid(errors);
        }
        db.TrainingAttendance.RemoveRange(e.Attendance);
        db.TrainingAttendance.AddRange(rows.Values);
        db.Record(actor, AuditActions.Import, $"培训 {e.Topic} 参训名单", detail: $"{rows.Count}人");
        await db.SaveChangesAsync();
        return Outcome<AttendanceImportDto>.Ok(new AttendanceImportDto(rows.Count));
    }

    public async Task<Outcome<ComplianceDto>> ComplianceAsync(UserScope actor, int year, Guid? unitId, decimal? enforcementHours)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!ExamAccess.IsOffice(actor) && !ExamAccess.IsUnitUser(actor))
        {
            return await Visibility.ForbiddenAsync<ComplianceDto>(db, actor, "学法培训台账");
        }
        var required = enforcementHours is > 0 ? enforcementHours.Value : TrainingRules.DefaultEnforcementHours;
        var query = ExamAccess.People(db, actor).AsNoTracking().Include(p => p.Unit).AsQueryable();
        if (unitId is { } u)
        {
            query = query.Where(p => p.UnitId == u);
        }
        var people = await query.OrderBy(p => p.UnitId).ThenBy(p => p.Name).ToListAsync();
        var ids = people.Select(p => p.Id).ToList();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var records = await db.TrainingAttendance.AsNoTracking().Where(a => ids.Contains(a.PersonId))
            .Join(db.TrainingEvents.Where(e => e.Date >= from && e.Date <= to), a => a.EventId, e => e.Id, (a, e) => new { a.PersonId, e.Date, e.Kind, a.Hours })
            .ToListAsync();
        var byPerson = records.ToLookup(r => r.PersonId, r => new TrainingRules.Record(r.Date, r.Kind, r.Hours));
        var today = clock.Today;
        var rows = people.Select(p =>
        {
            var categories = p.CategoriesOn(today);
            var need = TrainingRules.RequiredHours([.. categories], new Dictionary<string, decimal> { [ExamineeCategories.EnforcementOfficer] = required });
            var c = TrainingRules.Assess(byPerson[p.Id], year, need);
            return new PersonComplianceDto(p.Id, p.Name, p.UnitId, p.Unit?.Name, categories, c.Hours, need, c.Meets, c.Lectures, c.CourtHearings,
                categories.Contains(ExamineeCategories.NewLeader) ? c.LeaderChecksMet : null);
        }).ToList();
        var units = rows.GroupBy(r => r.UnitId).Select(g => new UnitComplianceDto(g.Key, g.First().UnitName, g.Count(), g.Count(r => r.Required > 0),
            g.Count(r => r.Required > 0 && r.Meets), g.Count(r => r.LeaderChecks is not null), g.Count(r => r.LeaderChecks == true))).ToList();
        return Outcome<ComplianceDto>.Ok(new ComplianceDto(year, required, units, rows));
    }

    /// <summary>The compliance view as the filing's evidence (Excel, marked), audited.</summary>
    public async Task<Outcome<Func<Stream, Task>>> ExportAsync(UserScope actor, int year, Guid? unitId)
    {
        var c = await ComplianceAsync(actor, year, unitId, null);
        if (!c.IsOk)
        {
            return c.As<Func<Stream, Task>>();
        }
        await using var db = await factory.CreateDbContextAsync();
        db.Record(actor, AuditActions.Export, $"学法培训台账 {year}年");
        await db.SaveChangesAsync();
        var v = c.Value!;
        var sheets = new Dictionary<string, object>
        {
            ["单位汇总"] = v.Units.Select(u => new Dictionary<string, object?>
            {
                ["单位"] = u.UnitName, ["人数"] = u.People, ["执法人员"] = u.Required, [$"达到{v.EnforcementHours}学时"] = u.Meeting,
                ["新提拔领导干部"] = u.Leaders, ["讲座与庭审旁听达标"] = u.LeadersMeeting,
            }).ToList(),
            ["人员学时"] = v.People.Select(p => new Dictionary<string, object?>
            {
                ["单位"] = p.UnitName, ["姓名"] = p.Name, ["人员类别"] = string.Join("、", p.Categories.Select(ExamineeCategories.Label)), ["学时"] = p.Hours,
                ["应达学时"] = p.Required, ["是否达标"] = p.Required == 0 ? "—" : p.Meets ? "是" : "否", ["专题讲座次数"] = p.Lectures,
                ["庭审旁听次数"] = p.CourtHearings, ["领导干部学法要求"] = p.LeaderChecks is null ? "—" : p.LeaderChecks.Value ? "达标" : "未达标",
            }).ToList(),
            ["说明"] = mark.Sheet(actor),
        };
        return Outcome<Func<Stream, Task>>.Ok(s => MiniExcel.SaveAsAsync(s, sheets));
    }
}
