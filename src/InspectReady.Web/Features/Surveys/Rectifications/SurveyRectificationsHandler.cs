using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Surveys;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Surveys.Rectifications;

/// <param name="ResponseId">The response whose comment is coded (with <paramref name="QuestionIndex"/>); absent for an item noted by the office.</param>
/// <param name="Deadline">YYYY-MM-DD, today or later.</param>
/// <param name="Topic">The topic code; defaults to the commented question's.</param>
public sealed record CodeCommentRequest(Guid UnitId, string? Problem, string? Deadline, Guid? ResponseId = null, int? QuestionIndex = null,
    string? Topic = null, string? Area = null);

/// <param name="State"><c>done</c> (the unit, with <paramref name="Response"/>), <c>confirmed</c> or <c>open</c> (the office).</param>
public sealed record RectificationStateRequest(string? State, string? Response = null);

public sealed record SurveyRectificationDto(Guid Id, Guid SurveyId, string? SurveyTitle, Guid UnitId, string? UnitName, string? Topic, string? TopicLabel,
    string? Area, string? Comment, string Problem, string Deadline, string State, string StateLabel, bool Overdue, string? Response, string IssuedBy);

public sealed record UnitChoiceDto(Guid Id, string Name);

/// <summary>整改台账 of the survey: the office codes comments into items for a responsible unit; the unit reports; the office confirms.</summary>
public sealed class SurveyRectificationsHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public async Task<Paged<SurveyRectificationDto>> ListAsync(UserScope actor, Guid? surveyId = null, Guid? unitId = null, string? state = null,
        int? page = null, int? pageSize = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = SurveyAccess.Rectifications(db, actor).AsNoTracking();
        if (surveyId is { } s)
        {
            query = query.Where(r => r.SurveyId == s);
        }
        if (unitId is { } u)
        {
            query = query.Where(r => r.UnitId == u);
        }
        if (!string.IsNullOrWhiteSpace(state))
        {
            query = query.Where(r => r.State == state);
        }
        var paged = await query.OrderBy(r => r.Deadline).ThenBy(r => r.Id).ToPageAsync(PageRequest.Of(page, pageSize));
        return await MapAsync(db, paged);
    }

    public async Task<Outcome<SurveyRectificationDto>> CodeAsync(UserScope actor, Guid surveyId, CodeCommentRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, surveyId);
        if (!loaded.IsOk)
        {
            return loaded.As<SurveyRectificationDto>();
        }
        var design = loaded.Value!.Design;
        if (!await SurveyAccess.UnitInRegionAsync(db, actor, request.UnitId))
        {
            return Outcome<SurveyRectificationDto>.Invalid("unitId", "unitId：责任单位不存在或不在本区划内");
        }
        if (!IsoDate.TryParse(request.Deadline, out var deadline) || deadline < clock.Today)
        {
            return Outcome<SurveyRectificationDto>.Invalid("deadline", $"deadline：整改期限“{request.Deadline}”无效，应为今天或以后的日期，格式 YYYY-MM-DD");
        }
        string? comment = null;
        var topic = request.Topic;
        var area = SurveyBuildText(request.Area);
        if (request.ResponseId is { } responseId)
        {
            var response = await db.SurveyResponses.AsNoTracking().FirstOrDefaultAsync(r => r.Id == responseId && r.SurveyId == surveyId);
            var answer = response?.Answers.FirstOrDefault(a => a.Question == request.QuestionIndex && a.Text is not null);
            if (answer is null)
            {
                return Outcome<SurveyRectificationDto>.Invalid("responseId", "responseId：本调查中没有该答卷的这道文字题意见（questionIndex）");
            }
            comment = answer.Text;
            topic ??= design.Questions[answer.Question].Topic;
            area ??= response!.Area;
        }
        if (topic is not null && !SurveyTopics.IsValid(topic))
        {
            return Outcome<SurveyRectificationDto>.Invalid("topic", $"topic：主题“{topic}”无效");
        }
        var problem = SurveyBuildText(request.Problem) ?? comment;
        if (problem is null || problem.Length > 2000)
        {
            return Outcome<SurveyRectificationDto>.Invalid("problem", "problem：请写明需整改的问题（最多2000字）");
        }
        var item = new SurveyRectification
        {
            SurveyId = surveyId, UnitId = request.UnitId, Topic = topic, Area = area, Comment = comment, Problem = problem, Deadline = deadline,
            IssuedBy = actor.UserName, IssuedAt = clock.UtcNow,
        };
        db.SurveyRectifications.Add(item);
        db.Record(actor, AuditActions.Create, $"满意度调查整改事项 {loaded.Value.Title}", detail: $"责任单位 {request.UnitId}，期限 {IsoDate.Format(deadline)}");
        await db.SaveChangesAsync();
        return Outcome<SurveyRectificationDto>.Ok((await MapAsync(db, new Paged<SurveyRectification>([item], 1, 1, 1))).Items[0]);
    }

    public async Task<Outcome<SurveyRectificationDto>> MoveAsync(UserScope actor, Guid id, RectificationStateRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var item = await SurveyAccess.Rectifications(db, actor).FirstOrDefaultAsync(r => r.Id == id);
        if (item is null)
        {
            if (await db.SurveyRectifications.AnyAsync(r => r.Id == id))
            {
                await Visibility.DeniedAsync(db, actor, $"满意度调查整改事项 {id}", "其他单位或区划的整改事项");
            }
            return Outcome<SurveyRectificationDto>.NotFound();
        }
        if (!SurveyRectificationStates.IsValid(request.State))
        {
            return Outcome<SurveyRectificationDto>.Invalid("state", $"state：状态“{request.State}”无效，只能是：{string.Join("、", SurveyRectificationStates.Labels.Select(kv => $"{kv.Key}（{kv.Value}）"))}");
        }
        var byOffice = await SurveyAccess.Visible(db, actor).AnyAsync(s => s.Id == item.SurveyId);
        var byUnit = SurveyAccess.IsUnitUser(actor) && actor.UnitId == item.UnitId;
        if (!byOffice && !byUnit)
        {
            return await Visibility.ForbiddenAsync<SurveyRectificationDto>(db, actor, $"满意度调查整改事项 {id}");
        }
        if (item.MoveTo(request.State!, request.Response, byOffice, byUnit) is { } refusal)
        {
            return Outcome<SurveyRectificationDto>.Conflict(refusal);
        }
        db.Record(actor, AuditActions.Update, $"满意度调查整改事项 {id}", detail: $"改为{SurveyRectificationStates.Label(item.State)}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SurveyRectificationDto>.Conflict("该整改事项已被他人修改，请刷新后重试");
        }
        return Outcome<SurveyRectificationDto>.Ok((await MapAsync(db, new Paged<SurveyRectification>([item], 1, 1, 1))).Items[0]);
    }

    /// <summary>The units the office may name as responsible: those of its region and below.</summary>
    public async Task<IReadOnlyList<UnitChoiceDto>> UnitsAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!SurveyAccess.IsOffice(actor))
        {
            return [];
        }
        var regions = RegionTree.SubtreeQuery(db, actor.RegionId!.Value);
        return await db.Units.AsNoTracking().Where(u => regions.Contains(u.RegionId)).OrderBy(u => u.Name)
            .Select(u => new UnitChoiceDto(u.Id, u.Name)).ToListAsync();
    }

    private static string? SurveyBuildText(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<Paged<SurveyRectificationDto>> MapAsync(AppDbContext db, Paged<SurveyRectification> paged)
    {
        var unitIds = paged.Items.Select(i => i.UnitId).Distinct().ToList();
        var surveyIds = paged.Items.Select(i => i.SurveyId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        var titles = await db.Surveys.AsNoTracking().Where(s => surveyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title);
        var today = clock.Today;
        return paged.Map(r => new SurveyRectificationDto(r.Id, r.SurveyId, titles.GetValueOrDefault(r.SurveyId), r.UnitId, units.GetValueOrDefault(r.UnitId),
            r.Topic, r.Topic is null ? null : SurveyTopics.Label(r.Topic), r.Area, r.Comment, r.Problem, IsoDate.Format(r.Deadline), r.State,
            SurveyRectificationStates.Label(r.State), r.IsOverdue(today), r.Response, r.IssuedBy));
    }
}
