namespace InspectReady.Web.Domain.Exams;

/// <summary>
/// Classical item analysis over submitted papers, so trainers see which laws people do not know:
/// facility (难度系数, mean share of the item's score obtained), discrimination index D = P(upper 27%) − P(lower 27%)
/// by total score, and the test's internal consistency (Cronbach's alpha, which equals KR-20 when every item is
/// scored 0 or full). Variances are population variances (divide by N), as KR-20 is usually stated.
/// </summary>
public static class ItemStatistics
{
    public const double GroupShare = 0.27;

    /// <summary>Mean of score / max over the examinees who had the item.</summary>
    public static double Facility(IReadOnlyList<double> scores, double max) =>
        scores.Count == 0 || max <= 0 ? 0 : scores.Average() / max;

    /// <summary>
    /// D for one item: <paramref name="pairs"/> are (examinee's total, their score on the item). The upper and lower
    /// groups are the top and bottom 27% by total (at least one each; ties broken by input order).
    /// </summary>
    public static double Discrimination(IReadOnlyList<(double Total, double Score)> pairs, double max)
    {
        if (pairs.Count < 2 || max <= 0)
        {
            return 0;
        }
        var n = GroupSize(pairs.Count);
        var ordered = pairs.Select((p, i) => (p, i)).OrderByDescending(x => x.p.Total).ThenBy(x => x.i).Select(x => x.p).ToList();
        var upper = ordered.Take(n).Average(p => p.Score) / max;
        var lower = ordered.Skip(ordered.Count - n).Average(p => p.Score) / max;
        return upper - lower;
    }

    public static int GroupSize(int count) => Math.Max(1, (int)Math.Round(count * GroupShare, MidpointRounding.AwayFromZero));

    /// <summary>Cronbach's alpha of an examinee × item matrix (rows: examinees; columns: items); null below 2 items or 2 examinees.</summary>
    public static double? CronbachAlpha(IReadOnlyList<double[]> matrix)
    {
        if (matrix.Count < 2 || matrix[0].Length < 2)
        {
            return null;
        }
        var k = matrix[0].Length;
        var itemVariances = Enumerable.Range(0, k).Sum(j => Variance([.. matrix.Select(r => r[j])]));
        var totalVariance = Variance([.. matrix.Select(r => r.Sum())]);
        if (totalVariance == 0)
        {
            return null;
        }
        return k / (k - 1.0) * (1 - itemVariances / totalVariance);
    }

    public static double Variance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Count;
    }
}
