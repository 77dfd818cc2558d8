using System.Globalization;
using System.Text;
using InspectReady.Web.Domain.Audit;
using Org.BouncyCastle.Crypto.Digests;

namespace InspectReady.Web.Infrastructure.Audit;

/// <summary>SM3 hash chain over audit entries: each hash covers the entry and its predecessor's hash.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(AuditEntry e)
    {
        var canonical = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(e.At, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            e.UserId?.ToString() ?? "", e.UserName, e.UnitId?.ToString() ?? "", e.ClientAddress ?? "",
            e.Action, e.Target ?? "", e.Result, e.Detail ?? "", e.PreviousHash);
        return Sm3Hex(canonical);
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

    /// <summary>Checks entries one at a time in sequence order, so memory stays flat however long the log is.</summary>
    public sealed class Verifier
    {
        private string previous = Genesis;

        public long Count { get; private set; }

        /// <summary>False when this entry's hash, its link or its place in the sequence does not hold.</summary>
        public bool Accept(AuditEntry e)
        {
            Count++;
            var ok = e.Sequence == Count && e.PreviousHash == previous && Hash(e) == e.Hash;
            previous = e.Hash;
            return ok;
        }
    }
}
