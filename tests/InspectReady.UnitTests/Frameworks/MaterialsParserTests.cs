using System.Text.Json;
using InspectReady.Web.Domain.Frameworks;

namespace InspectReady.UnitTests.Frameworks;

public class MaterialsParserTests
{
    private const string FrameworkFile = "src/InspectReady.Web/Domain/Frameworks/BuiltIn/fzzf-sx-2021.json";

    private static readonly Lazy<IReadOnlyDictionary<int, string>> Materials = new(LoadMaterials);

    /// <summary>
    /// What each of the 100 requests asks for, set by reading it: item count, kinds in item order,
    /// the count rule ("Relation Count Unit"), the earliest year, the bounded periods in item order and
    /// the details that must be given (all items together, in enum order).
    /// </summary>
    public static TheoryData<int, int, string, string?, int?, string?, string> AllIndicators => new()
    {
        { 1, 1, "NotRequired", null, null, null, "" },
        { 2, 1, "Statement", null, 2020, null, "" },
        { 3, 2, "DocumentOrList Directory", null, null, null, "Contact Url PersonInCharge" },
        { 4, 2, "DocumentOrList Statement", null, 2020, null, "Url" },
        { 5, 1, "NotRequired", null, null, null, "" },
        { 6, 1, "Url", null, null, null, "Url" },
        { 7, 1, "DocumentOrList", null, null, null, "" },
        { 8, 1, "DocumentOrList", null, null, null, "Url" },
        { 9, 2, "Statement CaseList", "AtMost 3 件", 2020, null, "" },
        { 10, 1, "CaseList", "Exactly 10 家", 2020, null, "Contact PersonInCharge" },
        { 11, 2, "DocumentOrList CaseList", "AtMost 5 个", 2020, null, "Contact" },
        { 12, 1, "DocumentOrList", "AtMost 5 个", 2020, null, "" },
        { 13, 1, "CaseList", "AtMost 5 个", 2020, null, "Contact" },
        { 14, 1, "Statement", null, 2019, null, "" },
        { 15, 1, "CaseList", "AtMost 5 个", 2019, null, "Contact" },
        { 16, 1, "Directory", null, null, null, "Contact PersonInCharge" },
        { 17, 1, "NotRequired", null, null, null, "" },
        { 18, 1, "NotRequired", null, null, null, "" },
        { 19, 1, "Statement", null, 2021, "2021年上半年", "" },
        { 20, 1, "NotRequired", null, null, null, "" },
        { 21, 1, "Statement", null, 2020, null, "" },
        { 22, 1, "DocumentOrList", "AnyOf 5 个", 2020, null, "" },
        { 23, 1, "Statement", "Exactly 3 个", 2019, null, "" },
        { 24, 1, "DocumentOrList", null, 2020, null, "Url" },
        { 25, 1, "Statement", null, 2020, null, "" },
        { 26, 1, "Statement", "AnyOf 5 件", 2020, null, "" },
        { 27, 1, "Statement", "AnyOf 5 件", 2020, null, "" },
        { 28, 1, "Statement", "AnyOf 5 件", 2020, null, "" },
        { 29, 1, "Statement", "AnyOf 5 件", 2020, null, "" },
        { 30, 1, "Statement", null, 2019, null, "" },
        { 31, 1, "Statement", null, 2020, "2020年", "" },
        { 32, 1, "DocumentOrList", null, 2019, null, "Url" },
        { 33, 1, "Url", null, null, null, "Url" },
        { 34, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 35, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 36, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 37, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 38, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 39, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 40, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 41, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 42, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 43, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 44, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 45, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 46, 4, "DocumentOrList Url Statement DocumentOrList", "AtMost 5 件", 2020, "2021年", "Url" },
        { 47, 4, "Statement DataTable Statement Statement", null, 2019, "2019、2020年 2020年", "" },
        { 48, 4, "Statement DataTable Statement Statement", null, 2019, "2019、2020年 2020年", "" },
        { 49, 4, "Statement DataTable Statement Statement", null, 2019, "2019、2020年 2020年", "" },
        { 50, 4, "Statement DataTable Statement Statement", null, 2019, "2019、2020年 2020年", "" },
        { 51, 4, "Statement DataTable Statement Statement", null, 2019, "2019、2020年 2020年", "" },
        { 52, 1, "Url", null, null, null, "Url" },
        { 53, 1, "Url", null, null, null, "Url" },
        { 54, 1, "Url", null, null, null, "Url" },
        { 55, 1, "NotRequired", null, null, null, "" },
        { 56, 1, "NotRequired", null, null, null, "" },
        { 57, 1, "NotRequired", null, null, null, "" },
        { 58, 1, "NotRequired", null, null, null, "" },
        { 59, 1, "NotRequired", null, null, null, "" },
        { 60, 1, "DataTable", null, null, null, "" },
        { 61, 1, "DocumentOrList", null, null, null, "" },
        { 62, 1, "NotRequired", null, null, null, "" },
        { 63, 1, "NotRequired", null, null, null, "" },
        { 64, 1, "NotRequired", null, null, null, "" },
        { 65, 1, "DataTable", null, null, null, "" },
        { 66, 1, "DocumentOrList", null, null, null, "" },
        { 67, 1, "NotRequired", null, null, null, "" },
        { 68, 1, "NotRequired", null, null, null, "" },
        { 69, 1, "NotRequired", null, null, null, "" },
        { 70, 1, "Statement", null, 2019, "2019年、2020年", "Url" },
        { 71, 1, "Statement", null, 2019, "2019年、2020年", "" },
        { 72, 1, "Statement", null, 2019, "2019年、2020年", "" },
        { 73, 1, "NotRequired", null, null, null, "" },
        { 74, 1, "NotRequired", null, null, null, "" },
        { 75, 1, "NotRequired", null, null, null, "" },
        { 76, 1, "Url", null, null, null, "Url" },
        { 77, 1, "Statement", null, 2020, "2020年", "" },
        { 78, 1, "NotRequired", null, null, null, "" },
        { 79, 1, "Statement", null, null, null, "" },
        { 80, 1, "NotRequired", null, null, null, "" },
        { 81, 1, "CaseList", null, 2020, "2020年", "" },
        { 82, 1, "Statement", null, null, null, "" },
        { 83, 1, "NotRequired", null, null, null, "" },
        { 84, 1, "NotRequired", null, null, null, "" },
        { 85, 1, "NotRequired", null, null, null, "" },
        { 86, 1, "Url", null, null, null, "Url" },
        { 87, 1, "NotRequired", null, null, null, "" },
        { 88, 1, "Statement", null, 2020, null, "" },
        { 89, 1, "Statement", null, 2020, null, "" },
        { 90, 1, "Statement", null, 2020, null, "" },
        { 91, 1, "NotRequired", null, null, null, "" },
        { 92, 1, "NotRequired", null, null, null, "" },
        { 93, 1, "Statement", null, 2020, null, "" },
        { 94, 1, "Statement", null, 2020, null, "Url" },
        { 95, 1, "NotRequired", null, null, null, "" },
        { 96, 1, "NotRequired", null, null, null, "" },
        { 97, 1, "DocumentOrList", null, 2019, "2019年、2020年", "Url" },
        { 98, 1, "DataTable", null, null, null, "" },
        { 99, 2, "Statement Statement", null, 2020, null, "" },
        { 100, 1, "DataTable", null, 2020, "2020年", "" },
    };

