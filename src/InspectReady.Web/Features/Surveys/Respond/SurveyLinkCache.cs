using InspectReady.Web.Domain.Surveys;
using InspectReady.Web.Infrastructure.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace InspectReady.Web.Features.Surveys.Respond;

/// <summary>
/// Open survey links by token with their survey, kept a few seconds (ADR 0037): the public page and every response
/// read them, and at hundreds of responses a second reading and parsing the design each time was most of the work.
/// A change to any survey on this node (edit, weights, publish, close, new link) drops every entry at once; another
/// node sees the change within <see cref="Lifetime"/>. The cached survey is shared: read it, never change it.
/// </summary>
public sealed class SurveyLinkCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly SingleFlight loads = new();
    private long generation;

    public async Task<(Survey Survey, SurveyLink Link)?> GetAsync(string token, Func<Task<(Survey Survey, SurveyLink Link)?>> load)
    {
        var key = (Interlocked.Read(ref generation), token);
        if (cache.TryGetValue(key, out (Survey Survey, SurveyLink Link)? found))
        {
            return found;
        }
        found = await loads.RunAsync(key, load);
        if (found is not null)
        {
            cache.Set(key, found, Lifetime);
        }
        return found;
    }

    /// <summary>Some survey changed on this node: forget every cached link.</summary>
    public void Changed() => Interlocked.Increment(ref generation);
}
