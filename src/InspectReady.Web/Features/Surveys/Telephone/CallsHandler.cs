using System.Security.Cryptography;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Surveys;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Features.Surveys.Build;
using InspectReady.Web.Features.Surveys.Respond;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Surveys.Telephone;

public sealed record CallEntry(string? Phone, string? Group = null, string? Area = null);

/// <param name="Entries">The sample frame (numbers with their group and area) the list is drawn from.</param>
/// <param name="Count">How many to draw.</param>
/// <param name="Seed">Fixes the draw (the same frame and seed draw the same list); chosen at random when absent.</param>
public sealed record CallDrawRequest(List<CallEntry>? Entries, int Count, int? Seed = null);

public sealed record CallDrawDto(int Drawn, int Seed, int Frame);

/// <param name="Outcome"><c>answered</c> (with <paramref name="Answers"/>), <c>refused</c> or <c>unreachable</c>.</param>
public sealed record CallOutcomeRequest(string? Outcome, List<SurveyAnswerRequest>? Answers = null);

/// <param name="Phone">Masked (138****0000); the full number through the audited reveal.</param>
public sealed record CallDto(Guid Id, int Position, string Phone, string? Group, string? Area, string? Outcome, string? OutcomeLabel, int Attempts, string? CalledBy);

public sealed record PhoneDto(string Phone);

