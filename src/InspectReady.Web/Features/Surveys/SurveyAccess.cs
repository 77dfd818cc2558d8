using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Surveys;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Access;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Surveys;

/// <summary>
/// Who sees and changes surveys, their results, their rectification lists and the publicity register (ADR 0120):
/// the 创建办 of a region builds, runs (its callers use the telephone mode) and reads the surveys of its region and
/// the regions below it, and keeps the publicity plan; a unit's 联络员 and 领导 see their own unit's rectification
/// items (and answer them) and record and read their own unit's publicity activities; 系统管理员, 安全管理员, 审计管理员
/// and every other role see none of it. The public path (<c>/s/{token}</c>, <c>/api/v1/public/…</c>) is anonymous
/// and reaches only an open survey by its unguessable token.
/// </summary>
public static class SurveyAccess
{
    /// <summary>创建办 with a region: builds, runs and reads its region's surveys.</summary>
    public static bool IsOffice(UserScope actor) => OfficeReach.IsOffice(actor);

    /// <summary>A unit's 联络员 or 领导: its own unit's rectification items and publicity activities.</summary>
    public static bool IsUnitUser(UserScope actor) => OfficeReach.IsUnitUser(actor);

    private static IQueryable<Guid> Regions(AppDbContext db, UserScope actor) => OfficeReach.Regions(db, actor);

    public static IQueryable<Survey> Visible(AppDbContext db, UserScope actor)
    {
        var regions = Regions(db, actor);
        return db.Surveys.Where(s => regions.Contains(s.RegionId));
    }

    /// <summary>The survey if the actor may work it; else 404 (another region's, or a role that has none), the attempt audited.</summary>
    public static async Task<Outcome<Survey>> LoadAsync(AppDbContext db, UserScope actor, Guid id, bool tracked = false, CancellationToken ct = default)
    {
        var query = tracked ? Visible(db, actor) : Visible(db, actor).AsNoTracking();
        if (await query.FirstOrDefaultAsync(s => s.Id == id, ct) is { } survey)
        {
            return Outcome<Survey>.Ok(survey);
        }
        if (await db.Surveys.AnyAsync(s => s.Id == id, ct))
        {
            await Visibility.DeniedAsync(db, actor, $"满意度调查 {id}", "其他区划的调查，或角色无权访问", ct);
        }
        return Outcome<Survey>.NotFound();
    }

    /// <summary>The rectification items the actor sees: the office those of its surveys, a unit's users their own unit's.</summary>
    public static IQueryable<SurveyRectification> Rectifications(AppDbContext db, UserScope actor)
    {
        var surveys = Visible(db, actor).Select(s => s.Id);
        var own = IsUnitUser(actor) ? actor.UnitId : null;
        return db.SurveyRectifications.Where(r => surveys.Contains(r.SurveyId) || (own != null && r.UnitId == own));
    }

    /// <summary>The publicity activities the actor sees: the office its region's, a unit's users their own unit's.</summary>
    public static IQueryable<PublicityActivity> Activities(AppDbContext db, UserScope actor)
    {
        var regions = Regions(db, actor);
        var own = IsUnitUser(actor) ? actor.UnitId : null;
        return db.PublicityActivities.Where(a => regions.Contains(a.RegionId) || (own != null && a.UnitId == own));
    }

    /// <summary>Whether the actor records activities for the unit: the office for its region's units, a unit's users for their own.</summary>
    public static async Task<bool> RecordsForAsync(AppDbContext db, UserScope actor, Guid unitId, CancellationToken ct = default)
    {
        if (IsUnitUser(actor) && actor.UnitId == unitId)
        {
            return true;
        }
        var regions = Regions(db, actor);
        return IsOffice(actor) && await db.Units.AnyAsync(u => u.Id == unitId && regions.Contains(u.RegionId), ct);
    }

    public static Task<bool> UnitInRegionAsync(AppDbContext db, UserScope actor, Guid unitId, CancellationToken ct = default)
    {
        var regions = Regions(db, actor);
        return db.Units.AnyAsync(u => u.Id == unitId && regions.Contains(u.RegionId), ct);
    }
}
