using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Checks;
using InspectReady.Web.Features.Calendar;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.CaseFiles.Rectifications;

/// <param name="Deadline">YYYY-MM-DD; when absent, 15 working days from today on the calendar in force.</param>
public sealed record RectificationGenerateRequest(string? Deadline);

public sealed record RectificationRequest(Guid? CaseFileId, string? Problem, string? Deadline);

public sealed record RectificationResponseRequest(string? Response);

public sealed record RectificationDto(Guid Id, Guid UnitId, string? UnitName, Guid? CaseFileId, string? CaseNumber, string Source, string Problem,
    string Deadline, string Status, bool Overdue, string IssuedBy, DateTime IssuedAt, string? Response, string? RespondedBy, DateTime? RespondedAt,
    string? ConfirmedBy, DateTime? ConfirmedAt)
{
    public string SourceLabel => RectificationSource.Label(Source);
    public string StatusLabel => RectificationStatus.Label(Status);
}

public sealed record RectificationGenerateDto(int Created, string Deadline);

/// <summary>
/// 整改清单: 创建办 turns the faults found (every deduction in a submitted review, every failed automatic check of a
/// sampled file) into items with a deadline; the unit answers what it did; 创建办 confirms (销号) or reopens.
/// </summary>
public sealed class RectificationsHandler(IDbContextFactory<AppDbContext> factory, WorkingCalendarHandler calendar, IChinaClock clock)
{
    public const int DefaultWorkingDays = 15;

    public async Task<IReadOnlyList<RectificationDto>> ListAsync(UserScope actor, Guid? unitId = null, string? status = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = db.Rectifications.AsNoTracking().AsQueryable();
        var units = CaseFileAccess.Units(db, actor);
        query = query.Where(r => units.Contains(r.UnitId));
        if (unitId is { } u)
        {
            query = query.Where(r => r.UnitId == u);
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(r => r.Status == status);
        }
        return await ToDtosAsync(db, await query.ToListAsync());
    }

