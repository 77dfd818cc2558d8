using InspectReady.Web.Domain.Access;

namespace InspectReady.UnitTests.Access;

public sealed class SecurityPolicyTests
{
    [Fact]
    public void The_defaults_are_the_level_three_rules_and_acceptable()
    {
        var policy = new SecurityPolicy();
        Assert.Empty(policy.Problems());
        Assert.Equal((8, 3, 5, 15, 30, 8), (policy.PasswordMinLength, policy.PasswordMinClasses, policy.LockoutThreshold,
            policy.LockoutMinutes, policy.SessionIdleMinutes, policy.SessionAbsoluteHours));
    }

    [Fact]
    public void Values_weaker_than_level_three_allows_are_refused_field_by_field()
    {
        var policy = new SecurityPolicy { PasswordMinLength = 6, PasswordMinClasses = 2, LockoutThreshold = 20, TotpRoles = ["超级用户"] };
        Assert.Equal(["passwordMinLength", "passwordMinClasses", "lockoutThreshold", "totpRoles"], policy.Problems().Select(p => p.Field));
    }

    [Theory]
    [InlineData("Abcdefghij1!", 12, 4, true)]
    [InlineData("Abcdefghij12", 12, 4, false)]
    [InlineData("Abcdefgh1!", 12, 3, false)]
    public void The_password_rule_takes_the_policys_length_and_classes(string password, int length, int classes, bool passes) =>
        Assert.Equal(passes, PasswordRules.Check(password, length, classes) is null);
}