    [Theory]
    [MemberData(nameof(AllIndicators))]
    public void Every_built_in_request_parses_to_the_checklist_read_from_it(
        int no, int itemCount, string kinds, string? countRule, int? since, string? periods, string fields)
    {
        var items = MaterialsParser.Parse(Materials.Value[no]);

        Assert.Equal(itemCount, items.Count);
        Assert.Equal(kinds, string.Join(' ', items.Select(i => i.Kind)));
        var rule = MaterialsParser.MaxItems(items);
        Assert.Equal(countRule, rule is null ? null : $"{rule.Relation} {rule.Count} {rule.Unit}");
        Assert.Equal(since, MaterialsParser.Since(items));
        var allPeriods = string.Join(' ', items.Select(i => i.Period).OfType<string>().Distinct());
        Assert.Equal(periods, allPeriods.Length == 0 ? null : allPeriods);
        Assert.Equal(fields, string.Join(' ', items.SelectMany(i => i.RequiredFields).Distinct().Order()));
        Assert.Equal(Enumerable.Range(1, itemCount), items.Select(i => i.Index));
        Assert.All(items, i => Assert.DoesNotContain(i.Text, c => char.IsWhiteSpace(c)));
    }

    [Fact]
    public void The_expectation_table_covers_all_100_built_in_indicators()
    {
        var covered = AllIndicators.Select(row => (int)row[0]).ToList();

        Assert.Equal(Enumerable.Range(1, 100), covered);
        Assert.Equal(Enumerable.Range(1, 100), Materials.Value.Keys.Order());
    }

