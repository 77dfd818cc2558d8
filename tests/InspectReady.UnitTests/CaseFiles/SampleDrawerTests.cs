using InspectReady.Web.Domain.CaseFiles.Sampling;

namespace InspectReady.UnitTests.CaseFiles;

public class SampleDrawerTests
{
    [Fact]
    public void The_same_seed_gives_the_same_files_in_the_same_order()
    {
        var population = Enumerable.Range(1, 40).Select(i => $"卷{i}").ToList();

        Assert.Equal(SampleDrawer.Draw(population, 5, 20211015), SampleDrawer.Draw(population, 5, 20211015));
    }

    [Fact]
    public void The_draw_matches_an_independent_implementation_of_splitmix64_and_fisher_yates()
    {
        // Computed with a separate Python implementation of the same specification.
        Assert.Equal([1, 5, 8], SampleDrawer.Draw(10, 3, 20211015));
        Assert.Equal([15, 29, 32, 10, 0], SampleDrawer.Draw(50, 5, 1));
        Assert.Equal([2, 1, 6, 3, 5, 4, 0], SampleDrawer.Draw(7, 7, 0));
    }

    [Fact]
    public void Different_seeds_give_different_draws()
    {
        var draws = Enumerable.Range(0, 20).Select(seed => string.Join(",", SampleDrawer.Draw(30, 3, seed))).ToHashSet();
        Assert.True(draws.Count >= 18, $"only {draws.Count} distinct draws from 20 seeds");
    }

    [Fact]
    public void A_draw_never_repeats_a_file_and_takes_all_when_asked_for_more_than_there_are()
    {
        var draw = SampleDrawer.Draw(6, 10, 42);
        Assert.Equal(6, draw.Count);
        Assert.Equal(Enumerable.Range(0, 6), draw.Order());
        Assert.Empty(SampleDrawer.Draw(0, 3, 42));
    }

    [Fact]
    public void Every_file_is_about_equally_likely_to_be_drawn()
    {
        var counts = new int[10];
        for (var seed = 0; seed < 10000; seed++)
        {
            counts[SampleDrawer.Draw(10, 1, seed)[0]]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 880, 1120));
    }

    [Fact]
    public void A_seed_outside_what_json_carries_exactly_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleDrawer.Draw(5, 1, SampleDrawer.MaxSeed + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleDrawer.Draw(5, 1, -1));
    }
}
