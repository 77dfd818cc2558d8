using System.Security.Cryptography;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Surveys;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Surveys.Build;

public sealed record SurveyQuestionRequest(string? Type, string? Text, string? Topic, List<string>? Options = null, double? Weight = null,
    List<double>? Scores = null, List<string>? Rows = null, SurveyCondition? ShowIf = null, bool? Required = null, List<int>? Indicators = null);

/// <param name="ScaleScores">Scores of 很满意…很不满意; default 100, 80, 60, 40, 20.</param>
/// <param name="TopicWeights">Weight of each topic in the overall index (topic code → weight).</param>
public sealed record SurveyRequest(string? Title, List<SurveyQuestionRequest>? Questions, List<double>? ScaleScores = null,
    Dictionary<string, double>? TopicWeights = null, List<string>? Groups = null, List<string>? Areas = null, List<SurveyQuota>? Quotas = null);

/// <param name="QuestionWeights">Weight of each question, in order (null keeps a question's weight).</param>
public sealed record WeightsRequest(Dictionary<string, double>? TopicWeights, List<double?>? QuestionWeights);

public sealed record LinkRequest(string? Group, string? Area);

public sealed record InvitationsRequest(int Count, string? Group = null, string? Area = null);

public sealed record SurveyQuestionDto(int Index, string Type, string TypeLabel, string Text, string Topic, string TopicLabel, IReadOnlyList<string> Options,
    double Weight, List<double>? Scores, List<string>? Rows, SurveyCondition? ShowIf, bool Required, List<int>? Indicators);

public sealed record LinkDto(Guid Id, string Token, string Url, string? Group, string? Area);

public sealed record SurveySummaryDto(Guid Id, string Title, string Status, string StatusLabel, int Questions, int Responses, DateTime CreatedAt);

public sealed record SurveyDto(Guid Id, string Title, string Status, string StatusLabel, Guid RegionId, IReadOnlyList<SurveyQuestionDto> Questions,
    IReadOnlyList<double> ScaleScores, Dictionary<string, double> TopicWeights, List<string> Groups, List<string> Areas, List<SurveyQuota> Quotas,
    IReadOnlyList<LinkDto> Links, int Invitations, int InvitationsUsed, string? PublicToken);

public sealed record PublishedDto(string PublicToken, string Url);

public sealed record InvitationsDto(IReadOnlyList<string> Codes);

public sealed record TopicDto(string Code, string Label, bool IsRate);

/// <summary>The survey builder: design, template, publication, links and invitations (创建办 of the region).</summary>
public sealed class SurveysHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock, Respond.SurveyLinkCache links)
{
    public static IReadOnlyList<TopicDto> Topics() =>
        [.. SurveyTopics.Labels.Select(kv => new TopicDto(kv.Key, kv.Value, SurveyTopics.IsRate(kv.Key)))];

    /// <summary>The shipped template (示例) as a request body for <see cref="CreateAsync"/>.</summary>
    public static SurveyRequest Example()
    {
        var d = SurveyTemplates.Example();
        return new SurveyRequest(SurveyTemplates.ExampleTitle,
            [.. d.Questions.Select(q => new SurveyQuestionRequest(q.Type, q.Text, q.Topic, q.Options, q.Weight, q.Scores, q.Rows, q.ShowIf, q.Required, q.Indicators))],
            null, null, d.Groups, d.Areas, []);
    }

    public static string PublicPath(string token) => $"/s/{token}";