    [Theory]
    [InlineData(26, 29)]
    [InlineData(34, 46)]
    [InlineData(47, 51)]
    [InlineData(52, 54)]
    [InlineData(71, 72)]
    [InlineData(88, 90)]
    public void Members_of_a_merged_group_get_the_same_checklist(int first, int last)
    {
        var lead = MaterialsParser.Parse(Materials.Value[first]);

        for (var no = first + 1; no <= last; no++)
        {
            Assert.Equal(lead, MaterialsParser.Parse(Materials.Value[no]), ItemIsEqual);
        }
    }

    [Fact]
    public void Built_in_time_windows_and_required_fields_are_read()
    {
        Assert.Equal("2021年上半年", Single(19).Period);
        Assert.Equal("2019年、2020年", Single(70).Period);
        Assert.Equal("2019、2020年", MaterialsParser.Parse(Materials.Value[47])[1].Period);
        Assert.Null(Single(2).Period);
        Assert.Equal([RequiredField.Url, RequiredField.Contact, RequiredField.PersonInCharge],
            MaterialsParser.Parse(Materials.Value[3]).SelectMany(i => i.RequiredFields));
        Assert.Equal([RequiredField.Contact, RequiredField.PersonInCharge], Single(10).RequiredFields);
        Assert.Equal([RequiredField.Contact], Single(13).RequiredFields);
        Assert.Equal([RequiredField.Url], Single(94).RequiredFields);
        Assert.Empty(Single(1).RequiredFields);
    }

    [Fact]
    public void Not_required_materials_give_one_not_required_item()
    {
        var item = Assert.Single(MaterialsParser.Parse("不需提供申报材料。"));

        Assert.Equal(new MaterialItem(1, "不需提供申报材料。", MaterialItemKind.NotRequired, null, null, null, []), item, ItemIsEqual);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData(null)]
    public void Empty_materials_give_no_items(string? materials) =>
        Assert.Empty(MaterialsParser.Parse(materials));

    [Fact]
    public void Numbered_items_are_split_in_order_without_their_numbers()
    {
        var items = MaterialsParser.Parse("1. 请提供清单及其公开网址；\n2. 请提供名录。");

        Assert.Equal([1, 2], items.Select(i => i.Index));
        Assert.Equal(["请提供清单及其公开网址；", "请提供名录。"], items.Select(i => i.Text));
    }

    [Fact]
    public void Numbered_items_on_one_line_as_printed_in_the_pdf_are_split_too()
    {
        var items = MaterialsParser.Parse("1. 请提供 2020 年以来的情况说明； 2. 请提供具体案例。（不超过5个）");

        Assert.Equal(["请提供2020年以来的情况说明；", "请提供具体案例。（不超过5个）"], items.Select(i => i.Text));
    }

