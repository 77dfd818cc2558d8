using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Data;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Security.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InspectReady.FunctionalTests.Scenarios;

/// <summary>
/// Issue 10, item 1: what an attacker with the database does to the audit trail (the triggers dropped first) is
/// reported by <c>GET /api/v1/audit/verify</c> and by the <c>verify-audit</c> command. Each scenario tampers, so
/// each has a host (and database) of its own.
/// </summary>
public abstract class AuditIntegrityScenarios
{
    protected abstract AppFactory NewFactory();

    protected async Task WithHostAsync(Func<AppFactory, Task> body)
    {
        var factory = NewFactory();
        await factory.InitializeAsync();
        try
        {
            _ = factory.Services; // starts the host: the database is migrated
            await body(factory);
        }
        finally
        {
            await factory.DisposeAsync();
        }
    }

    protected static async Task<ApiClient> AuditorAsync(AppFactory factory)
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        await admin.CreateUserAsync("integrity-auditor", null, "审计管理员");
        return await factory.Api().SignInAsync("integrity-auditor", ApiClient.StrongPassword);
    }

    protected static async Task SomeAuditedWritesAsync(AppFactory factory, int n)
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        for (var i = 0; i < n; i++)
        {
            await admin.CreateRegionAsync($"审计区{Guid.NewGuid():N}"[..12], "区");
        }
    }

    /// <summary>What an attacker with the database does first: the append-only triggers go.</summary>
    protected static async Task DropTriggersAsync(AppDbContext db)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS AuditEntries_no_update");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS AuditEntries_no_delete");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS AuditEntries_no_replace");
        }
    }

    private static async Task<(int Code, string Output, string Error)> VerifyCommandAsync(AppFactory factory)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AuditCommands.RunAsync(factory.Services, [AuditCommands.Verify], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task An_edited_middle_record_is_reported_at_its_sequence_by_the_api_and_the_command()
    {
        await WithHostAsync(async factory =>
        {
            using var auditor = await AuditorAsync(factory);
            await SomeAuditedWritesAsync(factory, 6);
            var intact = await auditor.GetJsonAsync("/api/v1/audit/verify");
            Assert.True(intact["intact"]!.GetValue<bool>(), intact.ToJsonString());
            Assert.Equal(0, (await VerifyCommandAsync(factory)).Code);

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var middle = await db.AuditEntries.MaxAsync(a => a.Sequence) / 2;
            await DropTriggersAsync(db);
            var row = await db.AuditEntries.SingleAsync(a => a.Sequence == middle);
            row.Detail = "改写后的说明";
            await db.SaveChangesAsync();

            var verify = await auditor.GetJsonAsync("/api/v1/audit/verify");
            Assert.False(verify["intact"]!.GetValue<bool>());
            Assert.Equal(middle, verify["firstBrokenSequence"]!.GetValue<long>());
            Assert.Contains($"第 {middle} 条的内容与其 HMAC-SM3 不符", verify["problem"]!.GetValue<string>(), StringComparison.Ordinal);
            var (code, _, error) = await VerifyCommandAsync(factory);
            Assert.Equal(1, code);
            Assert.Contains($"第 {middle} 条", error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Re_computing_a_plain_sm3_chain_after_an_edit_is_reported_because_the_key_matters()
    {
        await WithHostAsync(async factory =>
        {
            using var auditor = await AuditorAsync(factory);
            await SomeAuditedWritesAsync(factory, 6);
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var middle = await db.AuditEntries.MaxAsync(a => a.Sequence) / 2;
            await DropTriggersAsync(db);
            var rows = await db.AuditEntries.Where(a => a.Sequence >= middle - 1).OrderBy(a => a.Sequence).ToListAsync();
            rows[1].Detail = "改写后的说明";
            for (var i = 1; i < rows.Count; i++)
            {
                rows[i].PreviousHash = rows[i - 1].Hash;
                rows[i].Hash = AuditChain.LegacyHash(rows[i]);
            }
            await db.SaveChangesAsync();

            var verify = await auditor.GetJsonAsync("/api/v1/audit/verify");
            Assert.False(verify["intact"]!.GetValue<bool>());
            Assert.Equal(middle, verify["firstBrokenSequence"]!.GetValue<long>());
        });
    }

    [Fact]
    public async Task Cutting_off_the_last_records_is_reported_against_the_signed_checkpoint()
    {
        await WithHostAsync(async factory =>
        {
            using var auditor = await AuditorAsync(factory);
            await SomeAuditedWritesAsync(factory, 6);
            var checkpoint = (await factory.Services.GetRequiredService<AuditCheckpoints>().WriteAsync())!;
            Assert.Contains(checkpoint.Line, await File.ReadAllTextAsync(Path.Combine(factory.DataRoot, "audit", "checkpoints.log")), StringComparison.Ordinal);

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DropTriggersAsync(db);
            var kept = checkpoint.Sequence - 3;
            await db.AuditEntries.Where(a => a.Sequence > kept).ExecuteDeleteAsync();

            var expected = $"审计记录在第 {kept} 条之后被截断：检查点记录至第 {checkpoint.Sequence} 条";
            var (code, _, error) = await VerifyCommandAsync(factory);
            Assert.Equal(1, code);
            Assert.Contains(expected, error, StringComparison.Ordinal);
            var verify = await auditor.GetJsonAsync("/api/v1/audit/verify");
            Assert.False(verify["intact"]!.GetValue<bool>());
            Assert.StartsWith(expected, verify["problem"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(checkpoint.Sequence, verify["checkpointSequence"]!.GetValue<long>());

            // Appending after the cut re-uses the cut sequences: the checkpoint's MAC no longer matches.
            await SomeAuditedWritesAsync(factory, 4);
            verify = await auditor.GetJsonAsync("/api/v1/audit/verify");
            Assert.False(verify["intact"]!.GetValue<bool>());
            Assert.Contains("检查点", verify["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Rotating_the_audit_key_starts_a_segment_whose_first_record_names_the_previous_one_and_the_chain_verifies()
    {
        await WithHostAsync(async factory =>
        {
            using var auditor = await AuditorAsync(factory);
            var rotation = await AuditCommands.RotateAsync(factory.Services);
            Assert.Equal("audit.v2", rotation.KeyId);
            Assert.True(File.Exists(Path.Combine(factory.DataRoot, "keys", "audit.v2.key")));
            await SomeAuditedWritesAsync(factory, 2);

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var first = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Sequence == rotation.FirstSequence);
            var before = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Sequence == rotation.FirstSequence - 1);
            Assert.Equal("audit.v2", first.KeyId);
            Assert.Equal("audit.v1", before.KeyId);
            Assert.Equal(before.Hash, first.PreviousHash);
            Assert.Contains($"至第 {before.Sequence} 条，MAC {before.Hash}", first.Detail, StringComparison.Ordinal);

            var verify = await auditor.GetJsonAsync("/api/v1/audit/verify");
            Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
            var segments = verify["segments"]!.AsArray().Select(s => s!["keyId"]!.GetValue<string>()).ToList();
            Assert.Equal(["audit.v1", "audit.v2"], segments);
        });
    }

    [Fact]
    public async Task Many_parallel_audited_writes_keep_one_gap_free_chain()
    {
        await WithHostAsync(async factory =>
        {
            using var auditor = await AuditorAsync(factory);
            using var admin = await factory.Api().SignInAsAdminAsync();
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => admin.CreateRegionAsync($"并发区{i:00}", "区")));
            var verify = await auditor.GetJsonAsync("/api/v1/audit/verify");
            Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var sequences = await db.AuditEntries.OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
            Assert.True(await db.AuditEntries.CountAsync(a => a.Target != null && a.Target.Contains("并发区")) >= 40);
        });
    }
}

public sealed class AuditIntegrityOnSqlite : AuditIntegrityScenarios
{
    protected override AppFactory NewFactory() => new Infrastructure.SqliteFactory();

    [Fact]
    public async Task Sqlite_refuses_replacing_or_re_numbering_an_audit_row()
    {
        await WithHostAsync(async factory =>
        {
            await SomeAuditedWritesAsync(factory, 2);
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).FirstAsync();
            const string columns = "INSERT {0} INTO AuditEntries (Id, Sequence, At, UserName, Action, Result, PreviousHash, Hash, KeyId) VALUES ({1}, {2}, '2026-01-01 00:00:00', 'x', 'x', 'x', 'x', 'x', '')";
            var attempts = new[]
            {
                string.Format(System.Globalization.CultureInfo.InvariantCulture, columns, "OR REPLACE", last.Id, last.Sequence),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, columns, "OR REPLACE", last.Id + 1000, 1),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, columns, "OR REPLACE", 1, last.Sequence + 1),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, columns, "", last.Id + 1000, last.Sequence),
                "REPLACE INTO AuditEntries SELECT * FROM AuditEntries WHERE Sequence = 1",
            };
            foreach (var sql in attempts)
            {
                var e = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql));
                Assert.Contains("append-only", e.Message, StringComparison.Ordinal);
            }
            Assert.Equal(last.Hash, (await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == last.Id)).Hash);
            using var auditor = await AuditorAsync(factory);
            Assert.True((await auditor.GetJsonAsync("/api/v1/audit/verify"))["intact"]!.GetValue<bool>());
        });
    }

    [Fact]
    public async Task The_key_ring_is_unreadable_in_the_raw_sqlite_file_and_a_key_store_without_its_key_cannot_decrypt_it()
    {
        await WithHostAsync(async factory =>
        {
            var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test");
            var token = protector.Protect("签名的令牌");
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ring = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(ring);
            var secrets = new List<string>();
            foreach (var xml in ring)
            {
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
                var encrypted = XElement.Parse(xml).Descendants(KeyRingXmlEncryptor.ElementName).Single();
                var masterKey = KeyRingXmlDecryptor.Over(factory.Services.GetRequiredService<KeyStore>()).Decrypt(encrypted);
                secrets.Add(masterKey.Element("value")!.Value);
                var stranger = new KeyStore(Path.Combine(factory.DataRoot, "another-host-keys"));
                Assert.Throws<CryptographicException>(() => KeyRingXmlDecryptor.Over(stranger).Decrypt(encrypted));
            }
            Assert.Equal("签名的令牌", protector.Unprotect(token));

            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL)");
            foreach (var file in Directory.GetFiles(factory.DataRoot, "inspectready.db*"))
            {
                byte[] bytes;
                await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                using (var memory = new MemoryStream())
                {
                    await stream.CopyToAsync(memory);
                    bytes = memory.ToArray();
                }
                foreach (var secret in secrets)
                {
                    Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(secret)));
                }
            }
        });
    }
}

