using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Domain.Jobs;
using InspectReady.Web.Domain.Notifications;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Domain.Reminders;
using InspectReady.Web.Domain.Supervision;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Identity;
using InspectReady.Web.Infrastructure.Security.Keys;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InspectReady.Web.Data;

public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<FrameworkNode> FrameworkNodes => Set<FrameworkNode>();
    public DbSet<FrameworkMapping> FrameworkMappings => Set<FrameworkMapping>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<FilingTask> Tasks => Set<FilingTask>();
    public DbSet<TaskAttachment> TaskAttachments => Set<TaskAttachment>();
    public DbSet<TaskTransition> TaskTransitions => Set<TaskTransition>();
    public DbSet<TaskVersion> TaskVersions => Set<TaskVersion>();
    public DbSet<TaskComment> TaskComments => Set<TaskComment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<ReminderLog> ReminderLogs => Set<ReminderLog>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<SupervisionNotice> SupervisionNotices => Set<SupervisionNotice>();
    public DbSet<SupervisionItem> SupervisionItems => Set<SupervisionItem>();
    public DbSet<AccountabilityRecord> AccountabilityRecords => Set<AccountabilityRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Domain.Access.SecurityPolicy> SecurityPolicies => Set<Domain.Access.SecurityPolicy>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace == typeof(AppDbContext).Namespace + ".Configurations");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC (Npgsql's timestamptz insists; SQLite forgets the kind on read).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>
    /// The synchronous save is the data-protection key ring's (it writes no audit entry). Audit entries are chained
    /// only by <see cref="SaveChangesAsync(bool, CancellationToken)"/>, never by blocking on it.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
        {
            throw new InvalidOperationException("含审计记录的保存须调用 SaveChangesAsync");
        }
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// New audit entries are chained in the same transaction as the change they record (ADR 0006), but the lock
    /// that orders the chain (on PostgreSQL an advisory lock, so several nodes append one chain; on SQLite the
    /// database's own write lock) is taken only for the append (ADR 0042): the business changes are written first,
    /// then the lock, the tail, the HMAC-SM3 of each entry under the current audit key (ADR 0040), the insert and
    /// the commit.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var key = AuditKeys.Current(KeyNames.Audit);
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var appendLockHeld = false;
        try
        {
            var written = 0;
            // Business changes first, without holding the chain's lock. (Without accepting changes, a second save
            // would write them again: that rare caller takes the lock for the whole save, as before.)
            if (acceptAllChangesOnSuccess && ChangeTracker.Entries().Any(e => e.Entity is not AuditEntry
                && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                foreach (var entry in pending)
                {
                    Entry(entry).State = EntityState.Detached;
                }
                try
                {
                    written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
                finally
                {
                    AuditEntries.AddRange(pending);
                }
            }

            // Appends of this process queue here, without a connection's worth of waiting in the database, but only
            // when the save owns its transaction: inside a caller's transaction (which may already hold the advisory
            // lock from an earlier save) the database lock alone orders the chain, so no wait can close a cycle.
            if (ownTransaction is not null)
            {
                await AppendLock.WaitAsync(cancellationToken);
                appendLockHeld = true;
            }
            if (IsPostgres)
            {
                await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7310001)", cancellationToken);
            }
            var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditChain.Genesis;
            foreach (var entry in pending.OrderBy(p => p.At))
            {
                entry.Sequence = ++sequence;
                entry.PreviousHash = previous;
                entry.KeyId = key.Id;
                entry.Hash = AuditChain.Mac(entry, key);
                previous = entry.Hash;
            }
            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
            if (appendLockHeld)
            {
                AppendLock.Release();
            }
        }
    }

    /// <summary>The process's queue for audit appends in their own transaction (ADR 0042).</summary>
    private static readonly SemaphoreSlim AppendLock = new(1, 1);

    /// <summary>The key store of the host that made this context (the factory passes its service provider).</summary>
    private KeyStore AuditKeys =>
        this.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>()
            .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<KeyStore>()
        ?? throw new InvalidOperationException("审计记录须以密钥计算：此数据库上下文没有密钥库（请通过应用的 IDbContextFactory 创建）");
}

public sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
