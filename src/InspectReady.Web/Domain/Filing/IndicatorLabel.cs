using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
namespace InspectReady.Web.Domain.Filing;

/// <summary>
/// How a list names the indicators of a task: 第7项, 第3、4项, and a merged materials group of consecutive numbers as a
/// range, 第34–46项 (not thirteen numbers that wrap into a vertical strip in a narrow column).
/// </summary>
public static class IndicatorLabel
{
    /// <summary>Three or more consecutive numbers become a range.</summary>
    public static string Of(IReadOnlyList<int> numbers)
    {
        var sorted = numbers.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }
            if (j - i >= 2)
            {
                parts.Add($"{sorted[i]}–{sorted[j]}");
            }
            else
            {
                parts.AddRange(sorted[i..(j + 1)].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            i = j + 1;
        }
        return $"第{string.Join("、", parts)}项";
    }
}