    [Fact]
    public void An_unnumbered_request_is_one_item_with_index_one()
    {
        var item = Assert.Single(MaterialsParser.Parse("请提供查询平台网址。"));

        Assert.Equal(1, item.Index);
    }

    [Fact]
    public void A_group_lead_in_is_not_an_item()
    {
        var items = MaterialsParser.Parse("第 88、89、90 项指标，请合并提供下列材料：\n2020年以来本级政府涉及该三项指标有关工作的情况说明。");

        var item = Assert.Single(items);
        Assert.Equal("2020年以来本级政府涉及该三项指标有关工作的情况说明。", item.Text);
    }

    [Fact]
    public void An_item_number_glued_to_a_year_still_starts_an_item()
    {
        var items = MaterialsParser.Parse("1. 情况说明；\n2. 列表。3.2019年以来的情况说明。");

        Assert.Equal(3, items.Count);
        Assert.Equal("2019年以来的情况说明。", items[2].Text);
        Assert.Equal(2019, items[2].SinceYear);
    }

    [Fact]
    public void A_number_out_of_sequence_stays_in_the_text()
    {
        var items = MaterialsParser.Parse("1. 请提供情况说明；3. 请提供名录。");

        Assert.Equal("请提供情况说明；3.请提供名录。", Assert.Single(items).Text);
    }

    [Fact]
    public void Layout_spaces_are_removed_but_a_space_between_latin_words_is_kept()
    {
        var item = Assert.Single(MaterialsParser.Parse("请提供 2020 年以来 Open Data 平台的情况\n说明。"));

        Assert.Equal("请提供2020年以来Open Data平台的情况说明。", item.Text);
    }

    [Fact]
    public void Not_more_than_five_cases_gives_an_at_most_rule()
    {
        var item = Assert.Single(MaterialsParser.Parse("请提供具体案例，注明当事人联系方式。（不超过5个）"));

        Assert.Equal(new CountRule(CountRelation.AtMost, 5, "个"), item.Count);
        Assert.Equal(MaterialItemKind.CaseList, item.Kind);
    }

    [Fact]
    public void Not_more_than_three_pieces_is_counted_in_jian()
    {
        var item = Assert.Single(MaterialsParser.Parse("请提供案例或典型做法。（不超过3件）"));

        Assert.Equal(new CountRule(CountRelation.AtMost, 3, "件"), item.Count);
    }

    [Fact]
    public void Any_ten_enterprises_gives_an_exactly_rule_and_a_case_list()
    {
        var item = Assert.Single(MaterialsParser.Parse("请提供任意10家不同行业的企业接受现场检查的时间、事项和结果，并注明企业负责人及其联系方式。"));

        Assert.Equal(new CountRule(CountRelation.Exactly, 10, "家"), item.Count);
        Assert.Equal(MaterialItemKind.CaseList, item.Kind);
    }

    [Fact]
    public void Pick_any_five_gives_an_any_of_rule()
    {
        var item = Assert.Single(MaterialsParser.Parse("情况说明，并任选5件上传合法性审核意见书。"));

        Assert.Equal(new CountRule(CountRelation.AnyOf, 5, "件"), item.Count);
    }

    [Fact]
    public void Three_examples_gives_an_exactly_rule()
    {
        var item = Assert.Single(MaterialsParser.Parse("请提供协调决策的情况说明。（举3个例子）"));

        Assert.Equal(new CountRule(CountRelation.Exactly, 3, "个"), item.Count);
        Assert.Equal(MaterialItemKind.Statement, item.Kind);
    }

    [Theory]
    [InlineData("（不超过三个）", 3)]
    [InlineData("（不超过两个）", 2)]
    [InlineData("任选十件", 10)]
    [InlineData("任选十五件", 15)]
    [InlineData("任意二十家", 20)]
    [InlineData("任意二十五家", 25)]
    [InlineData("（不超过一百个）", 100)]
    [InlineData("（不超过５个）", 5)]
    [InlineData("（不超过 12 个）", 12)]
    [InlineData("（不超过1５个）", 15)]
    public void Chinese_and_full_width_numerals_are_read(string rule, int count)
    {
        var item = Assert.Single(MaterialsParser.Parse("请提供具体案例。" + rule));

        Assert.Equal(count, item.Count?.Count);
    }

