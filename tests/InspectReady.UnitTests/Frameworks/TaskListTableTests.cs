using InspectReady.Web.Domain.Frameworks;

namespace InspectReady.UnitTests.Frameworks;

public sealed class TaskListTableTests
{
    private static IReadOnlyDictionary<string, string> Row(string l1, string l2, string no, string text, string methods = "网络检索",
        string materials = "不需提供申报材料。", string units = "区司法局") => new Dictionary<string, string>
        {
            ["一级指标"] = l1, ["二级指标"] = l2, ["序号"] = no, ["三级指标"] = text, ["测评方法"] = methods, ["填报材料"] = materials, ["责任单位"] = units,
        };

    [Theory]
    [InlineData("一、政府 职能依法全面 履行", true, "政府职能依法全面履行")]
    [InlineData("1. 加大简 政放权力 度。", false, "加大简政放权力度")]
    [InlineData("十二、其他", true, "其他")]
    public void Heading_cells_lose_numbering_full_stop_and_layout_spaces(string cell, bool level1, string name) =>
        Assert.Equal(name, TaskListTable.HeadingName(cell, level1));

    [Fact]
    public void A_group_name_that_contains_an_enumeration_comma_stays_whole() =>
        Assert.Equal(["区财政局", "有下属事业单位、行业协会涉及收费事项的区直部门"],
            TaskListTable.SplitUnits("区财政局、有下属事业单位、行业协会涉及收费事项的区直部门"));

    [Fact]
    public void The_lead_in_names_the_materials_group()
    {
        Assert.Equal([26, 27, 28, 29], TaskListTable.GroupOf("第26、27、28、29项指标，请合并提供下列材料：\n…"));
        Assert.Null(TaskListTable.GroupOf("请提供2020年以来的情况说明。"));
    }

    [Fact]
    public void Blank_headings_continue_and_every_row_problem_is_reported()
    {
        var (draft, errors) = TaskListTable.Read(TaskListTable.Columns,
        [
            (2, Row("一、甲", "1. 乙。", "1", "指标一。")),
            (3, Row("", "", "1", "", "网络检索 乱写")),
            (4, Row("", "", "x", "指标三。")),
        ], "c", "n", "v", null);
        Assert.Null(draft);
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "序号" && e.Message.Contains("与第2行重复", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "三级指标");
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "测评方法" && e.Message.Contains("乱写", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "序号" && e.Message.Contains("不是正整数", StringComparison.Ordinal));
    }

    [Fact]
    public void A_good_table_becomes_a_three_level_tree()
    {
        var (draft, errors) = TaskListTable.Read(TaskListTable.Columns,
        [
            (2, Row("一、甲", "1. 乙。", "1", "指标一。")),
            (3, Row("", "2. 丙。", "2", "指标二。", "材料查证\n实地核验", units: "区司法局 区财政局")),
        ], "c", "n", "v", null);
        Assert.Empty(errors);
        var l1 = Assert.Single(draft!.Nodes);
        Assert.Equal(["乙", "丙"], l1.Children.Select(c => c.Text));
        Assert.Equal(["document_check", "site_verification"], l1.Children[1].Children[0].Methods);
        Assert.Equal(["区司法局", "区财政局"], l1.Children[1].Children[0].Units);
    }

    [Fact]
    public void The_built_in_framework_has_9_32_and_100_nodes_and_no_layout_spaces()
    {
        var draft = BuiltInFrameworks.Load2021();
        Assert.Equal(9, draft.Nodes.Count);
        Assert.Equal(32, draft.Nodes.Sum(n => n.Children.Count));
        var indicators = draft.Indicators().ToList();
        Assert.Equal(Enumerable.Range(1, 100), indicators.Select(i => i.No!.Value));
        Assert.DoesNotContain(indicators, i => i.Text.Any(char.IsWhiteSpace));
        Assert.All(indicators, i => Assert.NotEmpty(i.Units));
    }

    [Fact]
    public void A_locked_framework_refuses_change()
    {
        var framework = BuiltInFrameworks.Load2021().ToFramework(builtIn: true);
        framework.Lock(DateTime.UtcNow);
        Assert.Throws<FrameworkLockedException>(framework.EnsureMutable);
    }
}
