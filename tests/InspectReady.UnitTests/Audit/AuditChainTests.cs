using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Audit;

namespace InspectReady.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int n)
    {
        var list = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var e = new AuditEntry
            {
                Sequence = i, At = new DateTime(2026, 1, 1, 8, 0, i, DateTimeKind.Utc), UserName = "admin", Action = "登录",
                Result = AuditResult.Success, PreviousHash = previous,
            };
            e.Hash = AuditChain.Hash(e);
            previous = e.Hash;
            list.Add(e);
        }
        return list;
    }

    private static long? FirstBroken(IEnumerable<AuditEntry> entries)
    {
        var verifier = new AuditChain.Verifier();
        return entries.Where(e => !verifier.Accept(e)).Select(e => (long?)e.Sequence).FirstOrDefault();
    }

    [Fact]
    public void Sm3_of_abc_matches_the_standards_test_vector() =>
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", AuditChain.Sm3Hex("abc"));

    [Fact]
    public void An_untouched_chain_verifies() => Assert.Null(FirstBroken(Chain(5)));

    [Fact]
    public void A_changed_entry_breaks_the_chain_at_that_entry()
    {
        var chain = Chain(5);
        chain[2].Result = AuditResult.Failure;
        Assert.Equal(3, FirstBroken(chain));
    }

    [Fact]
    public void A_removed_entry_breaks_the_chain_where_it_was()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(3, FirstBroken(chain));
    }
}
