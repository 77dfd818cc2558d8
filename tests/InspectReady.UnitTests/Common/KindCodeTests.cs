using System.Text.RegularExpressions;
using InspectReady.Web.Data.Migrations;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Reviews;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Domain.Surveys;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace InspectReady.UnitTests.Common;

/// <summary>Kinds as English codes (ADR 0036): the sets, the inputs they accept and the data migration.</summary>
public sealed partial class KindCodeTests
{
    public static TheoryData<string, CodeSet> Sets => new()
    {
        { "roles", Roles.Codes },
        { "campaign roles", CampaignRole.Codes },
        { "unit kinds", UnitKind.Codes },
        { "region levels", RegionLevel.Codes },
        { "case kinds", CaseKind.Codes },
        { "review grades", ReviewGrades.Codes },
        { "examinee categories", ExamineeCategories.Codes },
        { "exam question types", InspectReady.Web.Domain.Exams.QuestionTypes.Codes },
        { "survey question types", InspectReady.Web.Domain.Surveys.QuestionTypes.Codes },
        { "survey topics", SurveyTopics.Codes },
        { "survey states", SurveyStatus.Codes },
        { "response channels", ResponseChannels.Codes },
        { "call outcomes", CallOutcomes.Codes },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_code_is_lowercase_ascii_and_every_label_unique_and_chinese(string name, CodeSet set)
    {
        Assert.NotEmpty(name);
        Assert.All(set.Codes, c => Assert.Matches(SnakeCase(), c));
        Assert.All(set.Labels, l => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", l));
        Assert.Equal(set.Codes.Count, set.Codes.Distinct().Count());
        Assert.Equal(set.Labels.Count, set.Labels.Distinct().Count());
    }

    [Fact]
    public void The_role_codes_are_those_of_the_brief()
    {
        Assert.Equal(["system_admin", "security_admin", "audit_admin", "office", "unit_leader", "unit_liaison", "reviewer", "examinee", "inspector"],
            Roles.All);
        Assert.Equal(["系统管理员", "安全管理员", "审计管理员", "创建办", "单位领导", "单位联络员", "评查员", "考生", "督查"], Roles.Codes.Labels);
    }

    [Theory]
    [InlineData("office", "office")]
    [InlineData("OFFICE", "office")]
    [InlineData("创建办", "office")]
    [InlineData(" 单位联络员 ", "unit_liaison")]
    [InlineData("联络员", null)]
    [InlineData("", null)]
    public void A_role_input_may_be_the_code_or_the_label(string input, string? code) => Assert.Equal(code, Roles.Parse(input));

    [Fact]
    public void Pages_and_messages_name_roles_by_their_labels()
    {
        Assert.Equal("创建办、单位联络员", Roles.Describe([Roles.Office, Roles.UnitLiaison]));
        Assert.Equal("系统管理员、审计管理员须由不同人员担任（三员分立）", Roles.SeparationViolation([Roles.SystemAdmin, Roles.AuditAdmin]));
        Assert.Equal("审计管理员不得兼任业务角色（三员分立）", Roles.SeparationViolation([Roles.AuditAdmin, Roles.Office]));
        Assert.Equal(["单位领导"], Roles.Labels([Roles.UnitLeader]));
    }

    [Fact]
    public void The_other_kinds_parse_their_labels()
    {
        Assert.Equal(CampaignRole.PrincipalLeader, CampaignRole.Parse("主要领导"));
        Assert.Equal(UnitKind.Subdistrict, UnitKind.Parse("街道"));
        Assert.Equal(RegionLevel.District, RegionLevel.Parse("区"));
        Assert.Equal(CaseKind.NormativeDocumentReview, CaseKind.Parse("规范性文件合法性审核"));
        Assert.Equal("良好", ReviewGrades.Label(ReviewGrades.Of(80)));
    }

    [Fact]
    public void The_data_migration_maps_every_label_to_its_code()
    {
        var builder = new MigrationBuilder("test");
        KindCodeMappings.Up(builder);
        var sql = string.Join("\n", builder.Operations.OfType<SqlOperation>().Select(o => o.Sql));
        CodeSet[] stored = [Roles.Codes, CampaignRole.Codes, UnitKind.Codes, RegionLevel.Codes, CaseKind.Codes];
        foreach (var set in stored)
        {
            // Codes fit the columns that store them (20 characters for the kinds and campaign roles).
            Assert.All(set.Codes, c => Assert.InRange(c.Length, 1, 20));
            foreach (var option in set.Options)
            {
                Assert.Contains($"= '{option.Code}' WHERE", sql, StringComparison.Ordinal);
                Assert.Contains($"= '{option.Label}';", sql, StringComparison.Ordinal);
            }
        }
        Assert.Contains("UPDATE \"AspNetRoles\" SET \"Name\" = 'office' WHERE \"Name\" = '创建办';", sql, StringComparison.Ordinal);
        Assert.Contains("UPDATE \"AspNetRoles\" SET \"NormalizedName\" = 'OFFICE' WHERE \"Name\" = 'office';", sql, StringComparison.Ordinal);
        Assert.Contains("UPDATE \"CaseFile\" SET \"Kind\" = 'penalty' WHERE \"Kind\" = '行政处罚';", sql, StringComparison.Ordinal);
        // The security policy's JSON array, as System.Text.Json escapes it.
        Assert.Contains("REPLACE(\"TotpRoles\", '\"\\u521B\\u5EFA\\u529E\"', '\"office\"')", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_migration_goes_back()
    {
        var builder = new MigrationBuilder("test");
        KindCodeMappings.Down(builder);
        var sql = string.Join("\n", builder.Operations.OfType<SqlOperation>().Select(o => o.Sql));
        Assert.Contains("UPDATE \"Units\" SET \"Kind\" = '街道' WHERE \"Kind\" = 'street';", sql, StringComparison.Ordinal);
        Assert.Contains("UPDATE \"AspNetRoles\" SET \"NormalizedName\" = '督查' WHERE \"Name\" = 'inspector';", sql, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
