using InspectReady.Web.Domain.Organisation;

namespace InspectReady.UnitTests.Organisation;

public sealed class UnitNamesTests
{
    [Fact]
    public void A_cell_splits_on_enumeration_commas_spaces_and_line_breaks() =>
        Assert.Equal(["区发改委", "区商务局", "区财政局", "区人社局"], UnitNames.SplitList("区发改委、区商务局 区财政局\n区人社局"));

    [Fact]
    public void Layout_spaces_inside_a_name_are_dropped() => Assert.Equal("区市场监督管理局", UnitNames.Normalise("区市场 监督管理局"));

    [Fact]
    public void A_unit_answers_to_its_aliases()
    {
        var unit = new Unit { Name = "区市场监督管理局", Kind = UnitKind.DistrictDepartment };
        unit.SetAliases(["区市场监管局", "区市场监督管理局"]);
        Assert.True(unit.Answers("区市场监管局"));
        Assert.Single(unit.Aliases);
    }

    [Theory]
    [InlineData("区直各行政执法单位", true)]
    [InlineData("区直有行政审批职能的单位", true)]
    [InlineData("区司法局", false)]
    public void Group_entries_are_told_apart_from_units(string name, bool group) => Assert.Equal(group, UnitGroups.IsGroup(name));

    [Theory]
    [InlineData("卫东公安分局", UnitKind.Vertical)]
    [InlineData("卫东区税务局", UnitKind.Vertical)]
    [InlineData("区委组织部", UnitKind.PartyDepartment)]
    [InlineData("区司法局", UnitKind.DistrictDepartment)]
    public void The_kind_follows_the_name(string name, string kind) => Assert.Equal(kind, UnitGroups.GuessKind(name));

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData(null, null)]
    public void Mobiles_are_masked(string? mobile, string? masked) => Assert.Equal(masked, PhoneNumbers.Mask(mobile));
}
