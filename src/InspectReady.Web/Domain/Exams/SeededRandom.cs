namespace InspectReady.Web.Domain.Exams;

/// <summary>
/// SplitMix64 (as in case-file sampling, ADR 0105): fully specified, so a seed gives the same draw and the same
/// papers on any machine and .NET version, which <see cref="Random"/> does not promise.
/// </summary>
public sealed class SeededRandom(long seed)
{
    /// <summary>Seeds stay within what a JSON number carries exactly.</summary>
    public const long MaxSeed = 9_007_199_254_740_991;

    private ulong state = (ulong)seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound) without modulo bias.</summary>
    public int Below(int bound)
    {
        var b = (ulong)bound;
        var limit = ulong.MaxValue - ulong.MaxValue % b;
        ulong value;
        do
        {
            value = Next();
        }
        while (value >= limit);
        return (int)(value % b);
    }

    /// <summary>The first <paramref name="count"/> of a Fisher–Yates shuffle of <paramref name="items"/>.</summary>
    public List<T> Take<T>(IReadOnlyList<T> items, int count)
    {
        var a = items.ToArray();
        var take = Math.Min(count, a.Length);
        for (var i = 0; i < take; i++)
        {
            var j = i + Below(a.Length - i);
            (a[i], a[j]) = (a[j], a[i]);
        }
        return [.. a[..take]];
    }

    public List<T> Shuffle<T>(IReadOnlyList<T> items) => Take(items, items.Count);

    /// <summary>A seed derived from this one for the n-th child (an examinee's paper from the draw's seed).</summary>
    public static long Derive(long seed, long n)
    {
        var r = new SeededRandom(seed ^ (n * 0x5DEECE66DL));
        return (long)(r.Next() % (ulong)MaxSeed);
    }

    public static long NewSeed() => (long)((ulong)System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue) << 22
        ^ (ulong)System.Security.Cryptography.RandomNumberGenerator.GetInt32(1 << 22)) % MaxSeed;
}