    public async Task<Outcome<RectificationGenerateDto>> GenerateAsync(UserScope actor, RectificationGenerateRequest request)
    {
        if (!CaseFileAccess.IsOffice(actor))
        {
            return Outcome<RectificationGenerateDto>.Forbidden();
        }
        var current = await calendar.GetAsync();
        var today = clock.Today;
        DateOnly deadline;
        if (string.IsNullOrWhiteSpace(request.Deadline))
        {
            try
            {
                deadline = current.AddWorkingDays(today, DefaultWorkingDays);
            }
            catch (Domain.Calendar.CalendarYearMissingException ex)
            {
                return Outcome<RectificationGenerateDto>.Invalid("deadline", $"无法按{DefaultWorkingDays}个工作日计算整改期限：{ex.Message}；请直接填写整改期限");
            }
        }
        else if (!IsoDate.TryParse(request.Deadline, out deadline) || deadline < today)
        {
            return Outcome<RectificationGenerateDto>.Invalid("deadline", $"整改期限“{request.Deadline}”无效，应为今天或以后的日期，格式 YYYY-MM-DD");
        }

        await using var db = await factory.CreateDbContextAsync();
        var existing = (await db.Rectifications.Where(r => r.SourceKey != null).Select(r => r.SourceKey!).ToListAsync()).ToHashSet();
        var items = new List<Rectification>();
        var reviews = await db.CaseReviews.AsNoTracking().Include(r => r.Items).Where(r => r.Submitted).ToListAsync();
        var reviewedIds = reviews.Select(r => r.CaseFileId).Distinct().ToList();
        var sampledIds = await db.SamplingDraws.AsNoTracking().Where(d => d.SupersededBy == null).SelectMany(d => d.Items).Select(i => i.CaseFileId).ToListAsync();
        var fileIds = reviewedIds.Union(sampledIds).ToList();
        var files = await db.CaseFiles.AsNoTracking().Include(c => c.Officers).Where(c => fileIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        foreach (var review in reviews)
        {
            if (!files.TryGetValue(review.CaseFileId, out var file))
            {
                continue;
            }
            foreach (var item in review.Items.Where(i => i.Points < i.MaxPoints))
            {
                var key = $"review:{review.Id}:{item.Number}";
                if (existing.Add(key))
                {
                    items.Add(New(file, RectificationSource.Review, key,
                        $"{item.Category}：{item.Content}（扣{item.MaxPoints - item.Points}分，评查员{review.ReviewerName}）：{item.Comment}", deadline, actor));
                }
            }
        }
        foreach (var file in sampledIds.Distinct().Select(id => files.GetValueOrDefault(id)).OfType<CaseFile>())
        {
            foreach (var check in CaseChecks.Run(file, current, today).Where(c => c.Status == CheckStatus.Failed))
            {
                var key = $"check:{file.Id}:{check.Code}";
                if (existing.Add(key))
                {
                    items.Add(New(file, RectificationSource.Check, key, $"{check.Title}：{check.Finding}（{check.Rule}）", deadline, actor));
                }
            }
        }
        db.Rectifications.AddRange(items);
        db.Record(actor, "生成整改清单", "案卷评查整改清单", detail: $"新增{items.Count}项，整改期限{ChinaDate.Iso(deadline)}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Outcome<RectificationGenerateDto>.Conflict("整改清单正在由他人生成，请刷新后重试");
        }
        return Outcome<RectificationGenerateDto>.Ok(new RectificationGenerateDto(items.Count, ChinaDate.Iso(deadline)));
    }

    public async Task<Outcome<RectificationDto>> CreateAsync(UserScope actor, RectificationRequest request)
    {
        if (!CaseFileAccess.IsOffice(actor))
        {
            return Outcome<RectificationDto>.Forbidden();
        }
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Problem))
        {
            errors.Add(new(null, "problem", "问题描述不能为空"));
        }
        if (!IsoDate.TryParse(request.Deadline, out var deadline))
        {
            errors.Add(new(null, "deadline", $"整改期限“{request.Deadline}”无效，格式应为 YYYY-MM-DD"));
        }
        await using var db = await factory.CreateDbContextAsync();
        var file = request.CaseFileId is { } id ? await CaseFileAccess.Visible(db, actor).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) : null;
        if (file is null)
        {
            errors.Add(new(null, "caseFileId", "请选择存在问题的案卷"));
        }
        if (errors.Count > 0)
        {
            return Outcome<RectificationDto>.Invalid(errors);
        }
        var item = New(file!, RectificationSource.Other, null, request.Problem!.Trim(), deadline, actor);
        db.Rectifications.Add(item);
        db.Record(actor, AuditActions.Create, $"整改事项 案卷 {file!.CaseNumber}", detail: $"期限{ChinaDate.Iso(deadline)}");
        await db.SaveChangesAsync();
        return Outcome<RectificationDto>.Ok((await ToDtosAsync(db, [item]))[0]);
    }

    /// <summary>The unit reports what it did; the item becomes 已整改 and waits for 创建办.</summary>
    public Task<Outcome<RectificationDto>> RespondAsync(UserScope actor, Guid id, RectificationResponseRequest request) =>
        ChangeAsync(actor, id, item =>
        {
            if (!(CaseFileAccess.IsUnitUser(actor) && actor.UnitId == item.UnitId))
            {
                return Outcome<RectificationDto>.Forbidden();
            }
            if (item.Status != RectificationStatus.Open)
            {
                return Outcome<RectificationDto>.Conflict($"该事项状态为“{RectificationStatus.Label(item.Status)}”，不能再提交整改情况");
            }
            if (string.IsNullOrWhiteSpace(request.Response))
            {
                return Outcome<RectificationDto>.Invalid("response", "请写明整改情况");
            }
            item.Status = RectificationStatus.Done;
            item.Response = request.Response.Trim();
            item.RespondedAt = clock.UtcNow;
            item.RespondedBy = actor.UserName;
            return null;
        }, "提交整改情况");

    public Task<Outcome<RectificationDto>> ConfirmAsync(UserScope actor, Guid id) =>
        ChangeAsync(actor, id, item =>
        {
            if (!CaseFileAccess.IsOffice(actor))
            {
                return Outcome<RectificationDto>.Forbidden();
            }
            if (item.Status != RectificationStatus.Done)
            {
                return Outcome<RectificationDto>.Conflict($"该事项状态为“{RectificationStatus.Label(item.Status)}”，单位提交整改情况后才能销号");
            }
            item.Status = RectificationStatus.Confirmed;
            item.ConfirmedAt = clock.UtcNow;
            item.ConfirmedBy = actor.UserName;
            return null;
        }, "整改销号");

    public Task<Outcome<RectificationDto>> ReopenAsync(UserScope actor, Guid id) =>
        ChangeAsync(actor, id, item =>
        {
            if (!CaseFileAccess.IsOffice(actor))
            {
                return Outcome<RectificationDto>.Forbidden();
            }
            if (item.Status != RectificationStatus.Done)
            {
                return Outcome<RectificationDto>.Conflict($"该事项状态为“{RectificationStatus.Label(item.Status)}”，只能退回已提交整改情况的事项");
            }
            item.Status = RectificationStatus.Open;
            return null;
        }, "退回整改");

    private async Task<Outcome<RectificationDto>> ChangeAsync(UserScope actor, Guid id, Func<Rectification, Outcome<RectificationDto>?> change, string action)
    {
        await using var db = await factory.CreateDbContextAsync();
        var item = await db.Rectifications.FirstOrDefaultAsync(r => r.Id == id);
        if (item is null || !await CaseFileAccess.SeesUnitAsync(db, actor, item.UnitId))
        {
            return Outcome<RectificationDto>.NotFound();
        }
        if (change(item) is { } refused)
        {
            return refused;
        }
        db.Record(actor, action, $"整改事项 {item.Id}");
        await db.SaveChangesAsync();
        return Outcome<RectificationDto>.Ok((await ToDtosAsync(db, [item]))[0]);
    }

    private static Rectification New(CaseFile file, string source, string? key, string problem, DateOnly deadline, UserScope actor) => new()
    {
        UnitId = file.UnitId,
        CaseFileId = file.Id,
        Source = source,
        SourceKey = key,
        Problem = problem.Length > 1000 ? problem[..1000] : problem,
        Deadline = deadline,
        IssuedBy = actor.UserName,
    };

    private async Task<List<RectificationDto>> ToDtosAsync(AppDbContext db, List<Rectification> items)
    {
        var fileIds = items.Where(i => i.CaseFileId is not null).Select(i => i.CaseFileId!.Value).Distinct().ToList();
        var numbers = await db.CaseFiles.AsNoTracking().Where(c => fileIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber);
        var unitIds = items.Select(i => i.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        var today = clock.Today;
        return [.. items.OrderBy(i => i.Deadline).ThenBy(i => units.GetValueOrDefault(i.UnitId), StringComparer.Ordinal).ThenBy(i => i.IssuedAt)
            .Select(i => new RectificationDto(i.Id, i.UnitId, units.GetValueOrDefault(i.UnitId), i.CaseFileId,
                i.CaseFileId is { } c ? numbers.GetValueOrDefault(c) : null, i.Source, i.Problem, ChinaDate.Iso(i.Deadline), i.Status, i.IsOverdue(today),
                i.IssuedBy, i.IssuedAt, i.Response, i.RespondedBy, i.RespondedAt, i.ConfirmedBy, i.ConfirmedAt))];
    }
}
