using InspectReady.UnitTests.Calendar;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Checks;
using static InspectReady.UnitTests.CaseFiles.CaseFileBuilder;

namespace InspectReady.UnitTests.CaseFiles;

public class ReviewAndCommentCheckTests
{
    private static CheckResult Normative(string start, string end) =>
        CaseChecks.Run(Case(CaseKind.NormativeDocumentReview, c => (c.LegalReviewStartedOn, c.LegalReviewEndedOn) = (D(start), D(end))),
            ShippedHolidayData.Calendar, D("2022-01-01")).Single(r => r.Code == CaseChecks.NormativeReview);

    private static CheckResult Major(string start, string end) =>
        CaseChecks.Run(Case(CaseKind.MajorDecisionReview, c => (c.LegalReviewStartedOn, c.LegalReviewEndedOn, c.DecidedOn) = (D(start), D(end), D(end))),
            ShippedHolidayData.Calendar, D("2022-01-01")).Single(r => r.Code == CaseChecks.MajorDecisionReview);

    private static CheckResult Comment(string start, string end, string? rule = null) =>
        CaseChecks.CommentPeriodLength(Case(CaseKind.NormativeDocumentReview, c =>
            (c.CommentStartedOn, c.CommentEndedOn, c.CommentRule) = (D(start), D(end), rule)), ShippedHolidayData.Calendar);

    [Fact]
    public void A_normative_document_review_of_6_working_days_across_national_day_passes()
    {
        // (9/24, 10/8]: Sun 9/26 (1), 9/27–9/30 (2–5), 10/1–10/7 off, 10/8 (6).
        var result = Normative("2021-09-24", "2021-10-08");
        Assert.Equal((CheckStatus.Passed, 6), (result.Status, result.WorkingDays));
    }

    [Fact]
    public void A_normative_document_review_of_9_calendar_days_but_2_working_days_fails()
    {
        // (9/29, 10/8]: 9/30 (1), 10/1–10/7 off, 10/8 (2).
        var result = Normative("2021-09-29", "2021-10-08");
        Assert.Equal((CheckStatus.Failed, 2), (result.Status, result.WorkingDays));
        Assert.Contains("少于5个工作日", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_normative_document_review_over_15_working_days_fails()
    {
        // September 2021 has 22 working days, 9/1 (Wed) being the first: (9/1, 9/30] holds 21.
        var result = Normative("2021-09-01", "2021-09-30");
        Assert.Equal((CheckStatus.Failed, 21), (result.Status, result.WorkingDays));
        Assert.Contains("超过15个工作日", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_major_decision_review_needs_at_least_7_working_days()
    {
        // From Tue 9/28: 9/29, 9/30, 10/8, Sat 10/9, 10/11, 10/12 (6), 10/13 (7).
        Assert.Equal((CheckStatus.Passed, 7), (Major("2021-09-28", "2021-10-13").Status, Major("2021-09-28", "2021-10-13").WorkingDays));
        Assert.Equal((CheckStatus.Failed, 6), (Major("2021-09-28", "2021-10-12").Status, Major("2021-09-28", "2021-10-12").WorkingDays));
    }

    [Fact]
    public void A_review_without_dates_is_incomplete()
    {
        var result = CaseChecks.Run(Case(CaseKind.MajorDecisionReview), ShippedHolidayData.Calendar, D("2022-01-01"));
        Assert.Equal(CheckStatus.Incomplete, result.Single(r => r.Code == CaseChecks.MajorDecisionReview).Status);
        Assert.Equal(CheckStatus.Incomplete, result.Single(r => r.Code == CaseChecks.CommentPeriod).Status);
    }

    [Fact]
    public void A_comment_period_of_30_days_passes_and_29_fails()
    {
        // The start day is not counted: 3/1 to 3/31 is 30 days, 3/1 to 3/30 is 29.
        Assert.Equal((CheckStatus.Passed, 30), (Comment("2021-03-01", "2021-03-31").Status, Comment("2021-03-01", "2021-03-31").CalendarDays));
        var short29 = Comment("2021-03-01", "2021-03-30");
        Assert.Equal((CheckStatus.Failed, 29), (short29.Status, short29.CalendarDays));
        Assert.Equal(D("2021-03-31"), short29.Deadline);
    }

    [Fact]
    public void A_seven_working_day_comment_period_counts_working_days_not_calendar_days()
    {
        // (9/28, 10/9]: 9/29, 9/30, 10/8, Sat 10/9 = 4 working days in 11 calendar days.
        var shortOne = Comment("2021-09-28", "2021-10-09", CommentRules.SevenWorkingDays);
        Assert.Equal((CheckStatus.Failed, 4, 11), (shortOne.Status, shortOne.WorkingDays, shortOne.CalendarDays));
        var enough = Comment("2021-09-28", "2021-10-13", CommentRules.SevenWorkingDays);
        Assert.Equal((CheckStatus.Passed, 7), (enough.Status, enough.WorkingDays));
    }
}
