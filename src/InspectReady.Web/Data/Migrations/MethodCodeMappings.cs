using Microsoft.EntityFrameworkCore.Migrations;

namespace InspectReady.Web.Data.Migrations;

/// <summary>
/// The data part of the <c>MethodCodes</c> migrations (ADR 0036): the evaluation methods of framework indicators,
/// stored as Chinese labels, become their English codes; <see cref="Down"/> maps them back. SQLite keeps the list
/// as a JSON array (whose writer escapes non-ASCII), PostgreSQL as a <c>text[]</c>. The pairs are written out here,
/// not read from <c>EvaluationMethods</c>, so a later change of a label or code does not change what this did.
/// </summary>
public static class MethodCodeMappings
{
    public static readonly (string Label, string Code)[] Pairs =
    [
        ("网络检索", "web_search"), ("材料查证", "document_check"), ("实地核验", "site_verification"), ("实地核查", "site_inspection"),
        ("案卷评查", "case_file_review"), ("随机抽考", "random_exam"), ("座谈访谈", "interview"), ("满意度调查", "satisfaction_survey"),
    ];

    public static void Up(MigrationBuilder migrationBuilder, bool postgres)
    {
        foreach (var (label, code) in Pairs)
        {
            if (postgres)
            {
                migrationBuilder.Sql($"UPDATE \"FrameworkNodes\" SET \"Methods\" = array_replace(\"Methods\", '{label}', '{code}');");
                continue;
            }
            foreach (var stored in KindCodeMappings.Stored(label))
            {
                migrationBuilder.Sql($"UPDATE \"FrameworkNodes\" SET \"Methods\" = REPLACE(\"Methods\", '{stored}', '\"{code}\"') WHERE \"Methods\" LIKE '%{stored}%';");
            }
        }
    }

    public static void Down(MigrationBuilder migrationBuilder, bool postgres)
    {
        foreach (var (label, code) in Pairs)
        {
            migrationBuilder.Sql(postgres
                ? $"UPDATE \"FrameworkNodes\" SET \"Methods\" = array_replace(\"Methods\", '{code}', '{label}');"
                : $"UPDATE \"FrameworkNodes\" SET \"Methods\" = REPLACE(\"Methods\", '\"{code}\"', '{KindCodeMappings.Stored(label)[0]}') WHERE \"Methods\" LIKE '%\"{code}\"%';");
        }
    }
}
