using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Security.Keys;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Infrastructure.Audit;

/// <summary>
/// Host commands (run after start-up's migration, then exit): <c>verify-audit</c> (exit code 0 when the chain and
/// its checkpoint hold, 1 with the Chinese report when not) and <c>rotate-audit-key</c> (a new key version and a
/// new segment whose first record names the previous one).
/// </summary>
public static class AuditCommands
{
    public const string Verify = "verify-audit";
    public const string Rotate = "rotate-audit-key";
    public const string RotateAction = "轮换审计密钥";

    public static bool IsCommand(string arg) => arg is Verify or Rotate;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (args.Contains(Rotate))
        {
            var rotated = await RotateAsync(services, ct);
            await output.WriteLineAsync($"审计密钥已轮换：新段使用 {rotated.KeyId}，自第 {rotated.FirstSequence} 条起；{rotated.Detail}");
            return 0;
        }
        var result = await services.GetRequiredService<AuditIntegrity>().VerifyAsync(ct);
        if (result.Intact)
        {
            await output.WriteLineAsync($"审计记录{result.Summary}。");
            return 0;
        }
        await error.WriteLineAsync($"审计记录不完整：{result.Summary}");
        return 1;
    }

    public sealed record Rotation(string KeyId, long FirstSequence, string Detail);

    /// <summary>Makes the next audit key version current and writes the new segment's first record, then a checkpoint.</summary>
    public static async Task<Rotation> RotateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var keys = services.GetRequiredService<KeyStore>();
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var previous = keys.Current(KeyNames.Audit);
        var tail = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash, a.KeyId }).FirstOrDefaultAsync(ct);
        var next = keys.Rotate(KeyNames.Audit);
        var detail = tail is null
            ? $"新段密钥 {next.Id}；此前无记录"
            : $"新段密钥 {next.Id}；上一段密钥 {(tail.KeyId is { Length: > 0 } k ? k : "无（SM3）")}（轮换前的当前密钥 {previous.Id}），至第 {tail.Sequence} 条，MAC {tail.Hash}";
        var entry = db.Record(UserScope.System("rotate-audit-key"), RotateAction, "审计密钥", AuditResult.Success, detail);
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<AuditCheckpoints>().WriteAsync(ct);
        return new Rotation(entry.KeyId, entry.Sequence, detail);
    }
}
