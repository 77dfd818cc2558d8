using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Reviews;

namespace InspectReady.UnitTests.CaseFiles;

public class CaseFileReaderTests
{
    private static (CaseFile File, List<CaseFieldProblem> Problems) Read(string kind, params (string Key, string Value)[] values)
    {
        var input = new Dictionary<string, string?> { ["caseNumber"] = "卫罚〔2021〕8号", ["cause"] = "未按规定公示", ["party"] = "某公司" };
        foreach (var (key, value) in values)
        {
            input[key] = value;
        }
        var file = new CaseFile { Kind = kind, CaseNumber = "", Cause = "", CreatedBy = "test" };
        return (file, CaseFileReader.Read(kind, new CaseFileInput(input), file));
    }

    [Fact]
    public void A_complete_penalty_reads_into_typed_fields()
    {
        var (file, problems) = Read(CaseKind.Penalty, ("decidedOn", "2021/9/28"), ("publishedOn", "2021年10月13日"), ("isMajor", "是"),
            ("officer1Name", "张三"), ("officer1Certificate", "41040001"), ("officer2Name", "李四"), ("officer2Certificate", "41040002"));

        Assert.Empty(problems);
        Assert.Equal(new DateOnly(2021, 9, 28), file.DecidedOn);
        Assert.Equal(new DateOnly(2021, 10, 13), file.PublishedOn);
        Assert.True(file.IsMajor);
        Assert.Equal(["张三", "李四"], file.Officers.Select(o => o.Name));
    }

    [Fact]
    public void A_malformed_date_names_the_field_and_the_value()
    {
        var problem = Assert.Single(Read(CaseKind.Penalty, ("decidedOn", "2021-13-01")).Problems);
        Assert.Equal("decidedOn", problem.Field.Key);
        Assert.Equal("“决定日期”的值“2021-13-01”不是有效日期，应为 YYYY-MM-DD，如 2021-10-08", problem.Message);
    }

    [Fact]
    public void Dates_that_cannot_be_in_that_order_are_refused()
    {
        var problems = Read(CaseKind.Penalty, ("filedOn", "2021-09-10"), ("decidedOn", "2021-09-01"), ("publishedOn", "2021-08-30")).Problems;
        Assert.Contains(problems, p => p.Field.Key == "decidedOn" && p.Message.Contains("早于“立案日期”", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field.Key == "publishedOn" && p.Message.Contains("早于“决定日期”", StringComparison.Ordinal));
    }

    [Fact]
    public void Required_and_foreign_fields_are_reported_in_the_kinds_own_words()
    {
        var (_, problems) = Read(CaseKind.NormativeDocumentReview, ("cause", ""), ("party", "某公司"), ("isMajor", "是"));
        Assert.Contains(problems, p => p.Message == "“文件名称”不能为空");
        Assert.Contains(problems, p => p.Message == "“规范性文件合法性审核”类案卷不填写“当事人”");
        Assert.Contains(problems, p => p.Field.Key == "isMajor");
    }

    [Fact]
    public void Major_decisions_cannot_use_the_seven_working_day_comment_rule()
    {
        var problem = Assert.Single(Read(CaseKind.MajorDecisionReview, ("party", ""), ("commentRule", "7个工作日")).Problems);
        Assert.Contains("不少于30日", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_a_file_and_reading_it_back_gives_the_same_values()
    {
        var (file, _) = Read(CaseKind.Penalty, ("decidedOn", "2021-09-28"), ("officer1Name", "张三"), ("officer1Certificate", "1"), ("hasAudioVisualRecord", "是"));
        var copy = new CaseFile { Kind = CaseKind.Penalty, CaseNumber = "", Cause = "", CreatedBy = "test" };
        Assert.Empty(CaseFileReader.Read(CaseKind.Penalty, new CaseFileInput(CaseFileReader.Write(file)), copy));
        Assert.Equal((file.CaseNumber, file.DecidedOn, file.HasAudioVisualRecord, file.Officers[0].CertificateNumber),
            (copy.CaseNumber, copy.DecidedOn, copy.HasAudioVisualRecord, copy.Officers[0].CertificateNumber));
    }

    [Fact]
    public void The_default_templates_cover_the_seven_aspects_with_100_points()
    {
        foreach (var template in DefaultReviewTemplates.All())
        {
            Assert.Equal(100, template.Items.Sum(i => i.MaxPoints));
            Assert.Equal(["执法主体", "执法程序", "证据", "法律适用", "文书", "归档", "三项制度"], template.Items.Select(i => i.Category).Distinct());
            Assert.Empty(ReviewTemplateRules.Validate(template.Name, [.. template.Items.Select(i => ((string?)i.Category, (string?)i.Content, (decimal?)i.MaxPoints))]));
        }
    }

    [Fact]
    public void A_template_whose_points_do_not_add_up_to_100_is_refused()
    {
        var problems = ReviewTemplateRules.Validate("测试", [("证据", "证据充分", 60m), ("文书", "", 30m)]);
        Assert.Contains(problems, p => p.Message == "各项分值合计为90分，应为100分");
        Assert.Contains(problems, p => p.Item == 2 && p.Field == "content");
    }

    [Theory]
    [InlineData(95, "优秀")]
    [InlineData(90, "优秀")]
    [InlineData(89.5, "良好")]
    [InlineData(60, "合格")]
    [InlineData(59.9, "不合格")]
    public void Scores_are_graded_at_90_75_and_60(decimal score, string grade) => Assert.Equal(grade, ReviewGrades.Label(ReviewGrades.Of(score)));
}
