using InspectReady.Web.Features.Shared.Notifications;
using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Supervision;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace InspectReady.Web.Features.Supervision;

/// <summary>
/// 督导检查: the office issues 督办单 to lagging units, the unit's liaison or leader answers each item, the office closes
/// the notice; 约谈, 通报 and 追责 are recorded against units. A unit sees only its own notices and records (another
/// unit's answer 404). Every change is audited and notifies whoever must act next.
/// </summary>
public sealed class SupervisionHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public const int MaxItems = 50;

    public static bool CanIssue(UserScope actor) => actor.IsInRole(Roles.Office);

    private DateOnly Today => clock.Today;

    private DateTime Now => clock.UtcNow;

    public async Task<Outcome<IReadOnlyList<NoticeDto>>> NoticesAsync(UserScope actor, Guid campaignId, Guid? unitId = null, string? status = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = await CampaignAccess.LoadAsync(db, reach, campaignId);
        if (!campaign.IsOk)
        {
            return campaign.As<IReadOnlyList<NoticeDto>>();
        }
        if (unitId is { } u && !reach.SeesUnitOf(campaign.Value!, u))
        {
            await Visibility.DeniedAsync(db, actor, $"督办单 单位 {u}", "其他单位的督办单");
            return Outcome<IReadOnlyList<NoticeDto>>.NotFound();
        }
        var query = SupervisionAccess.Notices(db, reach).Where(n => n.CampaignId == campaignId);
        if (unitId is { } unit)
        {
            query = query.Where(n => n.UnitId == unit);
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(n => n.Status == status);
        }
        var notices = await query.Include(n => n.Items).OrderByDescending(n => n.No).ToListAsync();
        var names = await UnitNamesAsync(db);
        return Outcome<IReadOnlyList<NoticeDto>>.Ok([.. notices.Select(n => ToDto(n, names))]);
    }

    public async Task<Outcome<NoticeDto>> NoticeAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var notice = await SupervisionAccess.LoadAsync(db, await FilingReach.ResolveAsync(db, actor), id);
        return notice.IsOk ? Outcome<NoticeDto>.Ok(ToDto(notice.Value!, await UnitNamesAsync(db))) : notice.As<NoticeDto>();
    }

    public async Task<Outcome<NoticeDto>> IssueAsync(UserScope actor, Guid campaignId, NoticeRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = await CampaignAccess.LoadAsync(db, reach, campaignId);
        if (!campaign.IsOk)
        {
            return campaign.As<NoticeDto>();
        }
        if (!CampaignAccess.CanRun(reach, campaign.Value!.RegionId))
        {
            return await Visibility.ForbiddenAsync<NoticeDto>(db, actor, $"创建活动 {campaign.Value.Name} 下发督办单");
        }
        var errors = new List<FieldError>();
        var unit = request.UnitId is { } uid ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == uid) : null;
        if (unit is null)
        {
            errors.Add(new(null, "unitId", "被督办单位不存在"));
        }
        var title = request.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200)
        {
            errors.Add(new(null, "title", "督办事由标题不能为空，且不超过200字"));
        }
        if (request.Reason?.Trim() is { Length: > 2000 })
        {
            errors.Add(new(null, "reason", "督办说明不超过2000字"));
        }
        var items = (request.Items ?? []).Select(i => i?.Trim() ?? "").ToList();
        if (items.Count == 0 || items.Count > MaxItems)
        {
            errors.Add(new(null, "items", $"督办事项须有1至{MaxItems}项"));
        }
        foreach (var (text, i) in items.Select((t, i) => (t, i + 1)))
        {
            if (text.Length is 0 or > 1000)
            {
                errors.Add(new(i, "items", $"第{i}项督办事项不能为空，且不超过1000字"));
            }
        }
        if (request.Deadline is not { } deadline)
        {
            errors.Add(new(null, "deadline", "须给出整改期限"));
        }
        else if (deadline < Today)
        {
            errors.Add(new(null, "deadline", "整改期限不能早于今天"));
        }
        var taskIds = (request.TaskIds ?? []).Distinct().ToList();
        if (taskIds.Count > 0 && unit is not null)
        {
            var known = await db.Tasks.Where(t => taskIds.Contains(t.Id) && t.CampaignId == campaignId && t.UnitId == unit.Id).Select(t => t.Id).ToListAsync();
            errors.AddRange(taskIds.Except(known).Select(t => new FieldError(null, "taskIds", $"任务{t}不是该单位在本创建活动中的任务")));
        }
        if (errors.Count > 0)
        {
            return Outcome<NoticeDto>.Invalid(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var no = (await db.SupervisionNotices.Where(n => n.CampaignId == campaignId).MaxAsync(n => (int?)n.No) ?? 0) + 1;
        var notice = new SupervisionNotice
        {
            CampaignId = campaignId, UnitId = unit!.Id, No = no, Title = title, Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            Deadline = request.Deadline!.Value, IssuedAt = Now, IssuedBy = actor.UserName, TaskIds = taskIds,
            Items = [.. items.Select((t, i) => new SupervisionItem { Index = i + 1, Text = t })],
        };
        db.SupervisionNotices.Add(notice);
        db.Record(actor, AuditActions.Create, $"督办单 {notice.Number} {unit.Name}", detail: $"{items.Count}项，期限{notice.Deadline:yyyy-MM-dd}");
        await NotifyAsync(db, [Roles.UnitLiaison, Roles.UnitLeader], unit.Id, "收到督办单",
            $"{notice.Number}：{title}，请于{notice.Deadline:yyyy-MM-dd}前逐项答复整改情况", notice.Id);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<NoticeDto>.Ok(ToDto(notice, new Dictionary<Guid, string> { [unit.Id] = unit.Name }));
    }

    /// <summary>The unit's liaison or leader answers one item (again, to correct it, until the notice is closed).</summary>
    public async Task<Outcome<NoticeDto>> AnswerAsync(UserScope actor, Guid id, int index, AnswerRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var loaded = await SupervisionAccess.LoadAsync(db, reach, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<NoticeDto>();
        }
        var notice = loaded.Value!;
        if (!SupervisionAccess.CanAnswer(reach, notice))
        {
            return await Visibility.ForbiddenAsync<NoticeDto>(db, actor, $"督办单 {notice.Number} 答复");
        }
        var answer = request.Answer?.Trim() ?? "";
        if (answer.Length is 0 or > 4000)
        {
            return Outcome<NoticeDto>.Invalid("answer", "答复内容不能为空，且不超过4000字");
        }
        var before = notice.Status;
        try
        {
            notice.Answer(index, answer, actor.UserName, Now);
        }
        catch (SupervisionException e)
        {
            return notice.Items.All(i => i.Index != index) ? Outcome<NoticeDto>.NotFound() : Outcome<NoticeDto>.Conflict(e.Message);
        }
        var names = await UnitNamesAsync(db);
        db.Record(actor, AuditActions.Update, $"督办单 {notice.Number} 第{index}项答复", detail: $"{SupervisionStatus.Label(before)} → {SupervisionStatus.Label(notice.Status)}");
        if (notice.Status == SupervisionStatus.Answered && before != SupervisionStatus.Answered)
        {
            await NotifyAsync(db, [Roles.Office], null, "督办单已答复", $"{names.GetValueOrDefault(notice.UnitId)} 已答复{notice.Number}的全部事项，请审核办结", notice.Id);
        }
        if (!await db.TrySaveChangesAsync())
        {
            return Outcome<NoticeDto>.Conflict($"督办单 {notice.Number}：{Concurrency.Message}");
        }
        return Outcome<NoticeDto>.Ok(ToDto(notice, names));
    }

    public async Task<Outcome<NoticeDto>> CloseAsync(UserScope actor, Guid id, CloseNoticeRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var loaded = await SupervisionAccess.LoadAsync(db, reach, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<NoticeDto>();
        }
        var notice = loaded.Value!;
        if (!reach.IsOffice)
        {
            return await Visibility.ForbiddenAsync<NoticeDto>(db, actor, $"督办单 {notice.Number} 办结");
        }
        if (request.Remark?.Trim() is { Length: > 2000 })
        {
            return Outcome<NoticeDto>.Invalid("remark", "办结意见不超过2000字");
        }
        try
        {
            notice.Close(actor.UserName, string.IsNullOrWhiteSpace(request.Remark) ? null : request.Remark.Trim(), Now);
        }
        catch (SupervisionException e)
        {
            return Outcome<NoticeDto>.Conflict(e.Message);
        }
        db.Record(actor, AuditActions.Update, $"督办单 {notice.Number} 办结");
        await NotifyAsync(db, [Roles.UnitLiaison, Roles.UnitLeader], notice.UnitId, "督办单已办结", $"{notice.Number}：{notice.Title}", notice.Id);
        if (!await db.TrySaveChangesAsync())
        {
            return Outcome<NoticeDto>.Conflict($"督办单 {notice.Number}：{Concurrency.Message}");
        }
        return Outcome<NoticeDto>.Ok(ToDto(notice, await UnitNamesAsync(db)));
    }

    public async Task<Outcome<IReadOnlyList<AccountabilityDto>>> RecordsAsync(UserScope actor, Guid campaignId, Guid? unitId = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = await CampaignAccess.LoadAsync(db, reach, campaignId);
        if (!campaign.IsOk)
        {
            return campaign.As<IReadOnlyList<AccountabilityDto>>();
        }
        if (unitId is { } u && !reach.SeesUnitOf(campaign.Value!, u))
        {
            await Visibility.DeniedAsync(db, actor, $"问责记录 单位 {u}", "其他单位的问责记录");
            return Outcome<IReadOnlyList<AccountabilityDto>>.NotFound();
        }
        var query = db.AccountabilityRecords.AsNoTracking().Where(r => r.CampaignId == campaignId);
        if (reach.ConfinedTo(campaign.Value!) is { } confined)
        {
            query = query.Where(r => r.UnitId == confined);
        }
        if (unitId is { } unit)
        {
            query = query.Where(r => r.UnitId == unit);
        }
        var records = await query.OrderByDescending(r => r.Date).ThenByDescending(r => r.CreatedAt).ToListAsync();
        return Outcome<IReadOnlyList<AccountabilityDto>>.Ok(await ToDtosAsync(db, records));
    }

    public async Task<Outcome<AccountabilityDto>> RecordAsync(UserScope actor, Guid campaignId, AccountabilityRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = await CampaignAccess.LoadAsync(db, reach, campaignId);
        if (!campaign.IsOk)
        {
            return campaign.As<AccountabilityDto>();
        }
        if (!CampaignAccess.CanRun(reach, campaign.Value!.RegionId))
        {
            return await Visibility.ForbiddenAsync<AccountabilityDto>(db, actor, $"创建活动 {campaign.Value.Name} 登记问责");
        }
        var errors = new List<FieldError>();
        var unit = request.UnitId is { } uid ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == uid) : null;
        if (unit is null)
        {
            errors.Add(new(null, "unitId", "单位不存在"));
        }
        var kind = AccountabilityKinds.Parse(request.Kind);
        if (kind is null)
        {
            errors.Add(new(null, "kind", $"问责方式只能是：{AccountabilityKinds.Codes.Describe()}"));
        }
        if (request.Date is not { } date)
        {
            errors.Add(new(null, "date", "须填写日期"));
        }
        else if (date > Today)
        {
            errors.Add(new(null, "date", "日期不能晚于今天"));
        }
        var reason = request.Reason?.Trim() ?? "";
        var decision = request.Decision?.Trim() ?? "";
        if (reason.Length is 0 or > 2000)
        {
            errors.Add(new(null, "reason", "事由不能为空，且不超过2000字"));
        }
        if (decision.Length is 0 or > 2000)
        {
            errors.Add(new(null, "decision", "处理决定不能为空，且不超过2000字"));
        }
        if (request.NoticeId is { } nid && unit is not null
            && !await db.SupervisionNotices.AnyAsync(n => n.Id == nid && n.CampaignId == campaignId && n.UnitId == unit.Id))
        {
            errors.Add(new(null, "noticeId", "督办单不存在，或不是对该单位下发的"));
        }
        if (errors.Count > 0)
        {
            return Outcome<AccountabilityDto>.Invalid(errors);
        }
        var record = new AccountabilityRecord
        {
            CampaignId = campaignId, UnitId = unit!.Id, Kind = kind!, Date = request.Date!.Value, Reason = reason, Decision = decision,
            NoticeId = request.NoticeId, CreatedAt = Now, CreatedBy = actor.UserName,
        };
        db.AccountabilityRecords.Add(record);
        db.Record(actor, AuditActions.Create, $"问责记录 {AccountabilityKinds.Label(record.Kind)} {unit.Name}", detail: $"{record.Date:yyyy-MM-dd}");
        await NotifyAsync(db, [Roles.UnitLeader], unit.Id, $"本单位被{AccountabilityKinds.Label(record.Kind)}", $"{record.Date:yyyy-MM-dd}：{reason}；处理决定：{decision}", null);
        await db.SaveChangesAsync();
        return Outcome<AccountabilityDto>.Ok((await ToDtosAsync(db, [record]))[0]);
    }

    /// <summary>督导检查台账: the notices and the accountability records the user may see, one sheet each.</summary>
    public async Task<Outcome<ExportWorkbook>> ExportAsync(UserScope actor, Guid campaignId)
    {
        var probe = await NoticesAsync(actor, campaignId);
        if (!probe.IsOk)
        {
            return probe.As<ExportWorkbook>();
        }
        var notices = probe.Value ?? [];
        var records = (await RecordsAsync(actor, campaignId)).Value ?? [];
        var noticeRows = notices.OrderBy(n => n.No).Select(n => new NoticeRow
        {
            Number = n.Number, Unit = n.UnitName, Title = n.Title, Items = string.Join("\n", n.Items.Select(i => $"{i.Index}. {i.Text}")),
            Answers = string.Join("\n", n.Items.Where(i => i.Answer is not null).Select(i => $"{i.Index}. {i.Answer}")),
            Issued = IsoDate.Format(ChinaTime.DayOf(n.IssuedAt)), Deadline = n.Deadline.ToString("yyyy-MM-dd"), Status = n.StatusLabel + (n.Overdue ? "（逾期）" : ""),
            Closed = n.ClosedAt is { } closed ? IsoDate.Format(ChinaTime.DayOf(closed)) : "", Remark = n.ClosingRemark ?? "",
        }).ToList();
        var recordRows = records.OrderBy(r => r.Date).Select(r => new RecordRow
        {
            Date = r.Date.ToString("yyyy-MM-dd"), Unit = r.UnitName, Kind = r.KindLabel, Reason = r.Reason, Decision = r.Decision, Notice = r.NoticeNumber ?? "",
            Recorder = r.CreatedBy,
        }).ToList();
        return Outcome<ExportWorkbook>.Ok(ExportWorkbook.Of(
            new ExportedFile("督导检查台账.xlsx", "督导检查台账", $"督办单{noticeRows.Count}份，问责记录{recordRows.Count}条"),
            ("督办单", noticeRows), ("问责记录", recordRows)));
    }

    private static async Task<Dictionary<Guid, string>> UnitNamesAsync(AppDbContext db) =>
        await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name);

    private async Task<List<AccountabilityDto>> ToDtosAsync(AppDbContext db, IReadOnlyList<AccountabilityRecord> records)
    {
        var names = await UnitNamesAsync(db);
        var noticeIds = records.Select(r => r.NoticeId).OfType<Guid>().Distinct().ToList();
        var notices = await db.SupervisionNotices.AsNoTracking().Where(n => noticeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Number);
        return [.. records.Select(r => new AccountabilityDto(r.Id, r.CampaignId, r.UnitId, names.GetValueOrDefault(r.UnitId) ?? "", r.Kind, r.Date, r.Reason,
            r.Decision, r.NoticeId, r.NoticeId is { } n ? notices.GetValueOrDefault(n) : null, r.CreatedAt, r.CreatedBy))];
    }

    private NoticeDto ToDto(SupervisionNotice n, IReadOnlyDictionary<Guid, string> names) =>
        new(n.Id, n.CampaignId, n.No, n.Number, n.UnitId, names.GetValueOrDefault(n.UnitId) ?? "", n.Title, n.Reason, n.Deadline, n.Status, n.IsOverdue(Today),
            n.IssuedAt, n.IssuedBy, n.ClosedAt, n.ClosedBy, n.ClosingRemark, n.TaskIds,
            [.. n.Items.OrderBy(i => i.Index).Select(i => new SupervisionItemDto(i.Index, i.Text, i.Answer, i.AnsweredAt, i.AnsweredBy))]);

    /// <summary>In-app notices to the enabled users holding one of the roles (in the unit, when given).</summary>
    private Task NotifyAsync(AppDbContext db, string[] roles, Guid? unitId, string title, string body, Guid? noticeId) =>
        Notifier.SendToRolesAsync(db, new NotifyMessage(title, body, noticeId is { } id ? $"/supervision/notices/{id}" : "/supervision", Now), roles, unitId);

    private sealed class NoticeRow
    {
        [ExcelColumnName("编号")] public string Number { get; init; } = "";
        [ExcelColumnName("被督办单位")] public string Unit { get; init; } = "";
        [ExcelColumnName("督办事由")] public string Title { get; init; } = "";
        [ExcelColumnName("督办事项")] public string Items { get; init; } = "";
        [ExcelColumnName("答复情况")] public string Answers { get; init; } = "";
        [ExcelColumnName("下发日期")] public string Issued { get; init; } = "";
        [ExcelColumnName("整改期限")] public string Deadline { get; init; } = "";
        [ExcelColumnName("状态")] public string Status { get; init; } = "";
        [ExcelColumnName("办结日期")] public string Closed { get; init; } = "";
        [ExcelColumnName("办结意见")] public string Remark { get; init; } = "";
    }

    private sealed class RecordRow
    {
        [ExcelColumnName("日期")] public string Date { get; init; } = "";
        [ExcelColumnName("单位")] public string Unit { get; init; } = "";
        [ExcelColumnName("问责方式")] public string Kind { get; init; } = "";
        [ExcelColumnName("事由")] public string Reason { get; init; } = "";
        [ExcelColumnName("处理决定")] public string Decision { get; init; } = "";
        [ExcelColumnName("关联督办单")] public string Notice { get; init; } = "";
        [ExcelColumnName("记录人")] public string Recorder { get; init; } = "";
    }
}
