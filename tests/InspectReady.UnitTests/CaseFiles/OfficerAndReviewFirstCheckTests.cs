using InspectReady.UnitTests.Calendar;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Checks;
using static InspectReady.UnitTests.CaseFiles.CaseFileBuilder;

namespace InspectReady.UnitTests.CaseFiles;

public class OfficerAndReviewFirstCheckTests
{
    [Fact]
    public void Two_officers_with_certificates_pass()
    {
        var result = CaseChecks.Officers(Case(CaseKind.Penalty, c => c.Officers = Officers(("张三", "41040001"), ("李四", "41040002"))));
        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.Equal("张三（41040001）、李四（41040002）", result.Finding);
    }

    [Theory]
    [InlineData("仅登记1名执法人员", "张三", "41040001", null, null)]
    [InlineData("李四未登记执法证号", "张三", "41040001", "李四", null)]
    [InlineData("执法人员重复登记", "张三", "41040001", "张三", "41040002")]
    [InlineData("执法证号相同", "张三", "41040001", "李四", "41040001")]
    public void Fewer_than_two_officers_or_a_missing_certificate_fails(string finding, string name1, string cert1, string? name2, string? cert2)
    {
        var officers = name2 is null ? Officers((name1, cert1)) : Officers((name1, cert1), (name2, cert2));
        var result = CaseChecks.Officers(Case(CaseKind.Inspection, c => c.Officers = officers));
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(finding, result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_major_penalty_reviewed_before_the_decision_passes()
    {
        var file = Case(CaseKind.Penalty, c => (c.IsMajor, c.LegalReviewStartedOn, c.LegalReviewEndedOn, c.DecidedOn) = (true, D("2021-09-22"), D("2021-09-27"), D("2021-09-28")));
        var result = CaseChecks.Run(file, ShippedHolidayData.Calendar, D("2022-01-01")).Single(r => r.Code == CaseChecks.ReviewBeforeDecision);
        Assert.Equal((CheckStatus.Passed, 1), (result.Status, result.WorkingDays));
    }

    [Fact]
    public void A_major_penalty_reviewed_after_the_decision_fails()
    {
        // Decided Tue 9/28, review ended Fri 10/8: 9/29, 9/30, 10/8 = 3 working days later.
        var file = Case(CaseKind.Penalty, c => (c.IsMajor, c.LegalReviewStartedOn, c.LegalReviewEndedOn, c.DecidedOn) = (true, D("2021-09-27"), D("2021-10-08"), D("2021-09-28")));
        var result = CaseChecks.LegalReviewFirst(file, ShippedHolidayData.Calendar);
        Assert.Equal((CheckStatus.Failed, 3), (result.Status, result.WorkingDays));
        Assert.Contains("3个工作日后才完成法制审核", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_major_decision_without_any_review_fails_and_an_ordinary_one_is_not_checked()
    {
        var major = Case(CaseKind.Coercion, c => (c.IsMajor, c.DecidedOn) = (true, D("2021-09-28")));
        Assert.Equal(CheckStatus.Failed, CaseChecks.LegalReviewFirst(major, ShippedHolidayData.Calendar).Status);

        var ordinary = Case(CaseKind.Coercion, c => c.DecidedOn = D("2021-09-28"));
        Assert.DoesNotContain(CaseChecks.Run(ordinary, ShippedHolidayData.Calendar, D("2022-01-01")), r => r.Code == CaseChecks.ReviewBeforeDecision);
    }

    [Fact]
    public void Each_kind_gets_the_checks_its_rules_name()
    {
        static string[] Codes(string kind) => [.. CaseChecks.Run(Case(kind), ShippedHolidayData.Calendar, D("2022-01-01")).Select(r => r.Code)];

        Assert.Equal([CaseChecks.Publication, CaseChecks.TwoOfficers], Codes(CaseKind.Penalty));
        Assert.Equal([CaseChecks.TwoOfficers], Codes(CaseKind.Reconsideration));
        Assert.Equal([CaseChecks.NormativeReview, CaseChecks.CommentPeriod], Codes(CaseKind.NormativeDocumentReview));
        Assert.Equal([CaseChecks.MajorDecisionReview, CaseChecks.CommentPeriod, CaseChecks.ReviewBeforeDecision], Codes(CaseKind.MajorDecisionReview));
        Assert.Empty(Codes(CaseKind.ContractReview));
    }
}
