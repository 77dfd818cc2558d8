using Microsoft.AspNetCore.Components;

namespace InspectReady.Web.Components.Shared;

/// <summary>
/// Loads a heavy page's data once per page view (ADR 0024): what the prerender loaded is persisted into the page
/// (<see cref="PersistentComponentState"/>) and taken back when the circuit starts, instead of being loaded again.
/// Later loads (another campaign picked on the same page) go to the handler as usual.
/// </summary>
public sealed class Prerendered<T> : IDisposable where T : class
{
    private readonly PersistentComponentState state;
    private readonly PersistingComponentStateSubscription subscription;
    private readonly Dictionary<string, T> loaded = [];

    public Prerendered(PersistentComponentState state)
    {
        this.state = state;
        subscription = state.RegisterOnPersisting(PersistAsync);
    }

    public async Task<T?> GetAsync(string key, Func<Task<T?>> load)
    {
        if (state.TryTakeFromJson<T>(key, out var taken) && taken is not null)
        {
            return taken;
        }
        var value = await load();
        if (value is not null)
        {
            loaded[key] = value;
        }
        return value;
    }

    private Task PersistAsync()
    {
        foreach (var (key, value) in loaded)
        {
            state.PersistAsJson(key, value);
        }
        return Task.CompletedTask;
    }

    public void Dispose() => subscription.Dispose();
}
