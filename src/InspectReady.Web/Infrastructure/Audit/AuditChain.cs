using System.Globalization;
using System.Text;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Security.Keys;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace InspectReady.Web.Infrastructure.Audit;

/// <summary>Where the chain first fails to hold, in Chinese for the audit administrator.</summary>
public sealed record AuditBreak(long Sequence, string Problem);

/// <summary>A run of entries chained under one key (<c>KeyId</c> empty: segment 0, the plain SM3 of earlier versions).</summary>
public sealed record AuditSegment(string KeyId, long FirstSequence, long LastSequence);

/// <summary>
/// The audit chain (ADR 0040): each entry's <c>Hash</c> is HMAC-SM3, under the key-store key named by its
/// <c>KeyId</c>, over its content and its predecessor's MAC. Entries written before keys existed carry no key id
/// and a plain SM3 hash (segment 0); once a keyed entry exists no unkeyed one may follow it, so an attacker who
/// edits a row cannot re-compute the tail with plain SM3.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Plain SM3 of segment 0 (entries of earlier versions): anyone can recompute it.</summary>
    public static string LegacyHash(AuditEntry e) => Sm3Hex(Canonical(e, keyed: false));

    /// <summary>HMAC-SM3 under the entry's key: only the key's holder can compute it.</summary>
    public static string Mac(AuditEntry e, KeyMaterial key)
    {
        if (!string.Equals(e.KeyId, key.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"entry names key {e.KeyId}, given {key.Id}", nameof(key));
        }
        return HmacSm3Hex(key.Bytes, Canonical(e, keyed: true));
    }

    private static string Canonical(AuditEntry e, bool keyed)
    {
        var fields = new List<string>(13)
        {
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(e.At, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            e.UserId?.ToString() ?? "", e.UserName, e.UnitId?.ToString() ?? "", e.ClientAddress ?? "",
            e.Action, e.Target ?? "", e.Result, e.Detail ?? "", e.PreviousHash,
        };
        if (keyed)
        {
            fields.Insert(0, "InspectReady audit v2");
            fields.Add(e.KeyId);
        }
        return string.Join('\u001f', fields);
    }

    public static string Sm3Hex(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var digest = new SM3Digest();
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    public static string HmacSm3Hex(byte[] key, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(bytes, 0, bytes.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    /// <summary>Checks entries one at a time in sequence order, so memory stays flat however long the log is.</summary>
    public sealed class Verifier(Func<string, KeyMaterial?> keys)
    {
        private readonly List<AuditSegment> segments = [];
        private string previous = Genesis;
        private long expected = 1;
        private bool keyedSeen;

        /// <summary>How many entries were checked.</summary>
        public long Count { get; private set; }

        /// <summary>The last entry's sequence (0 when there is none).</summary>
        public long LastSequence { get; private set; }

        public IReadOnlyList<AuditSegment> Segments => segments;

        /// <summary>Null when this entry's MAC, its link and its place in the sequence hold; else what is wrong.</summary>
        public AuditBreak? Accept(AuditEntry e)
        {
            Count++;
            var problem = Check(e);
            Track(e);
            previous = e.Hash;
            expected = e.Sequence + 1;
            LastSequence = e.Sequence;
            return problem is null ? null : new AuditBreak(e.Sequence, problem);
        }

        private string? Check(AuditEntry e)
        {
            if (e.Sequence != expected)
            {
                return e.Sequence > expected
                    ? (e.Sequence - 1 == expected ? $"第 {expected} 条缺失" : $"第 {expected} 条至第 {e.Sequence - 1} 条缺失")
                    : $"第 {e.Sequence} 条序号重复或乱序（此处应为第 {expected} 条）";
            }
            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                return e.Sequence == 1
                    ? "第 1 条的前序值不是链的起点"
                    : $"第 {e.Sequence} 条记下的前一条 MAC 与第 {e.Sequence - 1} 条不符（链接断开）";
            }
            if (string.IsNullOrEmpty(e.KeyId))
            {
                if (keyedSeen)
                {
                    return $"第 {e.Sequence} 条没有密钥标识，而其前已有以密钥计算的记录（疑似改动后用无密钥的 SM3 重算）";
                }
                return string.Equals(LegacyHash(e), e.Hash, StringComparison.Ordinal) ? null
                    : $"第 {e.Sequence} 条的内容与其 SM3 哈希不符（记录被改动）";
            }
            keyedSeen = true;
            if (keys(e.KeyId) is not { } key)
            {
                return $"第 {e.Sequence} 条所用的审计密钥 {e.KeyId} 不在密钥库中";
            }
            return string.Equals(Mac(e, key), e.Hash, StringComparison.Ordinal) ? null
                : $"第 {e.Sequence} 条的内容与其 HMAC-SM3 不符（记录被改动，或不是用密钥 {e.KeyId} 计算的）";
        }

        private void Track(AuditEntry e)
        {
            if (segments.Count > 0 && string.Equals(segments[^1].KeyId, e.KeyId, StringComparison.Ordinal))
            {
                segments[^1] = segments[^1] with { LastSequence = e.Sequence };
            }
            else if (segments.Count < 1000)
            {
                segments.Add(new AuditSegment(e.KeyId, e.Sequence, e.Sequence));
            }
        }
    }
}