    [Fact]
    public void A_count_rule_in_trailing_brackets_belongs_to_its_own_item()
    {
        var items = MaterialsParser.Parse("1. 请提供情况说明；\n2. 请提供案例或典型做法。（不超过3件）");

        Assert.Null(items[0].Count);
        Assert.Equal(new CountRule(CountRelation.AtMost, 3, "件"), items[1].Count);
        Assert.Equal(items[1].Count, MaterialsParser.MaxItems(items));
    }

    [Fact]
    public void A_request_without_a_count_rule_has_no_max_items() =>
        Assert.Null(MaterialsParser.MaxItems(MaterialsParser.Parse("请提供查询平台网址。")));

    [Fact]
    public void A_statement_limit_in_characters_is_not_a_count_rule() =>
        Assert.Null(Assert.Single(MaterialsParser.Parse("情况说明，不超过500字。")).Count);

    [Fact]
    public void Since_2019_gives_the_year_without_a_period()
    {
        var item = Assert.Single(MaterialsParser.Parse("请提供2019年以来本级政府的情况说明。"));

        Assert.Equal(2019, item.SinceYear);
        Assert.Null(item.Period);
    }

    [Fact]
    public void The_first_half_of_2021_gives_the_year_and_the_period()
    {
        var item = Assert.Single(MaterialsParser.Parse("需提供2021年上半年本级政府政务大厅的情况说明。"));

        Assert.Equal(2021, item.SinceYear);
        Assert.Equal("2021年上半年", item.Period);
    }

    [Theory]
    [InlineData("请提供 2019 年、2020 年的情况说明。", 2019, "2019年、2020年")]
    [InlineData("列表提供2019、2020年的案件总数。", 2019, "2019、2020年")]
    [InlineData("请提供本地区 2020 年涉及信息公开的情况说明。", 2020, "2020年")]
    public void Named_years_give_the_earliest_year_and_the_period(string materials, int since, string period)
    {
        var item = Assert.Single(MaterialsParser.Parse(materials));

        Assert.Equal(since, item.SinceYear);
        Assert.Equal(period, item.Period);
    }

    [Fact]
    public void Since_is_the_earliest_year_of_all_items()
    {
        var items = MaterialsParser.Parse("1. 2020年本级政府的情况说明；\n2. 2019年以来的情况说明。");

        Assert.Equal(2019, MaterialsParser.Since(items));
    }

    [Fact]
    public void A_request_without_a_year_has_no_since() =>
        Assert.Null(MaterialsParser.Since(MaterialsParser.Parse("请提供本地区推进行政复议体制改革的情况说明。")));

    [Theory]
    [InlineData("请提供2020年以来本级政府工作的情况说明。", MaterialItemKind.Statement)]
    [InlineData("请提供本地区执行的行政事业性收费和政府性基金清单及公开网址。", MaterialItemKind.DocumentOrList)]
    [InlineData("本地区制定或执行的关于行政执法辅助人员管理的文件。", MaterialItemKind.DocumentOrList)]
    [InlineData("请提供2020年以来本级政府发布行政规范性文件草案的目录清单，并注明征求意见的网址。", MaterialItemKind.DocumentOrList)]
    [InlineData("本级政府制定的2021年重大行政决策事项目录以及目录公开的网址；", MaterialItemKind.DocumentOrList)]
    [InlineData("请提供本级政府发布政务公开清单的网址。", MaterialItemKind.Url)]
    [InlineData("请提供查询平台网址。", MaterialItemKind.Url)]
    [InlineData("请提供本级政府权责清单的公开方式及网址。", MaterialItemKind.Url)]
    [InlineData("请提供辖区内行业协会商会的名录及负责人联系方式。", MaterialItemKind.Directory)]
    [InlineData("列表提供本级政府有关部门的案件总数和罚款总额。", MaterialItemKind.DataTable)]
    [InlineData("请提供党委法治建设议事协调机构的名称、编制数和实有人数。", MaterialItemKind.DataTable)]
    [InlineData("请提供2019年以来对涉及该项指标情况依法进行补偿的具体案例。", MaterialItemKind.CaseList)]
    [InlineData("请上级政府有关部门提供行政复议案件的情况，包括具体案件的案由说明、结果。", MaterialItemKind.CaseList)]
    public void Each_item_gets_the_kind_its_wording_asks_for(string materials, MaterialItemKind kind) =>
        Assert.Equal(kind, Assert.Single(MaterialsParser.Parse(materials)).Kind);

