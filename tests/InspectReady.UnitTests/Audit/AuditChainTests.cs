using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Security.Keys;

namespace InspectReady.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static readonly KeyMaterial V1 = new("audit.v1", "audit", 1, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly KeyMaterial V2 = new("audit.v2", "audit", 2, Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    private static KeyMaterial? Keys(string id) => id switch { "audit.v1" => V1, "audit.v2" => V2, _ => null };

    private static AuditEntry Entry(long sequence) => new()
    {
        Sequence = sequence, At = new DateTime(2026, 1, 1, 8, 0, (int)sequence % 60, DateTimeKind.Utc), UserName = "admin", Action = "登录",
        Result = AuditResult.Success,
    };

    /// <summary>legacy entries of plain SM3 first, then keyed ones (the key changing at the given sequences).</summary>
    private static List<AuditEntry> Chain(int n, int legacy = 0, int rotateAt = int.MaxValue)
    {
        var list = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var e = Entry(i);
            e.PreviousHash = previous;
            if (i <= legacy)
            {
                e.Hash = AuditChain.LegacyHash(e);
            }
            else
            {
                var key = i >= rotateAt ? V2 : V1;
                e.KeyId = key.Id;
                e.Hash = AuditChain.Mac(e, key);
            }
            previous = e.Hash;
            list.Add(e);
        }
        return list;
    }

    private static AuditBreak? FirstBroken(IEnumerable<AuditEntry> entries, Func<string, KeyMaterial?>? keys = null)
    {
        var verifier = new AuditChain.Verifier(keys ?? Keys);
        return entries.Select(verifier.Accept).FirstOrDefault(b => b is not null);
    }

    [Fact]
    public void Sm3_of_abc_matches_the_standards_test_vector() =>
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", AuditChain.Sm3Hex("abc"));

    [Fact]
    public void Hmac_sm3_is_rfc_2104_over_sm3()
    {
        // H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)) with SM3's 64-byte block, computed by hand.
        var key = "key"u8.ToArray();
        var message = "The quick brown fox jumps over the lazy dog"u8.ToArray();
        var block = new byte[64];
        key.CopyTo(block, 0);
        static byte[] Sm3(byte[] data)
        {
            var d = new Org.BouncyCastle.Crypto.Digests.SM3Digest();
            d.BlockUpdate(data, 0, data.Length);
            var o = new byte[32];
            d.DoFinal(o, 0);
            return o;
        }
        var inner = Sm3([.. block.Select(b => (byte)(b ^ 0x36)), .. message]);
        var expected = Convert.ToHexStringLower(Sm3([.. block.Select(b => (byte)(b ^ 0x5c)), .. inner]));
        Assert.Equal(expected, AuditChain.HmacSm3Hex(key, "The quick brown fox jumps over the lazy dog"));
    }

    [Fact]
    public void The_mac_depends_on_the_key_and_differs_from_the_plain_hash()
    {
        var e = Entry(1);
        e.PreviousHash = AuditChain.Genesis;
        e.KeyId = "audit.v1";
        var mac1 = AuditChain.Mac(e, V1);
        Assert.NotEqual(mac1, AuditChain.Mac(e, V1 with { Bytes = V2.Bytes }));
        Assert.NotEqual(mac1, AuditChain.LegacyHash(e));
        Assert.Throws<ArgumentException>(() => AuditChain.Mac(e, V2));
    }

    [Fact]
    public void An_untouched_chain_verifies() => Assert.Null(FirstBroken(Chain(5)));

    [Fact]
    public void Plain_sm3_entries_of_earlier_versions_are_segment_0_and_the_first_keyed_entry_links_to_them()
    {
        var chain = Chain(6, legacy: 3, rotateAt: 5);
        var verifier = new AuditChain.Verifier(Keys);
        Assert.All(chain, e => Assert.Null(verifier.Accept(e)));
        Assert.Equal(
            [new AuditSegment("", 1, 3), new AuditSegment("audit.v1", 4, 4), new AuditSegment("audit.v2", 5, 6)],
            verifier.Segments);
        Assert.Equal(chain[2].Hash, chain[3].PreviousHash);
        Assert.Equal(chain[3].Hash, chain[4].PreviousHash);
    }

    [Fact]
    public void A_changed_entry_breaks_the_chain_at_that_entry()
    {
        var chain = Chain(5);
        chain[2].Result = AuditResult.Failure;
        var broken = FirstBroken(chain)!;
        Assert.Equal(3, broken.Sequence);
        Assert.Contains("HMAC-SM3 不符", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_entry_breaks_the_chain_where_it_was()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        var broken = FirstBroken(chain)!;
        Assert.Equal(3, broken.Sequence);
        Assert.Equal("第 2 条缺失", broken.Problem);
    }

    [Fact]
    public void Re_computing_the_tail_with_plain_sm3_after_an_edit_is_reported()
    {
        var chain = Chain(5, legacy: 1);
        chain[2].Detail = "改过";
        var previous = chain[1].Hash;
        foreach (var e in chain.Skip(2))
        {
            e.PreviousHash = previous;
            e.KeyId = "";
            e.Hash = AuditChain.LegacyHash(e);
            previous = e.Hash;
        }
        var broken = FirstBroken(chain)!;
        Assert.Equal(3, broken.Sequence);
        Assert.Contains("无密钥的 SM3", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Re_computing_with_another_key_or_an_unknown_key_is_reported()
    {
        var forged = new KeyMaterial("audit.v1", "audit", 1, new byte[32]);
        Assert.Equal(1, FirstBroken(Chain(3), id => id == "audit.v1" ? forged : null)!.Sequence);
        Assert.Contains("不在密钥库中", FirstBroken(Chain(3), _ => null)!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_sequence_is_reported()
    {
        var chain = Chain(3);
        chain.Insert(2, chain[1]);
        Assert.Contains("序号重复或乱序", FirstBroken(chain)!.Problem, StringComparison.Ordinal);
    }
}
