using Microsoft.EntityFrameworkCore.Migrations;

namespace InspectReady.Web.Data.Migrations;

/// <summary>
/// The data part of the <c>StateCodesAndRowVersions</c> migrations (SQLite and PostgreSQL alike): states and kinds
/// stored as Chinese labels become their English codes; <see cref="Down"/> maps them back.
/// </summary>
public static class StateCodes
{
    private static readonly (string Table, string Column, (string Label, string Code)[] Values)[] Mappings =
    [
        ("Tasks", "Status", [("草稿", "draft"), ("待单位审核", "pending_signoff"), ("已报送", "submitted"), ("退回", "returned"), ("已通过", "approved")]),
        ("TaskTransitions", "From", [("草稿", "draft"), ("待单位审核", "pending_signoff"), ("已报送", "submitted"), ("退回", "returned"), ("已通过", "approved")]),
        ("TaskTransitions", "To", [("草稿", "draft"), ("待单位审核", "pending_signoff"), ("已报送", "submitted"), ("退回", "returned"), ("已通过", "approved")]),
        ("TaskAttachments", "Kind", [("佐证材料", "evidence"), ("汇编上级文件", "higher_level_compilation")]),
        ("Jobs", "State", [("排队中", "queued"), ("进行中", "running"), ("已完成", "succeeded"), ("失败", "failed")]),
        ("SupervisionNotices", "Status", [("待答复", "issued"), ("已答复", "answered"), ("已办结", "closed")]),
        ("AccountabilityRecords", "Kind", [("约谈", "interview"), ("通报", "circular"), ("追责", "accountability")]),
        ("Rectifications", "Status", [("待整改", "open"), ("已整改", "done"), ("已销号", "confirmed")]),
        ("Rectifications", "Source", [("评查扣分", "review"), ("自动检查", "check"), ("其他", "other")]),
        ("HolidayYears", "Source", [("内置", "shipped"), ("导入", "imported"), ("编辑", "edited")]),
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
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, column, values) in Mappings)
        {
            foreach (var (label, code) in values)
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = '{label}' WHERE \"{column}\" = '{code}';");
            }
        }
    }
}
