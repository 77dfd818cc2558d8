using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Organisation;

namespace InspectReady.Web.Features.Organisation;

/// <summary>
/// Who sees and changes which people (ADR 0018). A unit's 联络员 and 领导 see their own unit's people; 创建办 and
/// 督查 see the people of the units they oversee; 系统管理员 keeps the records of everyone. Mobile numbers are
/// masked; the full number is shown only to 创建办 and the unit's own 联络员 and 领导, and each reveal is audited.
/// Every other role (安全管理员, 审计管理员, 评查员, 考生) sees no one. Another unit's person answers 404.
/// </summary>
public static class PersonAccess
{
    private static bool IsUnitUser(UserScope actor) => actor.UnitId is not null && actor.IsInAnyRole(Roles.UnitLiaison, Roles.UnitLeader);

    private static bool SeesEveryUnit(UserScope actor) => actor.IsInAnyRole(Roles.SystemAdmin, Roles.Office, Roles.Inspector);

    public static bool SeesUnit(UserScope actor, Guid unitId) => SeesEveryUnit(actor) || (IsUnitUser(actor) && actor.UnitId == unitId);

    /// <summary>Whether the actor may ask for full mobile numbers of this unit's people (or of all it sees, when null).</summary>
    public static bool MayReveal(UserScope actor, Guid? unitId) =>
        actor.IsInRole(Roles.Office) || (IsUnitUser(actor) && unitId is { } u && actor.UnitId == u) || (IsUnitUser(actor) && unitId is null);

    /// <summary>The office and the system administrator edit everyone; a liaison keeps their own unit's list.</summary>
    public static bool MayEdit(UserScope actor, Guid? unitId) =>
        actor.CanManageOrganisation || (actor.IsInRole(Roles.UnitLiaison) && unitId is { } u && actor.UnitId == u);

    /// <summary>The people the actor may see.</summary>
    public static IQueryable<Person> Visible(AppDbContext db, UserScope actor)
    {
        if (SeesEveryUnit(actor))
        {
            return db.People;
        }
        var own = IsUnitUser(actor) ? actor.UnitId : null;
        return db.People.Where(p => own != null && p.UnitId == own);
    }
}
