using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Sampling;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.CaseFiles;

/// <summary>
/// Who sees and changes which case files (ADR 0104): 系统管理员, 创建办 and 督查 read every unit's files; a unit's
/// 联络员 and 领导 read and enter their own unit's only (another unit's file answers 404); 评查员 read the files
/// of a current draw, to score them; 创建办 draws, keeps the templates and issues rectifications.
/// </summary>
public static class CaseFileAccess
{
    public static bool ReadsAll(UserScope actor) => actor.SeesAllUnits;

    public static bool IsUnitUser(UserScope actor) => actor.UnitId is not null && actor.IsInAnyRole(Roles.UnitLiaison, Roles.UnitLeader);

    public static bool IsReviewer(UserScope actor) => actor.IsInRole(Roles.Reviewer);

    public static bool IsOffice(UserScope actor) => actor.IsInRole(Roles.Office);

    public static bool CanWrite(UserScope actor, Guid unitId) => IsOffice(actor) || (IsUnitUser(actor) && actor.UnitId == unitId);

    /// <summary>Whether the actor may see anything of this unit's case work (files, results, rectifications).</summary>
    public static bool SeesUnit(UserScope actor, Guid unitId) => ReadsAll(actor) || (IsUnitUser(actor) && actor.UnitId == unitId);

    /// <summary>The case files the actor may read.</summary>
    public static IQueryable<CaseFile> Visible(AppDbContext db, UserScope actor)
    {
        if (ReadsAll(actor))
        {
            return db.CaseFiles;
        }
        var ownUnit = IsUnitUser(actor) ? actor.UnitId : null;
        var reviewer = IsReviewer(actor);
        return db.CaseFiles.Where(c => (ownUnit != null && c.UnitId == ownUnit)
            || (reviewer && db.Set<SamplingDraw>().Any(d => d.SupersededBy == null && d.Items.Any(i => i.CaseFileId == c.Id))));
    }
}

/// <summary>The date in China (UTC+8, no daylight saving), for deadlines and "today".</summary>
public static class ChinaDate
{
    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static string Iso(DateOnly date) => Shared.IsoDate.Format(date);
}
