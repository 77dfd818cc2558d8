using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Campaigns;

public sealed record CampaignRequest(string? Name, Guid? FrameworkId, Guid? RegionId, DateOnly? CutoffDate, DateOnly? Deadline,
    DateOnly? SelfCheckFrom = null, DateOnly? SelfCheckTo = null, DateOnly? SurveyFrom = null, DateOnly? SurveyTo = null,
    DateOnly? OnSiteFrom = null, DateOnly? OnSiteTo = null);

public sealed record UnmatchedEntryDto(string Entry, IReadOnlyList<int> IndicatorNos);

public sealed record CampaignDto(Guid Id, string Name, Guid FrameworkId, Guid RegionId, DateOnly CutoffDate, DateOnly Deadline,
    DateOnly? SelfCheckFrom, DateOnly? SelfCheckTo, DateOnly? SurveyFrom, DateOnly? SurveyTo, DateOnly? OnSiteFrom, DateOnly? OnSiteTo,
    int TaskCount, IReadOnlyList<UnmatchedEntryDto> Unmatched);

public sealed record GenerationDto(int Created, int Updated, int Removed, int Kept, IReadOnlyList<UnmatchedEntryDto> Unmatched);

public sealed record EntryMappingRequest(string? Entry, List<Guid>? UnitIds);

