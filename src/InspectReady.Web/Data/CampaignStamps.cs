using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InspectReady.Web.Data;

/// <summary>
/// A version per campaign, bumped by the write path whenever a campaign's tasks (or the campaign, its units' names or
/// its framework) change, so read models built from them know when they are stale (ADR 0022). Process-wide; read
/// models also expire after a short time, which bounds what another node's writes leave stale.
/// </summary>
public sealed class CampaignStamps
{
    private readonly ConcurrentDictionary<Guid, long> campaigns = new();
    private long global;

    /// <summary>The stamp a read model of the campaign was built under; a different stamp later means it is stale.</summary>
    public (long Global, long Campaign) Of(Guid campaignId) => (Interlocked.Read(ref global), campaigns.GetValueOrDefault(campaignId));

    public void Bump(Guid campaignId) => campaigns.AddOrUpdate(campaignId, 1, (_, v) => v + 1);

    /// <summary>Every campaign is stale (a unit renamed, a framework changed, a change whose campaign is unknown).</summary>
    public void BumpAll() => Interlocked.Increment(ref global);
}

/// <summary>
/// Bumps <see cref="CampaignStamps"/> from the change tracker on every save, and again when the save's transaction
/// commits. Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> on tasks bypass it and must call <see cref="CampaignStamps"/>
/// themselves.
/// </summary>
public sealed class CampaignStampInterceptor(CampaignStamps stamps) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Sentinel for "every campaign".</summary>
    private static readonly Guid All = Guid.Empty;

    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> pending = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, committed: false);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context, committed: false);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        HashSet<Guid>? touched = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            Guid? campaign = entry.Entity switch
            {
                FilingTask t => t.CampaignId,
                Campaign c => c.Id,
                TaskTransition m => context.ChangeTracker.Entries<FilingTask>().FirstOrDefault(e => e.Entity.Id == m.TaskId)?.Entity.CampaignId ?? All,
                Unit or FrameworkNode or Framework => All,
                _ => null,
            };
            if (campaign is { } id)
            {
                (touched ??= pending.GetOrCreateValue(context)).Add(id);
            }
        }
    }

    private void Flush(DbContext? context, bool committed)
    {
        if (context is null || !pending.TryGetValue(context, out var touched))
        {
            return;
        }
        // Inside a transaction the rows are not visible to readers yet: bump now and again on commit.
        var keep = !committed && context.Database.CurrentTransaction is not null;
        foreach (var id in touched)
        {
            if (id == All)
            {
                stamps.BumpAll();
            }
            else
            {
                stamps.Bump(id);
            }
        }
        if (!keep)
        {
            pending.Remove(context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }
}
