using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InspectReady.Web.Data.Migrations;

/// <summary>
/// The data part of the <c>KindCodes</c> migrations (SQLite and PostgreSQL alike, ADR 0036): kinds stored as
/// Chinese labels become their English codes; <see cref="Down"/> maps them back. The pairs are written out here,
/// not read from the code sets, so a later change of a label or code does not change what this migration did.
/// </summary>
public static class KindCodeMappings
{
    /// <summary>角色 (ASP.NET Identity role names; the normalized name is the upper-case code).</summary>
    public static readonly (string Label, string Code)[] RolePairs =
    [
        ("系统管理员", "system_admin"), ("安全管理员", "security_admin"), ("审计管理员", "audit_admin"), ("创建办", "office"),
        ("单位领导", "unit_leader"), ("单位联络员", "unit_liaison"), ("评查员", "reviewer"), ("考生", "examinee"), ("督查", "inspector"),
    ];

    /// <summary>案卷类别.</summary>
    public static readonly (string Label, string Code)[] CaseKindPairs =
    [
        ("行政处罚", "penalty"), ("行政许可", "licensing"), ("行政强制", "coercion"), ("行政检查", "inspection"), ("行政复议", "reconsideration"),
        ("规范性文件合法性审核", "document_review"), ("重大行政决策合法性审核", "decision_review"), ("行政合同合法性审核", "contract_review"),
    ];

    /// <summary>Columns holding one kind each.</summary>
    public static readonly (string Table, string Column, (string Label, string Code)[] Values)[] Mappings =
    [
        ("AspNetRoles", "Name", RolePairs),
        ("People", "CampaignRole",
        [
            ("主要领导", "principal_leader"), ("分管领导", "responsible_leader"), ("联络员", "liaison"), ("科室负责人", "section_head"),
            ("窗口人员", "window_staff"), ("执法人员", "enforcement_officer"),
        ]),
        ("Units", "Kind",
            [("区委部门", "party_department"), ("区直单位", "district_department"), ("街道", "street"), ("垂直管理", "vertical"), ("协调机构", "coordinating")]),
        ("Regions", "Level", [("省", "province"), ("市", "city"), ("区", "district"), ("县", "county"), ("街道", "street"), ("乡镇", "township")]),
        ("CaseFile", "Kind", CaseKindPairs),
        ("SamplingDraws", "Kind", CaseKindPairs),
        ("ReviewTemplates", "Kind", CaseKindPairs),
    ];

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, column, values) in Mappings)
        {
            foreach (var (label, code) in values)
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = '{code}' WHERE \"{column}\" = '{label}';");
            }
        }
        foreach (var (label, code) in RolePairs)
        {
            migrationBuilder.Sql($"UPDATE \"AspNetRoles\" SET \"NormalizedName\" = '{code.ToUpperInvariant()}' WHERE \"Name\" = '{code}';");
            // The security policy keeps its roles as a JSON array, whose writer escapes non-ASCII (\u5B89…).
            foreach (var stored in Stored(label))
            {
                migrationBuilder.Sql($"UPDATE \"SecurityPolicies\" SET \"TotpRoles\" = REPLACE(\"TotpRoles\", '{stored}', '\"{code}\"');");
            }
        }
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (label, code) in RolePairs)
        {
            migrationBuilder.Sql($"UPDATE \"SecurityPolicies\" SET \"TotpRoles\" = REPLACE(\"TotpRoles\", '\"{code}\"', '{Stored(label)[0]}');");
            migrationBuilder.Sql($"UPDATE \"AspNetRoles\" SET \"NormalizedName\" = '{label}' WHERE \"Name\" = '{code}';");
        }
        foreach (var (table, column, values) in Mappings)
        {
            foreach (var (label, code) in values)
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = '{label}' WHERE \"{column}\" = '{code}';");
            }
        }
    }

    /// <summary>A label as a JSON string: escaped as the product's JSON columns write it, and unescaped.</summary>
    internal static string[] Stored(string label) => [JsonSerializer.Serialize(label), $"\"{label}\""];
}
