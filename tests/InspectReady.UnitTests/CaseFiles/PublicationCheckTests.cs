using InspectReady.UnitTests.Calendar;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Checks;
using static InspectReady.UnitTests.CaseFiles.CaseFileBuilder;

namespace InspectReady.UnitTests.CaseFiles;

// 2021 National Day: 10/1–10/7 off, Sun 9/26 and Sat 10/9 worked. From a decision of Tue 9/28: 9/29 (1), 9/30 (2),
// 10/8 (3), 10/9 (4), 10/11 (5), 10/12 (6), 10/13 (7) … 10/15 (9), 10/18–22 (10–14), 10/25–29 (15–19), 11/1 (20).
public class PublicationCheckTests
{
    private static readonly DateOnly Today = D("2022-01-01");

    private static CheckResult Check(string kind, string decided, string? published, DateOnly? today = null) =>
        CaseChecks.PublicationDeadline(Case(kind, c =>
        {
            c.DecidedOn = D(decided);
            c.PublishedOn = published is null ? null : D(published);
        }), ShippedHolidayData.Calendar, today ?? Today);

    [Fact]
    public void A_penalty_published_on_the_seventh_working_day_passes()
    {
        var result = Check(CaseKind.Penalty, "2021-09-28", "2021-10-13");

        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.Equal(7, result.WorkingDays);
        Assert.Equal(D("2021-10-13"), result.Deadline);
        Assert.Equal([new CheckDate("决定日期", D("2021-09-28")), new CheckDate("公示日期", D("2021-10-13"))], result.Dates);
        Assert.Contains("7个工作日", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_licence_published_on_the_eighth_working_day_fails()
    {
        var result = Check(CaseKind.Licensing, "2021-09-28", "2021-10-14");

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(8, result.WorkingDays);
        Assert.Contains("超过7个工作日", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_enforcement_decisions_have_20_working_days()
    {
        Assert.Equal(CheckStatus.Passed, Check(CaseKind.Coercion, "2021-09-28", "2021-10-14").Status);
        var onTime = Check(CaseKind.Inspection, "2021-09-28", "2021-11-01");
        Assert.Equal((CheckStatus.Passed, 20, D("2021-11-01")), (onTime.Status, onTime.WorkingDays, onTime.Deadline));
        var late = Check(CaseKind.Coercion, "2021-09-28", "2021-11-02");
        Assert.Equal((CheckStatus.Failed, 21), (late.Status, late.WorkingDays));
    }

    [Fact]
    public void An_unpublished_decision_is_pending_until_the_deadline_and_failed_after_it()
    {
        Assert.Equal(CheckStatus.Pending, Check(CaseKind.Penalty, "2021-09-28", null, D("2021-10-13")).Status);
        var overdue = Check(CaseKind.Penalty, "2021-09-28", null, D("2021-10-14"));
        Assert.Equal(CheckStatus.Failed, overdue.Status);
        Assert.Contains("2021-10-13已过", overdue.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_decision_date_the_check_says_what_is_missing()
    {
        var result = CaseChecks.PublicationDeadline(Case(CaseKind.Penalty), ShippedHolidayData.Calendar, Today);

        Assert.Equal(CheckStatus.Incomplete, result.Status);
        Assert.Contains("决定日期", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_reaching_a_year_without_data_cannot_be_computed_and_names_the_year()
    {
        var result = Check(CaseKind.Penalty, "2026-12-21", "2026-12-23");

        Assert.Equal(CheckStatus.Unknown, result.Status);
        Assert.Contains("缺少2027年", result.Finding, StringComparison.Ordinal);
    }
}
