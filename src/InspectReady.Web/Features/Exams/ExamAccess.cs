using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Features.Shared.Access;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams;

/// <summary>
/// Who sees and changes exams, the question bank and the training ledger (ADR 0111): the 创建办 of a region manages
/// the exams, the bank and the ledger of its region and the regions below it; a unit's 联络员 and 领导 read their own
/// unit's rosters, examinees' results and training hours, nothing else; an examinee, with the access token of their
/// code, reaches only their own paper (<see cref="ExamineeTokens"/>, not this class); 系统管理员, 安全管理员,
/// 审计管理员, 督查, 评查员 and 考生 accounts see nothing of it. Graders named on an exam grade its 简答/论述 items.
/// </summary>
public static class ExamAccess
{
    public static bool IsOffice(UserScope actor) => OfficeReach.IsOffice(actor);

    public static bool IsUnitUser(UserScope actor) => OfficeReach.IsUnitUser(actor);

    /// <summary>The regions whose exams, bank and ledger the office manages.</summary>
    public static IQueryable<Guid> Regions(AppDbContext db, UserScope actor) => OfficeReach.Regions(db, actor);

    public static IQueryable<Question> Bank(AppDbContext db, UserScope actor)
    {
        var regions = Regions(db, actor);
        return db.Questions.Where(q => regions.Contains(q.RegionId));
    }

    /// <summary>Exams the office manages.</summary>
    public static IQueryable<Exam> Managed(AppDbContext db, UserScope actor)
    {
        var regions = Regions(db, actor);
        return db.Set<Exam>().Where(e => regions.Contains(e.RegionId));
    }

    /// <summary>Exams the actor may read: managed ones, and for a unit's users those with examinees of their unit.</summary>
    public static IQueryable<Exam> Visible(AppDbContext db, UserScope actor)
    {
        var regions = Regions(db, actor);
        var unit = IsUnitUser(actor) ? actor.UnitId : null;
        return db.Set<Exam>().Where(e => regions.Contains(e.RegionId) || (unit != null && db.Set<Examinee>().Any(x => x.ExamId == e.Id && x.UnitId == unit)));
    }

    /// <summary>The examinees of a visible exam the actor may see: all for the office, their own unit's for a unit's users.</summary>
    public static IQueryable<Examinee> Examinees(AppDbContext db, UserScope actor, Exam exam, bool managed)
    {
        var query = db.Set<Examinee>().Where(x => x.ExamId == exam.Id);
        return managed ? query : query.Where(x => x.UnitId == actor.UnitId);
    }

    /// <summary>The people (rosters) the actor may read: the units of the office's regions, or the unit's own.</summary>
    public static IQueryable<Domain.Organisation.Person> People(AppDbContext db, UserScope actor)
    {
        var regions = Regions(db, actor);
        var unit = IsUnitUser(actor) ? actor.UnitId : null;
        return db.People.Where(p => db.Units.Any(u => u.Id == p.UnitId && (regions.Contains(u.RegionId) || u.Id == unit)));
    }

    public static bool IsGrader(UserScope actor, Exam exam) => actor.UserId is { } id && exam.Graders.Contains(id);
}
