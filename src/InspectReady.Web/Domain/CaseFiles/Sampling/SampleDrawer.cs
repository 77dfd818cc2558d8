namespace InspectReady.Web.Domain.CaseFiles.Sampling;

/// <summary>
/// Draws n of a population with a seed: the same seed and the same population (in the same order) always give
/// the same files in the same order, on any machine and any .NET version, because the generator is our own
/// (SplitMix64) rather than <see cref="Random"/>, whose algorithm is not promised to stay the same.
/// </summary>
public static class SampleDrawer
{
    /// <summary>Seeds stay within what a JSON number carries exactly (2^53 - 1), so a seed read back from the API is the same seed.</summary>
    public const long MaxSeed = 9_007_199_254_740_991;

    /// <summary>Positions (0-based) into <paramref name="populationSize"/> items, in the order drawn: a partial Fisher–Yates shuffle.</summary>
    public static IReadOnlyList<int> Draw(int populationSize, int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(populationSize);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seed, MaxSeed);
        var take = Math.Min(count, populationSize);
        var positions = Enumerable.Range(0, populationSize).ToArray();
        var random = new SplitMix64((ulong)seed);
        for (var i = 0; i < take; i++)
        {
            var j = i + (int)random.Below((ulong)(populationSize - i));
            (positions[i], positions[j]) = (positions[j], positions[i]);
        }
        return positions[..take];
    }

    public static IReadOnlyList<T> Draw<T>(IReadOnlyList<T> population, int count, long seed) =>
        [.. Draw(population.Count, count, seed).Select(i => population[i])];

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, fully specified.</summary>
    private sealed class SplitMix64(ulong state)
    {
        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, bound) without modulo bias: values from the incomplete last block are redrawn.</summary>
        public ulong Below(ulong bound)
        {
            var limit = ulong.MaxValue - ulong.MaxValue % bound;
            ulong value;
            do
            {
                value = Next();
            }
            while (value >= limit);
            return value % bound;
        }
    }
}
