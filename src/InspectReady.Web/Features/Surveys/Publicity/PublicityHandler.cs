using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Surveys;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Surveys.Publicity;

/// <param name="Date">YYYY-MM-DD.</param>
/// <param name="Kind">lecture, street_stall, media, online, theme_event, door_to_door, other.</param>
/// <param name="Reach">覆盖人数.</param>
public sealed record ActivityRequest(Guid UnitId, string? Date, string? Kind, string? Place, string? Street, int Reach, string? Description = null);

public sealed record PhotoDto(Guid Id, string FileName, long Size, string ContentType, string Url);

public sealed record ActivityDto(Guid Id, Guid UnitId, string? UnitName, string Date, string Kind, string KindLabel, string Place, string? Street,
    int Reach, string? Description, string CreatedBy, IReadOnlyList<PhotoDto> Photos);

public sealed record PlanItem(Guid? UnitId, string? Street, int Target);

public sealed record PlanRequest(List<PlanItem>? Items);

public sealed record PlanItemDto(Guid? UnitId, string? UnitName, string? Street, int Target);

public sealed record TallyDto(Guid? UnitId, string Name, int Activities, int Reach, int? Target, bool? Met);

public sealed record PublicitySummaryDto(int Activities, int Reach, IReadOnlyList<TallyDto> ByUnit, IReadOnlyList<TallyDto> ByStreet);

public sealed record KindDto(string Code, string Label);

/// <summary>宣传活动台账: units record their activities with photos; the office sets the plan and counts against it.</summary>
public sealed class PublicityHandler(IDbContextFactory<AppDbContext> factory, FileStore files, IChinaClock clock)
{
    public static IReadOnlyList<KindDto> Kinds() => [.. PublicityKinds.Labels.Select(kv => new KindDto(kv.Key, kv.Value))];

    public async Task<Paged<ActivityDto>> ListAsync(UserScope actor, Guid? unitId = null, string? street = null, int? page = null, int? pageSize = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = Filtered(db, actor, unitId, street);
        var paged = await query.Include(a => a.Photos).OrderByDescending(a => a.Date).ThenBy(a => a.Id).ToPageAsync(PageRequest.Of(page, pageSize));
        var names = await UnitNamesAsync(db, paged.Items.Select(a => a.UnitId));
        return paged.Map(a => ToDto(a, names));
    }

