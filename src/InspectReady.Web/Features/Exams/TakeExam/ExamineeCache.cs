using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Infrastructure.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace InspectReady.Web.Features.Exams.TakeExam;

/// <summary>
/// What every examinee request reads and what hardly changes, kept in memory (ADR 0037): whether an exam is open
/// (a couple of seconds; closing on this node forgets it at once, and closing submits every paper, which the answer
/// writer's own condition refuses to write to) and each examinee's paper items, which are frozen once drawn. The
/// cache only spares reads: whether a write may land is decided by the write itself, and a refused or unknown item
/// is looked up again in the database.
/// </summary>
public sealed class ExamineeCache(IMemoryCache cache)
{
    private readonly SingleFlight loads = new();

    public static readonly TimeSpan OpenLifetime = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan PaperLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The closing time of an open exam; null when it is not open (not cached, so opening shows at once).</summary>
    public async Task<DateTime?> OpenUntilAsync(Guid examId, Func<Task<DateTime?>> load)
    {
        var key = (nameof(OpenUntilAsync), examId);
        if (cache.TryGetValue(key, out DateTime closesAt))
        {
            return closesAt;
        }
        if (await loads.RunAsync(key, load) is not { } found)
        {
            return null;
        }
        cache.Set(key, found, OpenLifetime);
        return found;
    }

    public void ExamChanged(Guid examId) => cache.Remove((nameof(OpenUntilAsync), examId));

    public void PaperChanged(Guid examineeId) => cache.Remove((nameof(PaperAsync), examineeId));

    /// <summary>An examinee's paper items by id; <paramref name="fresh"/> reads them again.</summary>
    public async Task<IReadOnlyDictionary<Guid, PaperItem>> PaperAsync(Guid examineeId, Func<Task<IReadOnlyDictionary<Guid, PaperItem>>> load, bool fresh = false)
    {
        var key = (nameof(PaperAsync), examineeId);
        if (!fresh && cache.TryGetValue(key, out IReadOnlyDictionary<Guid, PaperItem>? items) && items is not null)
        {
            return items;
        }
        items = await loads.RunAsync(key, load);
        cache.Set(key, items, new MemoryCacheEntryOptions { SlidingExpiration = PaperLifetime });
        return items;
    }
}
