using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;

namespace InspectReady.UnitTests.Filing;

public sealed class IndicatorLabelTests
{
    [Theory]
    [InlineData(new[] { 7 }, "第7项")]
    [InlineData(new[] { 3, 4 }, "第3、4项")]
    [InlineData(new[] { 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46 }, "第34–46项")]
    [InlineData(new[] { 26, 27, 28, 29, 31 }, "第26–29、31项")]
    [InlineData(new[] { 29, 27, 28, 26 }, "第26–29项")]
    public void A_merged_group_reads_as_a_range(int[] numbers, string label) => Assert.Equal(label, IndicatorLabel.Of(numbers));
}
