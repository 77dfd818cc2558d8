using InspectReady.Web.Data;
using InspectReady.Web.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Surveys.Respond;

public enum ResponseWriteResult
{
    Accepted,
    QuotaFull,
    InvitationUsed,
}

/// <param name="Quota">The quota of the response's cell, if it has one.</param>
/// <param name="InvitationId">The invitation the response spends, if any.</param>
public sealed record ResponseWrite(SurveyResponse Response, SurveyQuota? Quota, Guid? InvitationId);

/// <summary>
/// Writes public survey responses in batches (ADR 0037). The quota of a cell is counted once per batch and then
/// kept by the batch itself, so the cell never takes more than its target from this writer; an invitation is spent
/// by a conditional update, so one code answers once however many arrive together. With several nodes on
/// PostgreSQL each node's writer counts the committed responses, so a cell may overshoot by the responses the
/// other nodes commit within the same moment (ADR 0037).
/// </summary>
public sealed class SurveyResponseWriter(IDbContextFactory<AppDbContext> factory, ILogger<SurveyResponseWriter> logger)
    : BatchWriter<ResponseWrite, ResponseWriteResult>(factory, logger)
{
    protected override async Task<IReadOnlyList<ResponseWriteResult>> WriteBatchAsync(AppDbContext db, IReadOnlyList<ResponseWrite> batch)
    {
        var counts = new Dictionary<(Guid, string?, string?), int>();
        var results = new ResponseWriteResult[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (response, quota, invitationId) = batch[i];
            (Guid, string?, string?) cell = default;
            if (quota is not null)
            {
                cell = (response.SurveyId, quota.Group, quota.Area);
                if (!counts.TryGetValue(cell, out var count))
                {
                    count = await CountAsync(db, response.SurveyId, quota);
                }
                counts[cell] = count;
                if (count >= quota.Target)
                {
                    results[i] = ResponseWriteResult.QuotaFull;
                    continue;
                }
            }
            if (invitationId is { } id && await db.SurveyInvitations.Where(v => v.Id == id && v.UsedOn == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(v => v.UsedOn, response.Day)) == 0)
            {
                results[i] = ResponseWriteResult.InvitationUsed;
                continue;
            }
            if (quota is not null)
            {
                counts[cell]++;
            }
            db.SurveyResponses.Add(response);
            results[i] = ResponseWriteResult.Accepted;
        }
        return results;
    }

    /// <summary>The responses committed in a quota's cell.</summary>
    public static Task<int> CountAsync(AppDbContext db, Guid surveyId, SurveyQuota quota)
    {
        var responses = db.SurveyResponses.Where(r => r.SurveyId == surveyId);
        if (quota.Group is { } g)
        {
            responses = responses.Where(r => r.Group == g);
        }
        if (quota.Area is { } a)
        {
            responses = responses.Where(r => r.Area == a);
        }
        return responses.CountAsync();
    }
}
