using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InspectReady.Web.Data;

public static class UniqueViolation
{
    /// <summary>True when the save failed because a unique key was already taken (SQLite 2067, PostgreSQL 23505).</summary>
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