/// <summary>
/// The telephone mode: the office draws a call list from its sample frame; its callers work through it and record
/// each call's outcome, an answered call with the answers (stored as an anonymous response, not linked to the number).
/// </summary>
public sealed class CallsHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public const int MaxFrame = 20000;

    public async Task<Outcome<CallDrawDto>> DrawAsync(UserScope actor, Guid surveyId, CallDrawRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, surveyId);
        if (!loaded.IsOk)
        {
            return loaded.As<CallDrawDto>();
        }
        var design = loaded.Value!.Design;
        var entries = request.Entries ?? [];
        if (entries.Count is 0 or > MaxFrame)
        {
            return Outcome<CallDrawDto>.Invalid("entries", $"entries：抽样框应有 1–{MaxFrame} 个号码");
        }
        var errors = new List<FieldError>();
        for (var i = 0; i < entries.Count; i++)
        {
            var phone = entries[i].Phone?.Trim();
            if (phone is not { Length: >= 5 and <= 20 } || !phone.All(c => char.IsAsciiDigit(c) || c == '-'))
            {
                errors.Add(new FieldError(i + 1, "phone", $"entries 第{i + 1}行：号码“{entries[i].Phone}”无效"));
            }
            if (SurveysHandler.CheckCell(design, entries[i].Group, entries[i].Area) is { } cell)
            {
                errors.Add(new FieldError(i + 1, cell.Field, $"entries 第{i + 1}行：{cell.Message}"));
            }
        }
        if (request.Count < 1 || request.Count > entries.Count)
        {
            errors.Add(new FieldError(null, "count", $"count：抽取数量应为 1–{entries.Count}"));
        }
        if (errors.Count > 0)
        {
            return Outcome<CallDrawDto>.Invalid(errors);
        }
        var existing = (await db.SurveyCalls.Where(c => c.SurveyId == surveyId).Select(c => c.Phone).ToListAsync()).ToHashSet();
        var frame = entries.Select(e => e with { Phone = e.Phone!.Trim() }).Where(e => !existing.Contains(e.Phone!)).DistinctBy(e => e.Phone).ToList();
        var seed = request.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var random = new Random(seed);
        for (var i = frame.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (frame[i], frame[j]) = (frame[j], frame[i]);
        }
        var start = await db.SurveyCalls.Where(c => c.SurveyId == surveyId).MaxAsync(c => (int?)c.Position) ?? 0;
        var drawn = frame.Take(request.Count).Select((e, i) => new SurveyCall
        {
            SurveyId = surveyId, Position = start + i + 1, Phone = e.Phone!, Group = SurveysHandler.Blank(e.Group), Area = SurveysHandler.Blank(e.Area),
        }).ToList();
        db.SurveyCalls.AddRange(drawn);
        db.Record(actor, "抽取电话访问名单", $"满意度调查 {loaded.Value.Title}", detail: $"抽样框{entries.Count}个号码，抽取{drawn.Count}个，种子{seed}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Outcome<CallDrawDto>.Conflict("名单正在由他人抽取，请刷新后重试");
        }
        return Outcome<CallDrawDto>.Ok(new CallDrawDto(drawn.Count, seed, entries.Count));
    }

    public async Task<Outcome<Paged<CallDto>>> ListAsync(UserScope actor, Guid surveyId, string? outcome = null, int? page = null, int? pageSize = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, surveyId);
        if (!loaded.IsOk)
        {
            return loaded.As<Paged<CallDto>>();
        }
        var query = db.SurveyCalls.AsNoTracking().Where(c => c.SurveyId == surveyId);
        if (outcome == "pending")
        {
            query = query.Where(c => c.Outcome == null || c.Outcome != CallOutcomes.Answered && c.Outcome != CallOutcomes.Refused);
        }
        else if (!string.IsNullOrWhiteSpace(outcome))
        {
            query = query.Where(c => c.Outcome == outcome);
        }
        var paged = await query.OrderBy(c => c.Position).ToPageAsync(PageRequest.Of(page, pageSize));
        return Outcome<Paged<CallDto>>.Ok(paged.Map(ToDto));
    }

    public async Task<Outcome<PhoneDto>> RevealAsync(UserScope actor, Guid surveyId, Guid callId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, surveyId);
        if (!loaded.IsOk)
        {
            return loaded.As<PhoneDto>();
        }
        if (await db.SurveyCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId && c.SurveyId == surveyId) is not { } call)
        {
            return Outcome<PhoneDto>.NotFound();
        }
        db.Record(actor, "查看完整号码", $"满意度调查 {loaded.Value!.Title} 电话名单第{call.Position}号");
        await db.SaveChangesAsync();
        return Outcome<PhoneDto>.Ok(new PhoneDto(call.Phone));
    }

    public async Task<Outcome<CallDto>> RecordAsync(UserScope actor, Guid surveyId, Guid callId, CallOutcomeRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await SurveyAccess.LoadAsync(db, actor, surveyId);
        if (!loaded.IsOk)
        {
            return loaded.As<CallDto>();
        }
        var survey = loaded.Value!;
        if (await db.SurveyCalls.FirstOrDefaultAsync(c => c.Id == callId && c.SurveyId == surveyId) is not { } call)
        {
            return Outcome<CallDto>.NotFound();
        }
        if (!CallOutcomes.IsValid(request.Outcome))
        {
            return Outcome<CallDto>.Invalid("outcome", $"outcome：结果“{request.Outcome}”无效，只能是：{string.Join("、", CallOutcomes.Labels.Select(kv => $"{kv.Key}（{kv.Value}）"))}");
        }
        if (call.Outcome is CallOutcomes.Answered or CallOutcomes.Refused)
        {
            return Outcome<CallDto>.Conflict($"第{call.Position}号已记录为“{CallOutcomes.Label(call.Outcome)}”，不能再次记录");
        }
        if (!survey.IsOpen)
        {
            return Outcome<CallDto>.Conflict("调查未发布或已结束，不能记录电话访问");
        }
        if (request.Outcome == CallOutcomes.Answered)
        {
            var (answers, errors) = AnswerRules.Read(survey.Design, [.. (request.Answers ?? []).Select(a => new Domain.Surveys.RawAnswer(a.QuestionIndex, a.Value))]);
            if (answers.Count == 0 && errors.Count == 0)
            {
                errors.Add("answers：完成访问须录入答案");
            }
            if (errors.Count > 0)
            {
                return Outcome<CallDto>.Invalid([.. errors.Select(e => new FieldError(null, "answers", e))]);
            }
            if (await PublicResponseHandler.IsFullAsync(db, survey, call.Group, call.Area))
            {
                return Outcome<CallDto>.Conflict(PublicResponseHandler.QuotaFullMessage);
            }
            db.SurveyResponses.Add(new SurveyResponse
            {
                SurveyId = surveyId, Day = clock.Today, Channel = ResponseChannels.Telephone, Group = call.Group, Area = call.Area, Answers = answers,
            });
        }
        call.Outcome = request.Outcome;
        call.Attempts++;
        call.CalledBy = actor.UserName;
        call.CalledAt = clock.UtcNow;
        call.Version = Guid.NewGuid();
        db.Record(actor, "记录电话访问", $"满意度调查 {survey.Title} 电话名单第{call.Position}号", detail: CallOutcomes.Label(call.Outcome));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<CallDto>.Conflict($"第{call.Position}号正由他人记录，请刷新后重试");
        }
        return Outcome<CallDto>.Ok(ToDto(call));
    }

    public static string Mask(string phone) => phone.Length >= 7 ? $"{phone[..3]}****{phone[^4..]}" : new string('*', phone.Length);

    private static CallDto ToDto(SurveyCall c) =>
        new(c.Id, c.Position, Mask(c.Phone), c.Group, c.Area, c.Outcome, CallOutcomes.Label(c.Outcome), c.Attempts, c.CalledBy);
}
