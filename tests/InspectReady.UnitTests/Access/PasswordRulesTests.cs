using InspectReady.Web.Domain.Access;

namespace InspectReady.UnitTests.Access;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("Abcdefg1")]
    [InlineData("abcdefg1!")]
    [InlineData("ABCDEFG1!")]
    [InlineData("Abcdefg!")]
    public void Three_of_four_classes_and_eight_characters_pass(string password) => Assert.Null(PasswordRules.Check(password));

    [Theory]
    [InlineData("Abc1!", "至少8位")]
    [InlineData("abcdefgh", "至少三类")]
    [InlineData("abcdefg1", "至少三类")]
    [InlineData("", "至少8位")]
    public void Short_or_simple_passwords_are_refused_with_the_reason(string password, string reason) =>
        Assert.Contains(reason, PasswordRules.Check(password), StringComparison.Ordinal);
}

public sealed class SeparationOfDutiesTests
{
    [Fact]
    public void Two_administrator_roles_on_one_account_are_refused() =>
        Assert.NotNull(Roles.SeparationViolation([Roles.SystemAdmin, Roles.AuditAdmin]));

    [Fact]
    public void An_administrator_may_not_also_work_the_campaign() =>
        Assert.NotNull(Roles.SeparationViolation([Roles.SecurityAdmin, Roles.Office]));

    [Fact]
    public void Campaign_roles_combine_freely() =>
        Assert.Null(Roles.SeparationViolation([Roles.UnitLiaison, Roles.Examinee]));

    [Fact]
    public void A_unit_bound_user_sees_only_their_unit_and_the_office_sees_all()
    {
        var unit = Guid.NewGuid();
        var liaison = new UserScope(Guid.NewGuid(), "l", unit, new HashSet<string> { Roles.UnitLiaison }, null);
        var office = new UserScope(Guid.NewGuid(), "o", unit, new HashSet<string> { Roles.Office }, null);
        Assert.True(liaison.CanSeeUnit(unit));
        Assert.False(liaison.CanSeeUnit(Guid.NewGuid()));
        Assert.True(office.CanSeeUnit(Guid.NewGuid()));
        Assert.False(liaison.CanManageOrganisation);
        Assert.False(office.CanReadAudit);
    }
}
