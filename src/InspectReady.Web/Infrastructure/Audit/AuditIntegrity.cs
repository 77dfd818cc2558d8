using InspectReady.Web.Data;
using InspectReady.Web.Infrastructure.Security.Keys;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Infrastructure.Audit;

/// <summary>
/// The outcome of checking the chain. <c>Intact</c>, <c>Count</c> and <c>FirstBrokenSequence</c> are as before;
/// <c>Problem</c> says in Chinese what is wrong at the first broken link, or which tail is missing.
/// </summary>
public sealed record AuditVerification(bool Intact, long Count, long? FirstBrokenSequence, string? Problem = null,
    long LastSequence = 0, long? CheckpointSequence = null, DateTime? CheckpointAt = null,
    IReadOnlyList<AuditSegment>? Segments = null)
{
    /// <summary>One line for the audit record and the command.</summary>
    public string Summary => Intact
        ? $"完整，{Count} 条" + (CheckpointSequence is { } c ? $"，与检查点（至第 {c} 条）一致" : "，无检查点可比对")
        : Problem ?? $"自第 {FirstBrokenSequence} 条起不完整";
}

/// <summary>Walks the chain in sequence order (streamed, memory flat) and compares its tail with the latest signed checkpoint.</summary>
public sealed class AuditIntegrity(IDbContextFactory<AppDbContext> factory, KeyStore keys, AuditCheckpoints checkpoints)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var log = await checkpoints.ReadAsync(ct);
        var checkpoint = log.Latest;
        await using var db = await factory.CreateDbContextAsync(ct);
        var verifier = new AuditChain.Verifier(keys.Get);
        AuditBreak? first = null;
        AuditBreak? checkpointBreak = null;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            first ??= verifier.Accept(e);
            if (first is not null)
            {
                // The first broken link is what the auditor needs; the rest need not be walked.
                break;
            }
            if (checkpoint is not null && e.Sequence == checkpoint.Sequence && !string.Equals(e.Hash, checkpoint.Mac, StringComparison.Ordinal))
            {
                checkpointBreak ??= new AuditBreak(e.Sequence,
                    $"第 {e.Sequence} 条与检查点（{ChinaTimeText(checkpoint.At)}）记录的 MAC 不符：其后的记录曾被截断并重写");
            }
        }
        if (first is null && checkpointBreak is null && checkpoint is not null && verifier.LastSequence < checkpoint.Sequence)
        {
            checkpointBreak = new AuditBreak(verifier.LastSequence + 1,
                $"审计记录在第 {verifier.LastSequence} 条之后被截断：检查点记录至第 {checkpoint.Sequence} 条（{ChinaTimeText(checkpoint.At)}）");
        }
        if (first is null && checkpointBreak is null && log.FirstInvalidLine is { } line)
        {
            checkpointBreak = new AuditBreak(verifier.LastSequence, $"检查点文件 {checkpoints.FilePath} 第 {line} 行不是有效签名的检查点（文件被改动）");
        }
        var broken = first ?? checkpointBreak;
        return new AuditVerification(broken is null, verifier.Count, broken?.Sequence, broken?.Problem, verifier.LastSequence,
            checkpoint?.Sequence, checkpoint?.At, verifier.Segments.ToList());
    }

    private static string ChinaTimeText(DateTime utc) => Domain.Common.ChinaTime.Seconds(utc);
}