    public async Task<Paged<SurveySummaryDto>> ListAsync(UserScope actor, int? page = null, int? pageSize = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var paged = await SurveyAccess.Visible(db, actor).AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Title, s.Status, s.Design, s.CreatedAt, Responses = db.Set<SurveyResponse>().Count(r => r.SurveyId == s.Id) })
            .ToPageAsync(PageRequest.Of(page, pageSize));
        return paged.Map(s => new SurveySummaryDto(s.Id, s.Title, s.Status, SurveyStatus.Label(s.Status), s.Design.Questions.Count, s.Responses, s.CreatedAt));
    }

    public async Task<Outcome<SurveyDto>> GetAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, id);
        return loaded.IsOk ? Outcome<SurveyDto>.Ok(await ToDtoAsync(db, loaded.Value!)) : loaded.As<SurveyDto>();
    }

    public async Task<Outcome<SurveyDto>> CreateAsync(UserScope actor, SurveyRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!SurveyAccess.IsOffice(actor))
        {
            return await Visibility.ForbiddenAsync<SurveyDto>(db, actor, "新建满意度调查");
        }
        var (design, invalid) = Design(request);
        if (invalid is not null)
        {
            return invalid;
        }
        var survey = new Survey { Title = request.Title!.Trim(), RegionId = actor.RegionId!.Value, Design = design, CreatedBy = actor.UserName, CreatedAt = clock.UtcNow };
        db.Surveys.Add(survey);
        db.Record(actor, AuditActions.Create, $"满意度调查 {survey.Title}", detail: $"{design.Questions.Count}道题");
        await db.SaveChangesAsync();
        return Outcome<SurveyDto>.Ok(await ToDtoAsync(db, survey));
    }

    /// <summary>
    /// Replaces a draft's title and design (questions, scores, weights, groups, areas, quotas). Once published the
    /// design is fixed, as answers refer to questions by position (ADR 0124): only the weights may change then (409).
    /// </summary>
    public async Task<Outcome<SurveyDto>> UpdateAsync(UserScope actor, Guid id, SurveyRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<SurveyDto>();
        }
        var survey = loaded.Value!;
        if (survey.Status != SurveyStatus.Draft)
        {
            return Outcome<SurveyDto>.Conflict($"调查已{SurveyStatus.Label(survey.Status)}，题目不能再修改（只能修改权重）");
        }
        var (design, invalid) = Design(request);
        if (invalid is not null)
        {
            return invalid;
        }
        survey.Title = request.Title!.Trim();
        survey.Design = design;
        survey.Version = Guid.NewGuid();
        db.Record(actor, AuditActions.Update, $"满意度调查 {survey.Title}", detail: $"{design.Questions.Count}道题");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SurveyDto>.Conflict("调查已被他人修改或发布，请刷新后重试");
        }
        return Outcome<SurveyDto>.Ok(await ToDtoAsync(db, survey));
    }

    private static (SurveyDesign Design, Outcome<SurveyDto>? Invalid) Design(SurveyRequest request)
    {
        var design = new SurveyDesign
        {
            Questions = [.. (request.Questions ?? []).Select(q => new SurveyQuestion(q.Type ?? "", q.Text?.Trim() ?? "", q.Topic ?? "",
                q.Type is QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice ? q.Options?.Select(o => o?.Trim() ?? "").ToList() : null,
                q.Weight, q.Scores, q.Rows, q.ShowIf, q.Required ?? false, q.Indicators))],
            ScaleScores = request.ScaleScores,
            TopicWeights = request.TopicWeights ?? [],
            Groups = Clean(request.Groups),
            Areas = Clean(request.Areas),
            Quotas = request.Quotas ?? [],
        };
        var errors = SurveyDesignRules.Check(design);
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length > 200)
        {
            errors.Insert(0, "title：调查名称不能为空，最多200字");
        }
        return errors.Count > 0
            ? (design, Outcome<SurveyDto>.Invalid([.. errors.Select(e => new FieldError(null, e.Split('：')[0], e))]))
            : (design, null);
    }

    public async Task<Outcome<SurveyDto>> SetWeightsAsync(UserScope actor, Guid id, WeightsRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<SurveyDto>();
        }
        var survey = loaded.Value!;
        var design = survey.Design;
        var updated = new SurveyDesign
        {
            Questions = [.. design.Questions.Select((q, i) => request.QuestionWeights is { } w && i < w.Count && w[i] is { } weight ? q with { Weight = weight } : q)],
            ScaleScores = design.ScaleScores, TopicWeights = request.TopicWeights ?? design.TopicWeights,
            Groups = design.Groups, Areas = design.Areas, Quotas = design.Quotas,
        };
        var errors = SurveyDesignRules.Check(updated);
        if (request.QuestionWeights is { } qw && qw.Count > design.Questions.Count)
        {
            errors.Add($"questionWeights：调查只有{design.Questions.Count}道题");
        }
        if (errors.Count > 0)
        {
            return Outcome<SurveyDto>.Invalid([.. errors.Select(e => new FieldError(null, e.Split('：')[0], e))]);
        }
        survey.Design = updated;
        survey.Version = Guid.NewGuid();
        db.Record(actor, AuditActions.Update, $"满意度调查 {survey.Title}", detail: "修改权重");
        await db.SaveChangesAsync();
        links.Changed();
        return Outcome<SurveyDto>.Ok(await ToDtoAsync(db, survey));
    }

    public async Task<Outcome<PublishedDto>> PublishAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<PublishedDto>();
        }
        var survey = loaded.Value!;
        var link = await db.SurveyLinks.FirstOrDefaultAsync(l => l.SurveyId == id && l.Group == null && l.Area == null);
        if (link is null)
        {
            link = new SurveyLink { SurveyId = id, Token = NewToken(), CreatedAt = clock.UtcNow };
            db.SurveyLinks.Add(link);
        }
        survey.Publish(clock.UtcNow);
        db.Record(actor, "发布调查", $"满意度调查 {survey.Title}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Outcome<PublishedDto>.Conflict("调查正在由他人发布，请刷新后重试");
        }
        links.Changed();
        return Outcome<PublishedDto>.Ok(new PublishedDto(link.Token, PublicPath(link.Token)));
    }

    public async Task<Outcome<SurveyDto>> CloseAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<SurveyDto>();
        }
        loaded.Value!.Close();
        db.Record(actor, "结束调查", $"满意度调查 {loaded.Value.Title}");
        await db.SaveChangesAsync();
        links.Changed();
        return Outcome<SurveyDto>.Ok(await ToDtoAsync(db, loaded.Value));
    }

    public async Task<Outcome<LinkDto>> AddLinkAsync(UserScope actor, Guid id, LinkRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<LinkDto>();
        }
        if (CheckCell(loaded.Value!.Design, request.Group, request.Area) is { } error)
        {
            return Outcome<LinkDto>.Invalid(error.Field, error.Message);
        }
        var link = new SurveyLink { SurveyId = id, Token = NewToken(), Group = Blank(request.Group), Area = Blank(request.Area), CreatedAt = clock.UtcNow };
        db.SurveyLinks.Add(link);
        db.Record(actor, AuditActions.Create, $"满意度调查 {loaded.Value.Title} 的公开链接", detail: $"{link.Group ?? "任意群体"}×{link.Area ?? "任意区域"}");
        await db.SaveChangesAsync();
        return Outcome<LinkDto>.Ok(ToDto(link));
    }

    public async Task<Outcome<SurveyLink>> LinkAsync(UserScope actor, Guid id, Guid linkId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<SurveyLink>();
        }
        return await db.SurveyLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == linkId && l.SurveyId == id) is { } link
            ? Outcome<SurveyLink>.Ok(link) : Outcome<SurveyLink>.NotFound();
    }

    public async Task<Outcome<InvitationsDto>> AddInvitationsAsync(UserScope actor, Guid id, InvitationsRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<InvitationsDto>();
        }
        if (request.Count is < 1 or > 5000)
        {
            return Outcome<InvitationsDto>.Invalid("count", "count：一次生成 1–5000 个邀请码");
        }
        if (CheckCell(loaded.Value!.Design, request.Group, request.Area) is { } error)
        {
            return Outcome<InvitationsDto>.Invalid(error.Field, error.Message);
        }
        var codes = Enumerable.Range(0, request.Count).Select(_ => NewCode()).ToList();
        db.SurveyInvitations.AddRange(codes.Select(c => new SurveyInvitation { SurveyId = id, Code = c, Group = Blank(request.Group), Area = Blank(request.Area) }));
        db.Record(actor, AuditActions.Create, $"满意度调查 {loaded.Value.Title} 的邀请码", detail: $"{codes.Count}个");
        await db.SaveChangesAsync();
        return Outcome<InvitationsDto>.Ok(new InvitationsDto(codes));
    }

    public static (string Field, string Message)? CheckCell(SurveyDesign design, string? group, string? area)
    {
        if (Blank(group) is { } g && !design.Groups.Contains(g))
        {
            return ("group", $"group：群体“{g}”不在本调查的受访群体中：{string.Join("、", design.Groups)}");
        }
        if (Blank(area) is { } a && !design.Areas.Contains(a))
        {
            return ("area", $"area：区域“{a}”不在本调查的区域中：{string.Join("、", design.Areas)}");
        }
        return null;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Clean(List<string>? values) => [.. (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct()];

    /// <summary>128 random bits, URL-safe: the token is the only key to the public page.</summary>
    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string NewCode() => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 10);

    private static LinkDto ToDto(SurveyLink l) => new(l.Id, l.Token, PublicPath(l.Token), l.Group, l.Area);

    private static async Task<SurveyDto> ToDtoAsync(AppDbContext db, Survey s)
    {
        var links = await db.SurveyLinks.AsNoTracking().Where(l => l.SurveyId == s.Id).OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).ToListAsync();
        var invitations = await db.SurveyInvitations.CountAsync(i => i.SurveyId == s.Id);
        var used = await db.SurveyInvitations.CountAsync(i => i.SurveyId == s.Id && i.UsedOn != null);
        var d = s.Design;
        return new SurveyDto(s.Id, s.Title, s.Status, SurveyStatus.Label(s.Status), s.RegionId,
            [.. d.Questions.Select((q, i) => new SurveyQuestionDto(i, q.Type, QuestionTypes.Labels.GetValueOrDefault(q.Type, q.Type), q.Text, q.Topic,
                SurveyTopics.Label(q.Topic), q.Choices, q.EffectiveWeight, q.Scores, q.Rows, q.ShowIf, q.Required, q.Indicators))],
            d.Scale, d.TopicWeights, d.Groups, d.Areas, d.Quotas, [.. links.Select(ToDto)], invitations, used,
            links.FirstOrDefault(l => l.Group == null && l.Area == null)?.Token);
    }
}