public sealed class AuditIntegrityOnPostgres : AuditIntegrityScenarios
{
    protected override AppFactory NewFactory() => new PostgresFactory();

    [Fact]
    public async Task The_application_role_may_insert_and_select_audit_rows_but_not_update_or_delete_them()
    {
        await WithHostAsync(async factory =>
        {
            var owner = ((PostgresFactory)factory).DatabaseConnectionString;
            var role = "ir_app_" + Guid.NewGuid().ToString("N")[..12];
            var password = "Pw" + Guid.NewGuid().ToString("N");
            await ExecuteAsync(owner, $"CREATE ROLE \"{role}\" LOGIN PASSWORD '{password}'");
            try
            {
                await DatabaseSetup.GrantApplicationRoleAsync(owner, role);
                var asApp = new NpgsqlConnectionStringBuilder(owner) { Username = role, Password = password, Pooling = false }.ConnectionString;
                await ExecuteAsync(asApp, "SELECT count(*) FROM \"AuditEntries\"");
                await ExecuteAsync(asApp, "UPDATE \"Regions\" SET \"Name\" = \"Name\" WHERE false");
                foreach (var sql in new[] { "UPDATE \"AuditEntries\" SET \"Result\" = 'x'", "DELETE FROM \"AuditEntries\"", "TRUNCATE \"AuditEntries\"" })
                {
                    var e = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(asApp, sql));
                    Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
                }
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(owner, $"DROP OWNED BY \"{role}\"");
                await ExecuteAsync(owner, $"DROP ROLE \"{role}\"");
            }
        });
    }

    [Fact]
    public async Task A_host_on_the_application_role_migrates_as_the_owner_and_cannot_rewrite_the_audit_trail()
    {
        var factory = new ApplicationRolePostgresFactory();
        await factory.InitializeAsync();
        try
        {
            using var auditor = await AuditorAsync(factory);
            await SomeAuditedWritesAsync(factory, 2);
            Assert.True((await auditor.GetJsonAsync("/api/v1/audit/verify"))["intact"]!.GetValue<bool>());

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(factory.Role, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Username);
            foreach (var sql in new[] { "UPDATE \"AuditEntries\" SET \"Result\" = 'x'", "DELETE FROM \"AuditEntries\"", "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER" })
            {
                var e = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
            }
        }
        finally
        {
            await factory.DisposeAsync();
        }
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A deployment as README describes it: <c>ConnectionStrings:PostgresMigrations</c> is the owner (the tests' server
/// account), <c>ConnectionStrings:Postgres</c> a throwaway login role of this host, dropped afterwards.
/// </summary>
public sealed class ApplicationRolePostgresFactory : PostgresFactory
{
    private readonly string password = "Pw" + Guid.NewGuid().ToString("N");

    public string Role { get; } = "ir_app_" + Guid.NewGuid().ToString("N")[..12];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:PostgresMigrations", DatabaseConnectionString);
        builder.UseSetting("ConnectionStrings:Postgres",
            new NpgsqlConnectionStringBuilder(DatabaseConnectionString) { Username = Role, Password = password }.ConnectionString);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AuditIntegrityOnPostgres.ExecuteAsync(DatabaseConnectionString, $"CREATE ROLE \"{Role}\" LOGIN PASSWORD '{password}'");
    }

    public override async Task DisposeAsync()
    {
        var owner = DatabaseConnectionString;
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await AuditIntegrityOnPostgres.ExecuteAsync(new NpgsqlConnectionStringBuilder(owner) { Database = "postgres" }.ConnectionString, $"DROP ROLE IF EXISTS \"{Role}\"");
    }
}
