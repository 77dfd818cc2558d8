using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Calendar;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Checks;
using InspectReady.Web.Features.Calendar;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Features.Shared.Paging;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.CaseFiles.Register;

/// <summary>案卷登记: each unit's register of case files by kind, with the automatic checks computed on the calendar in force.</summary>
public sealed class CaseFilesHandler(IDbContextFactory<AppDbContext> factory, WorkingCalendarHandler calendar, IChinaClock clock)
{
    public static IReadOnlyList<CaseKindDto> Kinds() =>
        [.. CaseKind.All.Select(k => new CaseKindDto(k, [.. CaseFields.For(k).Select(f => new CaseFieldDto(f.Key, CaseFields.HeaderOf(k, f),
            f.Type.ToString().ToLowerInvariant(), CaseFields.NeedOf(k, f) == CaseFieldNeed.Required))]))];

    /// <summary>The register, filtered, ordered (unit, kind, case number) and sliced in the database; checks run on the page's rows.</summary>
    public async Task<Paged<CaseFileDto>> ListAsync(UserScope actor, PageRequest page, Guid? unitId = null, string? kind = null, string? keyword = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = CaseFileAccess.Visible(db, actor).AsNoTracking().Include(c => c.Unit).AsQueryable();
        if (unitId is { } u)
        {
            query = query.Where(c => c.UnitId == u);
        }
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var code = CaseKind.Parse(kind) ?? kind.Trim();
            query = query.Where(c => c.Kind == code);
        }
        if (!string.IsNullOrWhiteSpace(keyword))
        {
            var k = keyword.Trim();
            query = query.Where(c => c.CaseNumber.Contains(k) || c.Cause.Contains(k) || (c.Party != null && c.Party.Contains(k)));
        }
        var files = await query.OrderBy(f => f.Unit!.Name).ThenBy(f => f.Kind).ThenBy(f => f.CaseNumber).ThenBy(f => f.Id).ToPageAsync(page);
        var sampled = await SampledAsync(db, files.Items.Select(f => f.Id));
        var current = await calendar.GetAsync();
        var today = clock.Today;
        return files.Map(f => ToDto(f, sampled.Contains(f.Id), CaseChecks.Run(f, current, today).Count(r => r.Status == CheckStatus.Failed)));
    }

    public async Task<Outcome<CaseFileDetailDto>> GetAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var file = await CaseFileAccess.Visible(db, actor).AsNoTracking().Include(c => c.Unit).FirstOrDefaultAsync(c => c.Id == id);
        if (file is null)
        {
            return Outcome<CaseFileDetailDto>.NotFound();
        }
        var checks = CaseChecks.Run(file, await calendar.GetAsync(), clock.Today);
        var reviews = await db.CaseReviews.AsNoTracking().Include(r => r.Items).Where(r => r.CaseFileId == id).ToListAsync();
        var sampled = (await SampledAsync(db, [id])).Contains(id);
        return Outcome<CaseFileDetailDto>.Ok(new CaseFileDetailDto(
            ToDto(file, sampled, checks.Count(c => c.Status == CheckStatus.Failed)),
            [.. checks.Select(ToDto)],
            [.. reviews.OrderBy(r => r.SubmittedAt).Select(r => new ReviewSummaryDto(r.Id, r.ReviewerName, r.Total, r.Submitted, r.SubmittedAt))]));
    }

    public async Task<Outcome<CaseFileDto>> CreateAsync(UserScope actor, CaseFileRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (request.UnitId is not { } unitId)
        {
            return Outcome<CaseFileDto>.Invalid("unitId", "请选择所属单位");
        }
        if (!await CaseFileAccess.SeesUnitAsync(db, actor, unitId))
        {
            return Outcome<CaseFileDto>.NotFound();
        }
        if (!CaseFileAccess.CanWrite(actor, unitId))
        {
            return Outcome<CaseFileDto>.Forbidden();
        }
        if (!await db.Units.AnyAsync(u => u.Id == unitId))
        {
            return Outcome<CaseFileDto>.Invalid("unitId", "所属单位不存在");
        }
        var file = new CaseFile { UnitId = unitId, Kind = "", CaseNumber = "", Cause = "", CreatedBy = actor.UserName };
        var errors = await ReadAsync(db, request.Kind, request, file, null);
        if (errors.Count > 0)
        {
            return Outcome<CaseFileDto>.Invalid(errors);
        }
        db.CaseFiles.Add(file);
        db.Record(actor, AuditActions.Create, $"案卷 {file.CaseNumber}", detail: $"{CaseKind.Label(file.Kind)}，单位 {unitId}");
        await db.SaveChangesAsync();
        return Outcome<CaseFileDto>.Ok(ToDto(file, false, 0));
    }

    public async Task<Outcome<CaseFileDto>> UpdateAsync(UserScope actor, Guid id, CaseFileRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var file = await CaseFileAccess.Visible(db, actor).Include(c => c.Officers).FirstOrDefaultAsync(c => c.Id == id);
        if (file is null || !await CaseFileAccess.SeesUnitAsync(db, actor, file.UnitId))
        {
            return Outcome<CaseFileDto>.NotFound();
        }
        if (!CaseFileAccess.CanWrite(actor, file.UnitId))
        {
            return Outcome<CaseFileDto>.Forbidden();
        }
        var before = CaseFileReader.Write(file);
        var errors = await ReadAsync(db, file.Kind, request, file, id);
        if (errors.Count > 0)
        {
            return Outcome<CaseFileDto>.Invalid(errors);
        }
        file.UpdatedAt = clock.UtcNow;
        var after = CaseFileReader.Write(file);
        var changed = after.Where(kv => before.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => $"{kv.Key}: {before.GetValueOrDefault(kv.Key)} → {kv.Value}");
        db.Record(actor, AuditActions.Update, $"案卷 {file.CaseNumber}", detail: string.Join("；", changed));
        await db.SaveChangesAsync();
        return Outcome<CaseFileDto>.Ok(ToDto(file, (await SampledAsync(db, [id])).Contains(id), 0));
    }

    public async Task<Outcome<bool>> DeleteAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var file = await CaseFileAccess.Visible(db, actor).FirstOrDefaultAsync(c => c.Id == id);
        if (file is null || !await CaseFileAccess.SeesUnitAsync(db, actor, file.UnitId))
        {
            return Outcome<bool>.NotFound();
        }
        if (!CaseFileAccess.CanWrite(actor, file.UnitId))
        {
            return Outcome<bool>.Forbidden();
        }
        if (await db.SamplingDraws.AnyAsync(d => d.Items.Any(i => i.CaseFileId == id)) || await db.CaseReviews.AnyAsync(r => r.CaseFileId == id))
        {
            return Outcome<bool>.Conflict("该案卷已被抽中或已有评查记录，不能删除");
        }
        db.CaseFiles.Remove(file);
        db.Record(actor, AuditActions.Delete, $"案卷 {file.CaseNumber}", detail: CaseKind.Label(file.Kind));
        await db.SaveChangesAsync();
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The request as register input, read into <paramref name="file"/>; errors carry the API field names.</summary>
    private static async Task<List<FieldError>> ReadAsync(AppDbContext db, string? kind, CaseFileRequest request, CaseFile file, Guid? self)
    {
        kind = CaseKind.Parse(kind) ?? kind;
        if (!CaseKind.IsValid(kind))
        {
            return [new FieldError(null, "kind", $"案卷类别“{kind}”无效，只能是：{CaseKind.Codes.Describe()}")];
        }
        var problems = CaseFileReader.Read(kind!, ToInput(request), file);
        var errors = problems.Select(p => new FieldError(null, p.Field.Key, p.Message)).ToList();
        if (file.CaseNumber.Length > 0 && await db.CaseFiles.AnyAsync(c => c.UnitId == file.UnitId && c.CaseNumber == file.CaseNumber && c.Id != self))
        {
            errors.Add(new FieldError(null, "caseNumber", $"本单位已有案号为“{file.CaseNumber}”的案卷"));
        }
        return errors;
    }

    public static CaseFileInput ToInput(CaseFileRequest r)
    {
        static string? YesNo(bool? value) => value switch { true => "是", false => "否", null => null };
        var values = new Dictionary<string, string?>
        {
            [CaseFields.CaseNumber.Key] = r.CaseNumber,
            [CaseFields.Cause.Key] = r.Cause,
            [CaseFields.Party.Key] = r.Party,
            [CaseFields.FiledOn.Key] = r.FiledOn,
            [CaseFields.InvestigationEndedOn.Key] = r.InvestigationEndedOn,
            [CaseFields.LegalReviewStartedOn.Key] = r.LegalReviewStartedOn,
            [CaseFields.LegalReviewEndedOn.Key] = r.LegalReviewEndedOn,
            [CaseFields.DecidedOn.Key] = r.DecidedOn,
            [CaseFields.ServedOn.Key] = r.ServedOn,
            [CaseFields.PublishedOn.Key] = r.PublishedOn,
            [CaseFields.CommentStartedOn.Key] = r.CommentStartedOn,
            [CaseFields.CommentEndedOn.Key] = r.CommentEndedOn,
            [CaseFields.CommentRule.Key] = r.CommentRule,
            [CaseFields.DiscretionStandard.Key] = r.DiscretionStandard,
            [CaseFields.AudioVisual.Key] = YesNo(r.HasAudioVisualRecord),
            [CaseFields.IsMajor.Key] = YesNo(r.IsMajor),
            [CaseFields.ArchivedOn.Key] = r.ArchivedOn,
        };
        foreach (var (officer, (name, certificate)) in (r.Officers ?? []).Zip(CaseFields.Officers))
        {
            values[name.Key] = officer.Name;
            values[certificate.Key] = officer.CertificateNumber;
        }
        return new CaseFileInput(values);
    }

    private static async Task<HashSet<Guid>> SampledAsync(AppDbContext db, IEnumerable<Guid> ids)
    {
        var list = ids.ToList();
        var sampled = await db.SamplingDraws.AsNoTracking().Where(d => d.SupersededBy == null)
            .SelectMany(d => d.Items).Where(i => list.Contains(i.CaseFileId)).Select(i => i.CaseFileId).ToListAsync();
        return [.. sampled];
    }

    public static CaseFileDto ToDto(CaseFile f, bool sampled, int failedChecks)
    {
        var all = CaseFileReader.Write(f);
        var fields = CaseFields.For(f.Kind).ToDictionary(x => x.Key, x => all.GetValueOrDefault(x.Key));
        return new CaseFileDto(f.Id, f.UnitId, f.Unit?.Name, f.Kind, f.CaseNumber, f.Cause, f.Party, fields,
            [.. f.Officers.OrderBy(o => o.Position).Select(o => new OfficerDto(o.Name, o.CertificateNumber))], sampled, failedChecks, f.UpdatedAt);
    }

    public static CheckDto ToDto(CheckResult r) => new(r.Code, r.Title, r.Rule, r.StatusLabel,
        [.. r.Dates.Select(d => new CheckDateDto(d.Label, d.Date is { } x ? ChinaDate.Iso(x) : null))],
        r.WorkingDays, r.CalendarDays, r.Deadline is { } deadline ? ChinaDate.Iso(deadline) : null, r.Finding);
}
