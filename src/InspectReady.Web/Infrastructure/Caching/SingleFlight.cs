using System.Collections.Concurrent;

namespace InspectReady.Web.Infrastructure.Caching;

/// <summary>
/// One load per key at a time (ADR 0037): when a cached value expires under load, the hundred requests that miss
/// it at once share one database read instead of opening a hundred connections (which, on PostgreSQL, can exhaust
/// <c>max_connections</c>). The load's result or failure goes to every caller that waited for it.
/// </summary>
public sealed class SingleFlight
{
    private readonly ConcurrentDictionary<object, Lazy<Task<object?>>> running = new();

    public async Task<T> RunAsync<T>(object key, Func<Task<T>> load)
    {
        var flight = running.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () => await load()));
        try
        {
            return (T)(await flight.Value)!;
        }
        finally
        {
            running.TryRemove(new KeyValuePair<object, Lazy<Task<object?>>>(key, flight));
        }
    }
}
