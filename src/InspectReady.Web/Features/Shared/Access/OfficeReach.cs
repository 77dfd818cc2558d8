using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;

namespace InspectReady.Web.Features.Shared.Access;

/// <summary>
/// The shape the office-run modules share (exams, surveys): the 创建办 of a region manages what belongs to its
/// region and the regions below it; a unit's 联络员 and 领导 reach their own unit's part; nobody else reaches any.
/// Each module's policy (<c>ExamAccess</c>, <c>SurveyAccess</c>) builds on these and adds its own resources.
/// </summary>
public static class OfficeReach
{
    /// <summary>创建办 with a region.</summary>
    public static bool IsOffice(UserScope actor) => actor.IsInRole(Roles.Office) && actor.RegionId is not null;

    /// <summary>A unit's 联络员 or 领导.</summary>
    public static bool IsUnitUser(UserScope actor) => FilingReach.WorksForUnit(actor);

    /// <summary>The regions the office manages (its own and those below it); none for anyone else.</summary>
    public static IQueryable<Guid> Regions(AppDbContext db, UserScope actor) =>
        IsOffice(actor) ? RegionTree.SubtreeQuery(db, actor.RegionId!.Value) : db.Regions.Where(_ => false).Select(r => r.Id);
}
