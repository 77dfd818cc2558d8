using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams.ManageExams;

/// <param name="Unit">The account's unit, when it has one.</param>
public sealed record GraderCandidateDto(Guid Id, string UserName, string? DisplayName, string? Unit)
{
    /// <summary>"张三（seat-01，某某局）" for pickers and lists.</summary>
    public string Label => DisplayName is null
        ? Unit is null ? UserName : $"{UserName}（{Unit}）"
        : $"{DisplayName}（{UserName}{(Unit is null ? "" : "，" + Unit)}）";
}

public sealed record GradersRequest(IReadOnlyList<Guid>? Graders);

/// <param name="Pending">简答/论述 items of submitted papers still waiting for this grader's mark.</param>
public sealed record GradingAssignmentDto(Guid ExamId, string Name, string Status, string StatusLabel, int Pending);

/// <summary>
/// Who grades an exam's 简答/论述 items: the office names accounts of its own region and the regions below it
/// (enabled, and none of the three administrators, who never touch the campaign's data). The named graders see the
/// grading queue of that exam and nothing else of it (<see cref="ExamAccess.IsGrader"/>).
/// </summary>
public sealed class GradersHandler(IDbContextFactory<AppDbContext> factory)
{
    public const int MaxGraders = 50;

    /// <summary>Accounts the office may name, filtered by user name or display name, paged.</summary>
    public async Task<Outcome<Paged<GraderCandidateDto>>> CandidatesAsync(UserScope actor, Guid examId, string? q, PageRequest page)
    {
        await using var db = await factory.CreateDbContextAsync();
        var exam = await ExamsHandler.ManagedAsync(db, actor, examId);
        if (!exam.IsOk)
        {
            return exam.As<Paged<GraderCandidateDto>>();
        }
        var query = Candidates(db, actor);
        if (q?.Trim() is { Length: > 0 } text)
        {
            query = query.Where(u => u.UserName!.Contains(text) || (u.DisplayName != null && u.DisplayName.Contains(text)));
        }
        return Outcome<Paged<GraderCandidateDto>>.Ok(await Dtos(db, query.OrderBy(u => u.UserName)).ToPageAsync(page));
    }

    /// <summary>
    /// The exams the actor is named a grader of, with what waits for them. Exams belong to the office of the grader's
    /// region or of a region above it, so only those few are read.
    /// </summary>
    public async Task<IReadOnlyList<GradingAssignmentDto>> MineAsync(UserScope actor)
    {
        if (actor.UserId is not { } me || actor.RegionId is not { } region)
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync();
        var above = (await RegionTree.LoadAsync(db)).AncestorsOf(region);
        var exams = (await db.Set<Exam>().AsNoTracking().Where(e => above.Contains(e.RegionId)).OrderByDescending(e => e.OpensAt).ToListAsync())
            .Where(e => e.Graders.Contains(me)).ToList();
        var result = new List<GradingAssignmentDto>();
        foreach (var e in exams)
        {
            var marks = await ExamResults.ResultsHandler.Ungraded(db, e.Id).Select(i => i.Marks).ToListAsync();
            result.Add(new GradingAssignmentDto(e.Id, e.Name, e.Status, ExamStatus.Label(e.Status), marks.Count(m => ExamResults.ResultsHandler.AwaitsMarkOf(m, me))));
        }
        return result;
    }

    /// <summary>The exam's graders with their names, in the order named.</summary>
    public async Task<Outcome<IReadOnlyList<GraderCandidateDto>>> ListAsync(UserScope actor, Guid examId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var exam = await ExamsHandler.ManagedAsync(db, actor, examId);
        if (!exam.IsOk)
        {
            return exam.As<IReadOnlyList<GraderCandidateDto>>();
        }
        return Outcome<IReadOnlyList<GraderCandidateDto>>.Ok(await NamedAsync(db, exam.Value!.Graders));
    }

    public async Task<Outcome<IReadOnlyList<GraderCandidateDto>>> SetAsync(UserScope actor, Guid examId, GradersRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await ExamsHandler.ManagedAsync(db, actor, examId, track: true);
        if (!loaded.IsOk)
        {
            return loaded.As<IReadOnlyList<GraderCandidateDto>>();
        }
        var ids = (request.Graders ?? []).Distinct().ToList();
        if (ids.Count > MaxGraders)
        {
            return Outcome<IReadOnlyList<GraderCandidateDto>>.Invalid("graders", $"graders：阅卷人最多 {MaxGraders} 人");
        }
        var allowed = await Candidates(db, actor).Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync();
        var errors = ids.Select((id, i) => (id, i)).Where(x => !allowed.Contains(x.id))
            .Select(x => new FieldError(null, $"graders[{x.i}]", $"graders[{x.i}]：账号 {x.id} 不存在、已停用、不属于本区划，或为系统、安全、审计管理员，不能担任阅卷人")).ToList();
        if (errors.Count > 0)
        {
            return Outcome<IReadOnlyList<GraderCandidateDto>>.Invalid(errors);
        }
        var exam = loaded.Value!;
        exam.Graders = ids;
        var named = await NamedAsync(db, ids);
        db.Record(actor, AuditActions.Update, $"考试 {exam.Name}", detail: $"阅卷人：{(named.Count == 0 ? "无" : string.Join("、", named.Select(n => n.DisplayName ?? n.UserName)))}");
        await db.SaveChangesAsync();
        return Outcome<IReadOnlyList<GraderCandidateDto>>.Ok(named);
    }

    private static IQueryable<Infrastructure.Identity.AppUser> Candidates(AppDbContext db, UserScope actor)
    {
        var regions = ExamAccess.Regions(db, actor);
        var administrators = db.Roles.Where(r => Roles.Administrators.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.Where(u => !u.IsDisabled && u.RegionId != null && regions.Contains(u.RegionId.Value)
            && !db.UserRoles.Any(ur => ur.UserId == u.Id && administrators.Contains(ur.RoleId)));
    }

    private static IQueryable<GraderCandidateDto> Dtos(AppDbContext db, IQueryable<Infrastructure.Identity.AppUser> users) =>
        users.Select(u => new GraderCandidateDto(u.Id, u.UserName!, u.DisplayName, db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Name).FirstOrDefault()));

    private static async Task<IReadOnlyList<GraderCandidateDto>> NamedAsync(AppDbContext db, IReadOnlyList<Guid> ids)
    {
        var found = await Dtos(db, db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))).ToListAsync();
        return [.. ids.Select(id => found.FirstOrDefault(f => f.Id == id)).OfType<GraderCandidateDto>()];
    }
}
