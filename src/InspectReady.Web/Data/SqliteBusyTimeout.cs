using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InspectReady.Web.Data;

/// <summary>
/// Lets SQLite itself wait for a lock (ADR 0037). Microsoft.Data.Sqlite sets no busy timeout: when another
/// connection is writing it gets SQLITE_BUSY at once, sleeps 150 ms and tries again, so a write that collides with a
/// 2 ms transaction waits 150 ms. With <c>PRAGMA busy_timeout</c> SQLite retries on its own after 1, 2, 5, 10 … ms and
/// goes on as soon as the lock is free; past the timeout the driver's own retry takes over as before.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 5000;
    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
