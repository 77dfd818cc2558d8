using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Data;

/// <summary>
/// Group commit for one kind of small write that arrives in bursts (ADR 0037): a thousand examinees saving answers at
/// once, hundreds of survey responses a second. The writes are queued and one writer applies them in batches, one
/// transaction per batch. SQLite admits one writer at a time, and Microsoft.Data.Sqlite answers a busy database by
/// sleeping on a pool thread and retrying, so concurrent small writes queue behind sleeps; a single writer has no
/// contention to sleep on and shares one commit among the batch. A caller's task completes only after its batch has
/// committed, so an acknowledged write is durable. A batch that throws is retried item by item, so one bad item fails
/// alone and the others still land. On shutdown the queue is closed and drained before the host stops.
/// </summary>
public abstract class BatchWriter<TItem, TResult> : BackgroundService
{
    private readonly Channel<Pending> queue;
    private readonly IDbContextFactory<AppDbContext> factory;
    private readonly ILogger logger;

    protected BatchWriter(IDbContextFactory<AppDbContext> factory, ILogger logger, int capacity = 20_000)
    {
        this.factory = factory;
        this.logger = logger;
        queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The most items one transaction takes.</summary>
    protected virtual int MaxBatch => 250;

    /// <summary>Batches written since the start, and the items they carried (for the logs and the benchmarks).</summary>
    public long Batches => Interlocked.Read(ref batches);

    public long Items => Interlocked.Read(ref items);

    private long batches;
    private long items;

    /// <summary>Queues one write and returns its result once the batch that carries it has committed.</summary>
    public async Task<TResult> WriteAsync(TItem item, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task;
    }

    /// <summary>
    /// Applies a batch inside the transaction this class opens: ExecuteUpdate calls run at once, tracked changes are
    /// saved after it returns. Returns one result per item, in order. Throws to fail (and retry one by one).
    /// </summary>
    protected abstract Task<IReadOnlyList<TResult>> WriteBatchAsync(AppDbContext db, IReadOnlyList<TItem> batch);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        // Not cancelled by stoppingToken: StopAsync completes the queue, and what is in it is still written.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            await FlushAsync(batch);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task FlushAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            var results = await WriteInTransactionAsync([.. batch.Select(p => p.Item)]);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
            Interlocked.Increment(ref batches);
            Interlocked.Add(ref items, batch.Count);
        }
        catch (Exception e) when (batch.Count > 1)
        {
            logger.LogWarning(e, "{Writer}: a batch of {Count} failed; writing its items one by one", GetType().Name, batch.Count);
            foreach (var pending in batch)
            {
                await FlushAsync([pending]);
            }
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    private async Task<IReadOnlyList<TResult>> WriteInTransactionAsync(IReadOnlyList<TItem> batch)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var results = await WriteBatchAsync(db, batch);
        if (results.Count != batch.Count)
        {
            throw new InvalidOperationException($"{GetType().Name} returned {results.Count} results for {batch.Count} items");
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return results;
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}

public static class BatchWriterRegistration
{
    /// <summary>One writer per process: a singleton that is also the hosted service draining its queue.</summary>
    public static IServiceCollection AddBatchWriter<TWriter>(this IServiceCollection services) where TWriter : class, IHostedService
    {
        services.AddSingleton<TWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<TWriter>());
        return services;
    }
}
