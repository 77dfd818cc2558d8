using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Features.Organisation;

namespace InspectReady.UnitTests.Organisation;

public sealed class PersonAccessTests
{
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static UserScope As(Guid? unit, params string[] roles) => new(Guid.NewGuid(), "u", unit, roles.ToHashSet(), null);

    [Theory]
    [InlineData(Roles.UnitLiaison, true)]
    [InlineData(Roles.UnitLeader, true)]
    [InlineData(Roles.Examinee, false)]
    [InlineData(Roles.Reviewer, false)]
    public void Of_a_unit_only_its_liaison_and_leader_see_its_people(string role, bool sees)
    {
        Assert.Equal(sees, PersonAccess.SeesUnit(As(Unit, role), Unit));
        Assert.False(PersonAccess.SeesUnit(As(Unit, role), Other));
    }

    [Theory]
    [InlineData(Roles.SystemAdmin, true, false)]
    [InlineData(Roles.Office, true, true)]
    [InlineData(Roles.Inspector, true, false)]
    [InlineData(Roles.SecurityAdmin, false, false)]
    [InlineData(Roles.AuditAdmin, false, false)]
    public void Roles_without_a_unit_see_and_reveal_as_their_work_needs(string role, bool sees, bool reveals)
    {
        Assert.Equal(sees, PersonAccess.SeesUnit(As(null, role), Unit));
        Assert.Equal(reveals, PersonAccess.MayReveal(As(null, role), Unit));
    }

    [Fact]
    public void A_liaison_reveals_its_own_units_mobiles_only()
    {
        Assert.True(PersonAccess.MayReveal(As(Unit, Roles.UnitLiaison), Unit));
        Assert.False(PersonAccess.MayReveal(As(Unit, Roles.UnitLiaison), Other));
        Assert.False(PersonAccess.MayReveal(As(Unit, Roles.Examinee), Unit));
    }

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("王五", "王*")]
    [InlineData("李", "*")]
    [InlineData("𠀀二三", "𠀀**")]
    public void An_audited_name_keeps_only_its_first_character(string name, string masked) => Assert.Equal(masked, PersonNames.Mask(name));
}