    /// <summary>The units the actor records activities for: the office its region's, a unit's users their own.</summary>
    public async Task<IReadOnlyList<Rectifications.UnitChoiceDto>> UnitsAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (SurveyAccess.IsOffice(actor))
        {
            var regions = RegionTree.SubtreeQuery(db, actor.RegionId!.Value);
            return await db.Units.AsNoTracking().Where(u => regions.Contains(u.RegionId)).OrderBy(u => u.Name)
                .Select(u => new Rectifications.UnitChoiceDto(u.Id, u.Name)).ToListAsync();
        }
        var own = SurveyAccess.IsUnitUser(actor) ? actor.UnitId : null;
        return await db.Units.AsNoTracking().Where(u => own != null && u.Id == own).Select(u => new Rectifications.UnitChoiceDto(u.Id, u.Name)).ToListAsync();
    }

    /// <summary>The streets named so far in the actor's activities and in the plan, for the filter.</summary>
    public async Task<IReadOnlyList<string>> StreetsAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        var named = await SurveyAccess.Activities(db, actor).Where(a => a.Street != null).Select(a => a.Street!).Distinct().ToListAsync();
        var planned = (await PlanAsync(actor)).Where(p => p.Street is not null).Select(p => p.Street!);
        return [.. named.Concat(planned).Distinct().Order(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ActivityDto>> AllAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        var items = await Filtered(db, actor, null, null).Include(a => a.Photos).OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync();
        var names = await UnitNamesAsync(db, items.Select(a => a.UnitId));
        return [.. items.Select(a => ToDto(a, names))];
    }

    public async Task<Outcome<ActivityDto>> CreateAsync(UserScope actor, ActivityRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!SurveyAccess.IsOffice(actor) && !SurveyAccess.IsUnitUser(actor))
        {
            return await Visibility.ForbiddenAsync<ActivityDto>(db, actor, "登记宣传活动");
        }
        if (!await SurveyAccess.RecordsForAsync(db, actor, request.UnitId))
        {
            await Visibility.DeniedAsync(db, actor, $"单位 {request.UnitId} 的宣传活动", "其他单位或区划");
            return Outcome<ActivityDto>.NotFound();
        }
        var errors = new List<FieldError>();
        if (!IsoDate.TryParse(request.Date, out var date) || date > clock.Today)
        {
            errors.Add(new FieldError(null, "date", $"date：活动日期“{request.Date}”无效，应为今天或以前的日期，格式 YYYY-MM-DD"));
        }
        if (!PublicityKinds.IsValid(request.Kind))
        {
            errors.Add(new FieldError(null, "kind", $"kind：活动形式“{request.Kind}”无效，只能是：{string.Join("、", PublicityKinds.Labels.Select(kv => $"{kv.Key}（{kv.Value}）"))}"));
        }
        if (string.IsNullOrWhiteSpace(request.Place) || request.Place.Trim().Length > 200)
        {
            errors.Add(new FieldError(null, "place", "place：活动地点不能为空，最多200字"));
        }
        if (request.Reach is < 0 or > 10_000_000)
        {
            errors.Add(new FieldError(null, "reach", "reach：覆盖人数应为 0–10000000"));
        }
        if (request.Description is { Length: > 2000 } || request.Street is { Length: > 100 })
        {
            errors.Add(new FieldError(null, "description", "description：活动内容最多2000字，街道名称最多100字"));
        }
        if (errors.Count > 0)
        {
            return Outcome<ActivityDto>.Invalid(errors);
        }
        var regionId = await db.Units.Where(u => u.Id == request.UnitId).Select(u => u.RegionId).FirstAsync();
        var activity = new PublicityActivity
        {
            RegionId = regionId, UnitId = request.UnitId, Date = date, Kind = request.Kind!, Place = request.Place!.Trim(),
            Street = string.IsNullOrWhiteSpace(request.Street) ? null : request.Street.Trim(), Reach = request.Reach,
            Description = request.Description?.Trim(), CreatedBy = actor.UserName, CreatedAt = clock.UtcNow,
        };
        db.PublicityActivities.Add(activity);
        db.Record(actor, AuditActions.Create, $"宣传活动 {activity.Place} {IsoDate.Format(date)}");
        await db.SaveChangesAsync();
        return Outcome<ActivityDto>.Ok(ToDto(activity, await UnitNamesAsync(db, [activity.UnitId])));
    }

    public async Task<Outcome<bool>> DeleteAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var (activity, refusal) = await LoadWritableAsync(db, actor, id);
        if (activity is null)
        {
            return refusal!;
        }
        db.PublicityActivities.Remove(activity!);
        db.Record(actor, AuditActions.Delete, $"宣传活动 {activity!.Place} {IsoDate.Format(activity.Date)}");
        await db.SaveChangesAsync();
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<PhotoDto>> AddPhotoAsync(UserScope actor, Guid id, Stream content, string fileName, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (activity, refusal) = await LoadWritableAsync(db, actor, id);
        if (activity is null)
        {
            return refusal!.As<PhotoDto>();
        }
        StoredFile stored;
        try
        {
            stored = await files.SaveAsync(content, fileName, ct);
        }
        catch (FileRejectedException e)
        {
            return Outcome<PhotoDto>.Invalid("file", e.Message);
        }
        if (!stored.ContentType.StartsWith("image/", StringComparison.Ordinal) && stored.ContentType != "application/pdf")
        {
            return Outcome<PhotoDto>.Invalid("file", $"file：“{fileName}”不是图片或 PDF（识别为 {stored.ContentType}）");
        }
        var photo = new PublicityPhoto { ActivityId = id, FileName = Path.GetFileName(fileName), Sha256 = stored.Sha256, Size = stored.Size, ContentType = stored.ContentType };
        db.PublicityPhotos.Add(photo);
        db.Record(actor, AuditActions.Create, $"宣传活动 {activity!.Place} 照片", detail: $"SHA-256 {stored.Sha256}，{stored.Size}字节");
        await db.SaveChangesAsync(ct);
        return Outcome<PhotoDto>.Ok(ToDto(photo));
    }

    public async Task<Outcome<(PublicityPhoto Photo, Stream Content)>> OpenPhotoAsync(UserScope actor, Guid id, Guid photoId)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!await SurveyAccess.Activities(db, actor).AnyAsync(a => a.Id == id))
        {
            if (await db.PublicityActivities.AnyAsync(a => a.Id == id))
            {
                await Visibility.DeniedAsync(db, actor, $"宣传活动 {id} 的照片", "其他单位或区划");
            }
            return Outcome<(PublicityPhoto, Stream)>.NotFound();
        }
        if (await db.PublicityPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.ActivityId == id) is not { } photo || !files.Exists(photo.Sha256))
        {
            return Outcome<(PublicityPhoto, Stream)>.NotFound();
        }
        return Outcome<(PublicityPhoto, Stream)>.Ok((photo, files.OpenRead(photo.Sha256)));
    }

    public async Task<IReadOnlyList<PlanItemDto>> PlanAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!SurveyAccess.IsOffice(actor))
        {
            var own = SurveyAccess.IsUnitUser(actor) ? actor.UnitId : null;
            var mine = await db.PublicityPlans.AsNoTracking().Where(p => own != null && p.UnitId == own).ToListAsync();
            return await PlanDtosAsync(db, mine);
        }
        return await PlanDtosAsync(db, await db.PublicityPlans.AsNoTracking().Where(p => p.RegionId == actor.RegionId).ToListAsync());
    }

    public async Task<Outcome<IReadOnlyList<PlanItemDto>>> SetPlanAsync(UserScope actor, PlanRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!SurveyAccess.IsOffice(actor))
        {
            return await Visibility.ForbiddenAsync<IReadOnlyList<PlanItemDto>>(db, actor, "宣传活动计划");
        }
        var items = request.Items ?? [];
        var errors = new List<FieldError>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if ((item.UnitId is null) == string.IsNullOrWhiteSpace(item.Street))
            {
                errors.Add(new FieldError(i + 1, "unitId", $"items 第{i + 1}项：单位（unitId）和街道（street）须且只能填一个"));
            }
            else if (item.UnitId is { } u && !await SurveyAccess.UnitInRegionAsync(db, actor, u))
            {
                errors.Add(new FieldError(i + 1, "unitId", $"items 第{i + 1}项：单位不存在或不在本区划内"));
            }
            if (item.Target is < 0 or > 100000)
            {
                errors.Add(new FieldError(i + 1, "target", $"items 第{i + 1}项：计划场次应为 0–100000"));
            }
        }
        if (items.GroupBy(i => (i.UnitId, i.Street?.Trim())).Any(g => g.Count() > 1))
        {
            errors.Add(new FieldError(null, "items", "items：同一单位或街道重复"));
        }
        if (errors.Count > 0)
        {
            return Outcome<IReadOnlyList<PlanItemDto>>.Invalid(errors);
        }
        var region = actor.RegionId!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.PublicityPlans.Where(p => p.RegionId == region).ExecuteDeleteAsync();
        db.PublicityPlans.AddRange(items.Select(i => new PublicityPlan { RegionId = region, UnitId = i.UnitId, Street = i.Street?.Trim() is { Length: > 0 } s ? s : null, Target = i.Target }));
        db.Record(actor, AuditActions.Update, "宣传活动计划", detail: $"{items.Count}项");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Outcome<IReadOnlyList<PlanItemDto>>.Ok(await PlanAsync(actor));
    }

    public async Task<PublicitySummaryDto> SummaryAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        var visible = SurveyAccess.Activities(db, actor);
        var byUnit = await visible.GroupBy(a => a.UnitId).Select(g => new { g.Key, Count = g.Count(), Reach = g.Sum(a => a.Reach) }).ToListAsync();
        var byStreet = await visible.Where(a => a.Street != null).GroupBy(a => a.Street!).Select(g => new { g.Key, Count = g.Count(), Reach = g.Sum(a => a.Reach) }).ToListAsync();
        var plan = await PlanAsync(actor);
        var unitIds = byUnit.Select(u => u.Key).Concat(plan.Where(p => p.UnitId is not null).Select(p => p.UnitId!.Value)).Distinct().ToList();
        var names = await UnitNamesAsync(db, unitIds);
        var units = unitIds.Select(id =>
        {
            var tally = byUnit.FirstOrDefault(u => u.Key == id);
            var target = plan.FirstOrDefault(p => p.UnitId == id)?.Target;
            var count = tally?.Count ?? 0;
            return new TallyDto(id, names.GetValueOrDefault(id) ?? "", count, tally?.Reach ?? 0, target, target is null ? null : count >= target);
        }).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var streets = byStreet.Select(s => s.Key).Concat(plan.Where(p => p.Street is not null).Select(p => p.Street!)).Distinct().Select(name =>
        {
            var tally = byStreet.FirstOrDefault(s => s.Key == name);
            var target = plan.FirstOrDefault(p => p.Street == name)?.Target;
            var count = tally?.Count ?? 0;
            return new TallyDto(null, name, count, tally?.Reach ?? 0, target, target is null ? null : count >= target);
        }).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        return new PublicitySummaryDto(byUnit.Sum(u => u.Count), byUnit.Sum(u => u.Reach), units, streets);
    }

    private static IQueryable<PublicityActivity> Filtered(AppDbContext db, UserScope actor, Guid? unitId, string? street)
    {
        var query = SurveyAccess.Activities(db, actor).AsNoTracking();
        if (unitId is { } u)
        {
            query = query.Where(a => a.UnitId == u);
        }
        if (!string.IsNullOrWhiteSpace(street))
        {
            query = query.Where(a => a.Street == street);
        }
        return query;
    }

    private static async Task<(PublicityActivity? Activity, Outcome<bool>? Refusal)> LoadWritableAsync(AppDbContext db, UserScope actor, Guid id)
    {
        var activity = await SurveyAccess.Activities(db, actor).FirstOrDefaultAsync(a => a.Id == id);
        if (activity is null)
        {
            if (await db.PublicityActivities.AnyAsync(a => a.Id == id))
            {
                await Visibility.DeniedAsync(db, actor, $"宣传活动 {id}", "其他单位或区划");
            }
            return (null, Outcome<bool>.NotFound());
        }
        if (!await SurveyAccess.RecordsForAsync(db, actor, activity.UnitId))
        {
            return (null, await Visibility.ForbiddenAsync<bool>(db, actor, $"宣传活动 {id}"));
        }
        return (activity, null);
    }

    private static async Task<IReadOnlyList<PlanItemDto>> PlanDtosAsync(AppDbContext db, List<PublicityPlan> items)
    {
        var names = await UnitNamesAsync(db, items.Where(p => p.UnitId is not null).Select(p => p.UnitId!.Value));
        return [.. items.Select(p => new PlanItemDto(p.UnitId, p.UnitId is { } u ? names.GetValueOrDefault(u) : null, p.Street, p.Target))];
    }

    private static async Task<Dictionary<Guid, string>> UnitNamesAsync(AppDbContext db, IEnumerable<Guid> ids)
    {
        var list = ids.Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
    }

    private static PhotoDto ToDto(PublicityPhoto p) => new(p.Id, p.FileName, p.Size, p.ContentType, $"/api/v1/publicity/activities/{p.ActivityId}/photos/{p.Id}");

    private static ActivityDto ToDto(PublicityActivity a, Dictionary<Guid, string> names) =>
        new(a.Id, a.UnitId, names.GetValueOrDefault(a.UnitId), IsoDate.Format(a.Date), a.Kind, PublicityKinds.Label(a.Kind), a.Place, a.Street, a.Reach,
            a.Description, a.CreatedBy, [.. a.Photos.Select(ToDto)]);
}