/// <summary>创建活动: create one from a framework, generate its tasks, map unmatched 责任单位 entries.</summary>
public sealed class CampaignsHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    /// <summary>Creating and running campaigns is the 创建办's work alone (三员分立: not the 系统管理员's).</summary>
    public static bool CanManage(UserScope actor) => actor.IsInRole(Roles.Office);

    public async Task<IReadOnlyList<CampaignDto>> ListAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaigns = await CampaignAccess.Visible(db, reach).AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync();
        var result = new List<CampaignDto>();
        foreach (var c in campaigns)
        {
            result.Add(await ToDtoAsync(db, c));
        }
        return result;
    }

    public async Task<Outcome<CampaignDto>> GetAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var campaign = await CampaignAccess.LoadAsync(db, await FilingReach.ResolveAsync(db, actor), id);
        return campaign.IsOk ? Outcome<CampaignDto>.Ok(await ToDtoAsync(db, campaign.Value!)) : campaign.As<CampaignDto>();
    }

    public async Task<Outcome<CampaignDto>> CreateAsync(UserScope actor, CampaignRequest request)
    {
        if (!CanManage(actor))
        {
            return Outcome<CampaignDto>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new(null, "name", "名称不能为空"));
        }
        var framework = request.FrameworkId is { } fid ? await db.Frameworks.FirstOrDefaultAsync(f => f.Id == fid) : null;
        if (framework is null)
        {
            errors.Add(new(null, "frameworkId", "指标体系不存在"));
        }
        if (request.RegionId is not { } rid || !await db.Regions.AnyAsync(r => r.Id == rid))
        {
            errors.Add(new(null, "regionId", "区划不存在"));
        }
        else if (!CampaignAccess.CanRun(reach, rid))
        {
            return await Visibility.ForbiddenAsync<CampaignDto>(db, actor, $"在区划 {rid} 创建活动");
        }
        if (request.Deadline is null)
        {
            errors.Add(new(null, "deadline", "须填写报送截止日期"));
        }
        var cutoff = request.CutoffDate ?? framework?.DefaultCutoff;
        if (cutoff is null)
        {
            errors.Add(new(null, "cutoffDate", "该指标体系没有默认材料截止日期，须填写 cutoffDate"));
        }
        foreach (var (from, to, field) in new[]
        {
            (request.SelfCheckFrom, request.SelfCheckTo, "selfCheck"), (request.SurveyFrom, request.SurveyTo, "survey"), (request.OnSiteFrom, request.OnSiteTo, "onSite"),
        })
        {
            if (from is { } f && to is { } t && t < f)
            {
                errors.Add(new(null, field + "To", "结束日期早于开始日期"));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<CampaignDto>.Invalid(errors);
        }
        var campaign = new Campaign
        {
            Name = request.Name!.Trim(), FrameworkId = framework!.Id, RegionId = request.RegionId!.Value, CutoffDate = cutoff!.Value,
            Deadline = request.Deadline!.Value, SelfCheckFrom = request.SelfCheckFrom, SelfCheckTo = request.SelfCheckTo,
            SurveyFrom = request.SurveyFrom, SurveyTo = request.SurveyTo, OnSiteFrom = request.OnSiteFrom, OnSiteTo = request.OnSiteTo,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        framework.Lock(clock.UtcNow);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var generation = await GenerateAsync(db, campaign);
        db.Record(actor, AuditActions.Create, $"创建活动 {campaign.Name}", detail: $"任务{generation.Created}项，待对应的责任单位{generation.Unmatched.Count}个");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<CampaignDto>.Ok(await ToDtoAsync(db, campaign));
    }

    /// <summary>Re-generates after the organisation changed: idempotent, and filed work is never lost.</summary>
    public async Task<Outcome<GenerationDto>> RegenerateAsync(UserScope actor, Guid id)
    {
        if (!CanManage(actor))
        {
            return Outcome<GenerationDto>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await CampaignAccess.LoadToRunAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<GenerationDto>();
        }
        var campaign = loaded.Value!;
        await using var tx = await db.Database.BeginTransactionAsync();
        // Row version: two regenerations (or a regeneration and a mapping) at once: the second answers 409.
        campaign.Touch();
        try
        {
            var generation = await GenerateAsync(db, campaign);
            db.Record(actor, AuditActions.Update, $"创建活动 {campaign.Name} 重新生成任务",
                detail: $"新增{generation.Created}，更新{generation.Updated}，移除{generation.Removed}，保留已填报{generation.Kept}");
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return Outcome<GenerationDto>.Ok(generation);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<GenerationDto>.Conflict($"创建活动 {campaign.Name}：{Concurrency.Message}");
        }
    }

    public async Task<Outcome<GenerationDto>> MapEntryAsync(UserScope actor, Guid id, EntryMappingRequest request)
    {
        if (!CanManage(actor))
        {
            return Outcome<GenerationDto>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await CampaignAccess.LoadToRunAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<GenerationDto>();
        }
        var campaign = loaded.Value!;
        var entry = UnitNames.Normalise(request.Entry ?? "");
        var unitIds = request.UnitIds ?? [];
        var errors = new List<FieldError>();
        if (entry.Length == 0)
        {
            errors.Add(new(null, "entry", "须指明责任单位名称"));
        }
        var known = await db.Units.Where(u => unitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync();
        errors.AddRange(unitIds.Except(known).Select(u => new FieldError(null, "unitIds", $"单位{u}不存在")));
        if (errors.Count > 0)
        {
            return Outcome<GenerationDto>.Invalid(errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        campaign.Touch();
        try
        {
            campaign.EntryMappings.RemoveAll(m => m.Entry == entry);
            campaign.EntryMappings.Add(new EntryMapping { Entry = entry, UnitIds = unitIds });
            await db.SaveChangesAsync();
            var generation = await GenerateAsync(db, campaign);
            db.Record(actor, AuditActions.Update, $"创建活动 {campaign.Name} 责任单位对应", detail: $"{entry} → {unitIds.Count}个单位");
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return Outcome<GenerationDto>.Ok(generation);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<GenerationDto>.Conflict($"创建活动 {campaign.Name}：{Concurrency.Message}");
        }
    }

    private static async Task<GenerationDto> GenerateAsync(AppDbContext db, Campaign campaign)
    {
        var (planned, unmatched) = await PlanAsync(db, campaign);
        var existing = await db.Tasks.Where(t => t.CampaignId == campaign.Id).ToListAsync();
        int created = 0, updated = 0, removed = 0, kept = 0;
        foreach (var p in planned)
        {
            var task = existing.FirstOrDefault(t => t.UnitId == p.UnitId && t.GroupKey == p.GroupKey);
            if (task is null)
            {
                db.Tasks.Add(new FilingTask
                {
                    CampaignId = campaign.Id, UnitId = p.UnitId, GroupKey = p.GroupKey, IndicatorNos = [.. p.IndicatorNos], IsLead = p.IsLead,
                    Deadline = campaign.Deadline,
                });
                created++;
            }
            else if (task.IsLead != p.IsLead || task.Removed || !task.IndicatorNos.SequenceEqual(p.IndicatorNos))
            {
                task.IsLead = p.IsLead;
                task.Removed = false;
                task.IndicatorNos = [.. p.IndicatorNos];
                updated++;
            }
        }
        foreach (var task in existing.Where(t => !planned.Any(p => p.UnitId == t.UnitId && p.GroupKey == t.GroupKey)))
        {
            // Untouched drafts go; anything a unit has worked on stays, marked as no longer assigned.
            if (task.DraftVersion == 0 && task.Status == FilingStatus.Draft && !await db.TaskAttachments.AnyAsync(a => a.TaskId == task.Id))
            {
                db.Tasks.Remove(task);
                removed++;
            }
            else if (!task.Removed)
            {
                task.Removed = true;
                kept++;
            }
        }
        await db.SaveChangesAsync();
        return new GenerationDto(created, updated, removed, kept, unmatched);
    }

    private static async Task<(IReadOnlyList<PlannedTask>, IReadOnlyList<UnmatchedEntryDto>)> PlanAsync(AppDbContext db, Campaign campaign)
    {
        var nodes = await db.FrameworkNodes.AsNoTracking().Where(n => n.FrameworkId == campaign.FrameworkId && n.No != null).ToListAsync();
        var indicators = nodes.Select(n => new PlannedIndicator(n.No!.Value, n.Units, n.MaterialsGroup)).ToList();
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToListAsync();
        var inArea = new HashSet<Guid> { campaign.RegionId };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var r in regions.Where(r => r.ParentId is { } p && inArea.Contains(p) && !inArea.Contains(r.Id)))
            {
                inArea.Add(r.Id);
                grew = true;
            }
        }
        var units = (await db.Units.AsNoTracking().Include(u => u.Aliases).Include(u => u.Tags).AsSplitQuery().ToListAsync())
            .Where(u => inArea.Contains(u.RegionId))
            .Select(u => new PlannedUnit(u.Id, u.Name, [.. u.Aliases.Select(a => a.Alias)], [.. u.Tags.Select(t => t.Tag)], u.Kind)).ToList();
        var mappings = campaign.EntryMappings.ToDictionary(m => m.Entry, m => (IReadOnlyList<Guid>)m.UnitIds);
        var (tasks, unmatched) = TaskPlanner.Plan(indicators, units, mappings);
        return (tasks, [.. unmatched.Select(u => new UnmatchedEntryDto(u.Entry, u.IndicatorNos))]);
    }

    private static async Task<CampaignDto> ToDtoAsync(AppDbContext db, Campaign c)
    {
        var count = await db.Tasks.CountAsync(t => t.CampaignId == c.Id && !t.Removed);
        var (_, unmatched) = await PlanAsync(db, c);
        return new CampaignDto(c.Id, c.Name, c.FrameworkId, c.RegionId, c.CutoffDate, c.Deadline, c.SelfCheckFrom, c.SelfCheckTo,
            c.SurveyFrom, c.SurveyTo, c.OnSiteFrom, c.OnSiteTo, count, unmatched);
    }
}