    [Fact]
    public void Contact_details_are_required_when_the_request_asks_for_them() =>
        Assert.Equal([RequiredField.Contact], Assert.Single(MaterialsParser.Parse("请提供具体案例，案例中的当事人请标注联系方式。")).RequiredFields);

    [Fact]
    public void A_directory_requires_the_person_in_charge_and_a_contact() =>
        Assert.Equal(
            [RequiredField.Contact, RequiredField.PersonInCharge],
            Assert.Single(MaterialsParser.Parse("请提供辖区内中介服务机构名录，并注明负责人及其联系方式。")).RequiredFields);

    [Fact]
    public void An_address_is_required_whenever_the_request_mentions_one() =>
        Assert.Equal([RequiredField.Url], Assert.Single(MaterialsParser.Parse("情况说明，在网上专栏公开的，附相关网址。")).RequiredFields);

    [Theory]
    [InlineData(MaterialItemKind.Statement, "情况说明")]
    [InlineData(MaterialItemKind.DocumentOrList, "文件或清单")]
    [InlineData(MaterialItemKind.Url, "网址")]
    [InlineData(MaterialItemKind.CaseList, "案例列表")]
    [InlineData(MaterialItemKind.Directory, "名录")]
    [InlineData(MaterialItemKind.DataTable, "数据表")]
    [InlineData(MaterialItemKind.NotRequired, "不需提供")]
    public void Every_kind_has_a_chinese_label(MaterialItemKind kind, string label) =>
        Assert.Equal(label, kind.ChineseLabel());

    private static MaterialItem Single(int no) => Assert.Single(MaterialsParser.Parse(Materials.Value[no]));

    /// <summary>Record equality compares RequiredFields by reference; compare its contents instead.</summary>
    private static bool ItemIsEqual(MaterialItem a, MaterialItem b) =>
        a.Index == b.Index && a.Text == b.Text && a.Kind == b.Kind && a.Count == b.Count
        && a.SinceYear == b.SinceYear && a.Period == b.Period && a.RequiredFields.SequenceEqual(b.RequiredFields);

    private static IReadOnlyDictionary<int, string> LoadMaterials()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(FindFrameworkFile()));
        return doc.RootElement.GetProperty("level1").EnumerateArray()
            .SelectMany(l1 => l1.GetProperty("level2").EnumerateArray())
            .SelectMany(l2 => l2.GetProperty("indicators").EnumerateArray())
            .ToDictionary(i => i.GetProperty("no").GetInt32(), i => i.GetProperty("materials").GetString()!);
    }

    /// <summary>Walks up from the test binaries to the repository root (the folder with InspectReady.sln or src/).</summary>
    private static string FindFrameworkFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var isRoot = File.Exists(Path.Combine(dir.FullName, "InspectReady.sln")) || Directory.Exists(Path.Combine(dir.FullName, "src"));
            var file = Path.Combine(dir.FullName, FrameworkFile);
            if (isRoot && File.Exists(file))
            {
                return file;
            }
        }

        throw new FileNotFoundException($"{FrameworkFile} not found above {AppContext.BaseDirectory}");
    }
}
