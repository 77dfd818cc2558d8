using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Sampling;
using InspectReady.Web.Features.Shared.Access;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.CaseFiles;

/// <summary>
/// Who sees and changes which case files (ADR 0104, ADR 0017): the 创建办 and 督查 read the files of the units of
/// their region and the regions below it; a unit's 联络员 and 领导 read and enter their own unit's only (another
/// unit's file answers 404); 评查员 read the files of a current draw, to score them; 创建办 draws, keeps the
/// templates and issues rectifications. 系统管理员, 安全管理员 and 审计管理员 read none.
/// </summary>
public static class CaseFileAccess
{
    /// <summary>创建办 or 督查 with a region: reads the case work of the region's units.</summary>
    public static bool ReadsRegion(UserScope actor) => FilingReach.ReadsRegion(actor) && actor.RegionId is not null;

    public static bool IsUnitUser(UserScope actor) => FilingReach.WorksForUnit(actor);

    public static bool IsReviewer(UserScope actor) => actor.IsInRole(Roles.Reviewer);

    public static bool IsOffice(UserScope actor) => actor.IsInRole(Roles.Office);

    public static bool CanWrite(UserScope actor, Guid unitId) => IsOffice(actor) || (IsUnitUser(actor) && actor.UnitId == unitId);

    /// <summary>The units whose case work (files, results, rectifications, draws) the actor may see.</summary>
    public static IQueryable<Guid> Units(AppDbContext db, UserScope actor)
    {
        var region = ReadsRegion(actor) ? actor.RegionId : null;
        var own = IsUnitUser(actor) ? actor.UnitId : null;
        var regions = region is { } r ? RegionTree.SubtreeQuery(db, r) : db.Regions.Where(_ => false).Select(x => x.Id);
        return db.Units.Where(u => regions.Contains(u.RegionId) || (own != null && u.Id == own)).Select(u => u.Id);
    }

    /// <summary>Whether the actor may see anything of this unit's case work (files, results, rectifications).</summary>
    public static Task<bool> SeesUnitAsync(AppDbContext db, UserScope actor, Guid unitId) => Units(db, actor).AnyAsync(u => u == unitId);

    /// <summary>The case files the actor may read.</summary>
    public static IQueryable<CaseFile> Visible(AppDbContext db, UserScope actor)
    {
        var units = Units(db, actor);
        var reviewer = IsReviewer(actor);
        return db.CaseFiles.Where(c => units.Contains(c.UnitId)
            || (reviewer && db.Set<SamplingDraw>().Any(d => d.SupersededBy == null && d.Items.Any(i => i.CaseFileId == c.Id))));
    }
}

/// <summary>China dates as users read and type them; "today" comes from <see cref="IChinaClock"/>.</summary>
public static class ChinaDate
{
    public static string Iso(DateOnly date) => Shared.IsoDate.Format(date);
}
