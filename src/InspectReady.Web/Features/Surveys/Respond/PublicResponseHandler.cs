using InspectReady.Web.Data;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Surveys;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Surveys.Build;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Surveys.Respond;

/// <param name="Value">The option's text (single, scale5), a list of texts (multiple; matrix5 one per row), a number (rating10) or the text (text).</param>
public sealed record SurveyAnswerRequest(int QuestionIndex, System.Text.Json.JsonElement Value);

/// <param name="Invitation">The invitation code of a closed sample: one response each.</param>
/// <param name="Group">The respondent group, when the link leaves it open.</param>
/// <param name="Area">The area, when the link leaves it open.</param>
public sealed record ResponseRequest(List<SurveyAnswerRequest>? Answers, string? Invitation = null, string? Group = null, string? Area = null);

public sealed record ResponseReceivedDto(string Message);

public sealed record PublicQuestionDto(int Index, string Type, string Text, IReadOnlyList<string> Options, List<string>? Rows, SurveyCondition? ShowIf, bool Required);

/// <param name="Full">The link's cell has reached its quota: the page thanks and takes no answers.</param>
public sealed record PublicSurveyDto(string Title, string? Group, string? Area, List<string> Groups, List<string> Areas, bool Full,
    IReadOnlyList<PublicQuestionDto> Questions);

/// <summary>
/// The anonymous side (ADR 0122): an open survey by its link token takes a response, checked against its questions,
/// its follow-up conditions and the quota of its group × area cell; an invitation is good once; the stored response
/// keeps the day only and nothing about the respondent.
/// </summary>
public sealed class PublicResponseHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock, SurveyLinkCache links, SurveyResponseWriter writer)
{
    public const string QuotaFullMessage = "该类受访对象的样本已满额，本次调查不再接收答卷。感谢您的关注与支持！";

    public const string InvitationUsedMessage = "该邀请码已提交过答卷，每个邀请码只能作答一次";

    public static string DeviceCookie(Guid surveyId) => $"ir-sv-{surveyId:N}";

    /// <summary>The open survey of a link token and the link (cached a few seconds, see <see cref="SurveyLinkCache"/>).</summary>
    public Task<(Survey Survey, SurveyLink Link)?> OpenLinkAsync(string token) => links.GetAsync(token, async () =>
    {
        await using var db = await factory.CreateDbContextAsync();
        var found = await db.SurveyLinks.AsNoTracking().Where(l => l.Token == token)
            .Join(db.Surveys.AsNoTracking(), l => l.SurveyId, s => s.Id, (l, s) => new { l, s }).OrderBy(x => x.l.Id).FirstOrDefaultAsync();
        return found is not null && found.s.IsOpen ? (found.s, found.l) : null;
    });

    public async Task<PublicSurveyDto?> DescribeAsync(string token)
    {
        if (await OpenLinkAsync(token) is not { } found)
        {
            return null;
        }
        var (survey, link) = found;
        await using var db = await factory.CreateDbContextAsync();
        var d = survey.Design;
        var full = (link.Group is not null || link.Area is not null) && await IsFullAsync(db, survey, link.Group, link.Area);
        return new PublicSurveyDto(survey.Title, link.Group, link.Area, d.Groups, d.Areas, full,
            [.. d.Questions.Select((q, i) => new PublicQuestionDto(i, q.Type, q.Text, q.Choices, q.Rows, q.ShowIf, q.Required))]);
    }

    public async Task<Outcome<ResponseReceivedDto>> SubmitAsync(string token, ResponseRequest request, bool deviceAnswered)
    {
        if (await OpenLinkAsync(token) is not { } found)
        {
            return Outcome<ResponseReceivedDto>.NotFound();
        }
        var (survey, link) = found;
        SurveyInvitation? invitation = null;
        if (SurveysHandler.Blank(request.Invitation) is { } code)
        {
            await using var db = await factory.CreateDbContextAsync();
            invitation = await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.SurveyId == survey.Id && i.Code == code);
            if (invitation is null)
            {
                return Outcome<ResponseReceivedDto>.Invalid("invitation", $"invitation：邀请码“{code}”无效");
            }
            if (invitation.UsedOn is not null)
            {
                return Outcome<ResponseReceivedDto>.Conflict(InvitationUsedMessage);
            }
        }
        else if (deviceAnswered)
        {
            return Outcome<ResponseReceivedDto>.Conflict("本设备已提交过该调查的答卷，感谢您的参与");
        }
        var group = invitation?.Group ?? link.Group ?? SurveysHandler.Blank(request.Group);
        var area = invitation?.Area ?? link.Area ?? SurveysHandler.Blank(request.Area);
        if (SurveysHandler.CheckCell(survey.Design, group, area) is { } cellError)
        {
            return Outcome<ResponseReceivedDto>.Invalid(cellError.Field, cellError.Message);
        }
        var (answers, errors) = AnswerRules.Read(survey.Design, [.. (request.Answers ?? []).Select(a => new RawAnswer(a.QuestionIndex, a.Value))]);
        if (errors.Count > 0)
        {
            return Outcome<ResponseReceivedDto>.Invalid([.. errors.Select(e => new FieldError(null, "answers", e))]);
        }
        var response = new SurveyResponse
        {
            SurveyId = survey.Id, Day = clock.Today, Channel = invitation is null ? ResponseChannels.Link : ResponseChannels.Invitation,
            Group = group, Area = area, Answers = answers,
        };
        return await writer.WriteAsync(new ResponseWrite(response, survey.Design.QuotaFor(group, area), invitation?.Id)) switch
        {
            ResponseWriteResult.QuotaFull => Outcome<ResponseReceivedDto>.Conflict(QuotaFullMessage),
            ResponseWriteResult.InvitationUsed => Outcome<ResponseReceivedDto>.Conflict(InvitationUsedMessage),
            _ => Outcome<ResponseReceivedDto>.Ok(new ResponseReceivedDto("提交成功，感谢您的参与！")),
        };
    }

    /// <summary>Whether the quota of the group × area cell is reached (no quota: never full).</summary>
    public static async Task<bool> IsFullAsync(AppDbContext db, Survey survey, string? group, string? area)
    {
        if (survey.Design.QuotaFor(group, area) is not { } quota)
        {
            return false;
        }
        return await SurveyResponseWriter.CountAsync(db, survey.Id, quota) >= quota.Target;
    }
}
