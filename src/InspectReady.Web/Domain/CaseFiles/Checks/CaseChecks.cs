using InspectReady.Web.Domain.Calendar;

namespace InspectReady.Web.Domain.CaseFiles.Checks;

/// <summary>
/// The automatic checks of a case file, from the indicators' time rules (ADR 0103). Periods count as the law
/// counts them (民法典第二百零一条): the start day is not counted, the end day is, so "within 7 working days of
/// the decision" means at most 7 working days in (decision, publication].
/// </summary>
public static class CaseChecks
{
    public const string Publication = "publication";
    public const string NormativeReview = "normative-review";
    public const string MajorDecisionReview = "major-decision-review";
    public const string CommentPeriod = "comment-period";
    public const string TwoOfficers = "two-officers";
    public const string ReviewBeforeDecision = "review-before-decision";

    /// <summary>Every check that applies to the case's kind, in a fixed order.</summary>
    public static IReadOnlyList<CheckResult> Run(CaseFile file, WorkingDayCalendar calendar, DateOnly today)
    {
        var results = new List<CheckResult>();
        if (CaseKind.IsEnforcement(file.Kind))
        {
            results.Add(PublicationDeadline(file, calendar, today));
        }
        if (file.Kind == CaseKind.NormativeDocumentReview)
        {
            results.Add(ReviewDuration(file, calendar, NormativeReview, "规范性文件合法性审核时间",
                "行政规范性文件合法性审核时间不少于5个工作日，最长不超过15个工作日（指标28）", 5, 15));
        }
        if (file.Kind == CaseKind.MajorDecisionReview)
        {
            results.Add(ReviewDuration(file, calendar, MajorDecisionReview, "重大行政决策合法性审核时间",
                "重大行政决策合法性审核时间一般不少于7个工作日（指标41）", 7, null));
        }
        if (file.Kind is CaseKind.NormativeDocumentReview or CaseKind.MajorDecisionReview)
        {
            results.Add(CommentPeriodLength(file, calendar));
        }
        if (CaseKind.HasOfficers(file.Kind))
        {
            results.Add(Officers(file));
        }
        if ((CaseKind.IsEnforcement(file.Kind) && file.IsMajor) || file.Kind == CaseKind.MajorDecisionReview)
        {
            results.Add(LegalReviewFirst(file, calendar));
        }
        return results;
    }

    /// <summary>Licensing and penalty decisions published within 7 working days, other enforcement decisions within 20 (indicator 54).</summary>
    public static CheckResult PublicationDeadline(CaseFile file, WorkingDayCalendar calendar, DateOnly today)
    {
        var limit = file.Kind is CaseKind.Licensing or CaseKind.Penalty ? 7 : 20;
        var rule = limit == 7
            ? "行政许可、行政处罚决定应自作出决定之日起7个工作日内公示（指标54）"
            : "行政强制、行政检查等其他执法决定应自作出决定之日起20个工作日内公示（指标54）";
        const string title = "执法决定公示时限";
        CheckDate[] dates = [new("决定日期", file.DecidedOn), new("公示日期", file.PublishedOn)];
        if (file.DecidedOn is not { } decided)
        {
            return new(Publication, title, rule, CheckStatus.Incomplete, dates, null, null, null, "未填写决定日期，无法检查公示时限");
        }
        try
        {
            var deadline = calendar.AddWorkingDays(decided, limit);
            if (file.PublishedOn is not { } published)
            {
                return today <= deadline
                    ? new(Publication, title, rule, CheckStatus.Pending, dates, calendar.CountWorkingDays(decided, today), null, deadline,
                        $"尚未公示，公示期限至{Iso(deadline)}")
                    : new(Publication, title, rule, CheckStatus.Failed, dates, null, null, deadline,
                        $"未填写公示日期，公示期限{Iso(deadline)}已过");
            }
            var days = calendar.CountWorkingDays(decided, published);
            return days <= limit
                ? new(Publication, title, rule, CheckStatus.Passed, dates, days, null, deadline, $"决定后第{days}个工作日公示，未超过{limit}个工作日")
                : new(Publication, title, rule, CheckStatus.Failed, dates, days, null, deadline,
                    $"决定后第{days}个工作日才公示，超过{limit}个工作日（期限至{Iso(deadline)}）");
        }
        catch (CalendarYearMissingException ex)
        {
            return Unknown(Publication, title, rule, dates, ex);
        }
    }

    /// <summary>The working days a legality review took, between a minimum and (optionally) a maximum.</summary>
    public static CheckResult ReviewDuration(CaseFile file, WorkingDayCalendar calendar, string code, string title, string rule, int min, int? max)
    {
        CheckDate[] dates = [new("法制审核开始日期", file.LegalReviewStartedOn), new("法制审核结束日期", file.LegalReviewEndedOn)];
        if (file.LegalReviewStartedOn is not { } start || file.LegalReviewEndedOn is not { } end)
        {
            return new(code, title, rule, CheckStatus.Incomplete, dates, null, null, null, "未填写法制审核开始或结束日期，无法检查审核时间");
        }
        try
        {
            var days = calendar.CountWorkingDays(start, end);
            if (days < min)
            {
                return new(code, title, rule, CheckStatus.Failed, dates, days, null, null, $"审核用时{days}个工作日，少于{min}个工作日");
            }
            if (max is { } most && days > most)
            {
                return new(code, title, rule, CheckStatus.Failed, dates, days, null, calendar.AddWorkingDays(start, most),
                    $"审核用时{days}个工作日，超过{most}个工作日");
            }
            return new(code, title, rule, CheckStatus.Passed, dates, days, null, null,
                $"审核用时{days}个工作日，符合{(max is null ? $"不少于{min}" : $"{min}至{max}")}个工作日的要求");
        }
        catch (CalendarYearMissingException ex)
        {
            return Unknown(code, title, rule, dates, ex);
        }
    }

    /// <summary>Public comment for at least 30 days, or 7 working days where the rule allows (indicators 24, 37).</summary>
    public static CheckResult CommentPeriodLength(CaseFile file, WorkingDayCalendar calendar)
    {
        var sevenWorkingDays = file.CommentRule == CommentRules.SevenWorkingDays;
        var rule = sevenWorkingDays
            ? "涉及群众切身利益的行政规范性文件公开征求意见时间不少于7个工作日（指标24）"
            : "公开征求意见时间一般不少于30日（指标24、37）";
        const string title = "公开征求意见期限";
        CheckDate[] dates = [new("征求意见开始日期", file.CommentStartedOn), new("征求意见结束日期", file.CommentEndedOn)];
        if (file.CommentStartedOn is not { } start || file.CommentEndedOn is not { } end)
        {
            return new(CommentPeriod, title, rule, CheckStatus.Incomplete, dates, null, null, null, "未记录公开征求意见的起止日期");
        }
        var calendarDays = end.DayNumber - start.DayNumber;
        if (!sevenWorkingDays)
        {
            return calendarDays >= 30
                ? new(CommentPeriod, title, rule, CheckStatus.Passed, dates, null, calendarDays, null, $"征求意见{calendarDays}日，不少于30日")
                : new(CommentPeriod, title, rule, CheckStatus.Failed, dates, null, calendarDays, start.AddDays(30),
                    $"征求意见仅{calendarDays}日，少于30日（应至少到{Iso(start.AddDays(30))}）");
        }
        try
        {
            var days = calendar.CountWorkingDays(start, end);
            return days >= 7
                ? new(CommentPeriod, title, rule, CheckStatus.Passed, dates, days, calendarDays, null, $"征求意见{days}个工作日，不少于7个工作日")
                : new(CommentPeriod, title, rule, CheckStatus.Failed, dates, days, calendarDays, calendar.AddWorkingDays(start, 7),
                    $"征求意见仅{days}个工作日，少于7个工作日");
        }
        catch (CalendarYearMissingException ex)
        {
            return Unknown(CommentPeriod, title, rule, dates, ex);
        }
    }

    /// <summary>At least two officers, each with an enforcement certificate (行政处罚法第四十二条).</summary>
    public static CheckResult Officers(CaseFile file)
    {
        const string title = "两名以上执法人员";
        const string rule = "执法人员不得少于两人，且应持有执法证件（行政处罚法第四十二条；行政复议由两名以上复议人员办理）";
        var named = file.Officers.Where(o => !string.IsNullOrWhiteSpace(o.Name)).ToList();
        var problems = new List<string>();
        var distinct = named.Select(o => o.Name.Trim()).Distinct().Count();
        if (distinct < 2)
        {
            problems.Add($"仅登记{distinct}名执法人员");
        }
        if (named.Count != distinct)
        {
            problems.Add("执法人员重复登记");
        }
        var without = named.Where(o => string.IsNullOrWhiteSpace(o.CertificateNumber)).Select(o => o.Name).ToList();
        if (without.Count > 0)
        {
            problems.Add($"{string.Join("、", without)}未登记执法证号");
        }
        var certificates = named.Where(o => !string.IsNullOrWhiteSpace(o.CertificateNumber)).Select(o => o.CertificateNumber!.Trim()).ToList();
        if (certificates.Count != certificates.Distinct().Count())
        {
            problems.Add("两名执法人员的执法证号相同");
        }
        return problems.Count == 0
            ? new(TwoOfficers, title, rule, CheckStatus.Passed, [], null, null, null,
                string.Join("、", named.Select(o => $"{o.Name}（{o.CertificateNumber}）")))
            : new(TwoOfficers, title, rule, CheckStatus.Failed, [], null, null, null, string.Join("；", problems));
    }

    /// <summary>A major enforcement decision, or a major administrative decision, is reviewed for legality before it is made.</summary>
    public static CheckResult LegalReviewFirst(CaseFile file, WorkingDayCalendar calendar)
    {
        const string title = "重大决定作出前法制审核";
        var rule = file.Kind == CaseKind.MajorDecisionReview
            ? "重大行政决策未经合法性审核或经审核不合法的，不得提交决策机关讨论（指标41）"
            : "重大执法决定作出前应进行法制审核，未经法制审核或审核未通过的，不得作出决定（指标55）";
        CheckDate[] dates = [new("法制审核结束日期", file.LegalReviewEndedOn), new("决定日期", file.DecidedOn)];
        if (file.DecidedOn is not { } decided)
        {
            return file.LegalReviewEndedOn is null
                ? new(ReviewBeforeDecision, title, rule, CheckStatus.Pending, dates, null, null, null, "尚未作出决定，作出前须完成法制审核")
                : new(ReviewBeforeDecision, title, rule, CheckStatus.Passed, dates, null, null, null, "已完成法制审核，尚未作出决定");
        }
        if (file.LegalReviewEndedOn is not { } reviewed)
        {
            return new(ReviewBeforeDecision, title, rule, CheckStatus.Failed, dates, null, null, null, $"{Iso(decided)}作出决定，但没有法制审核记录");
        }
        try
        {
            return reviewed <= decided
                ? new(ReviewBeforeDecision, title, rule, CheckStatus.Passed, dates, calendar.CountWorkingDays(reviewed, decided), null, null,
                    $"审核完成后{calendar.CountWorkingDays(reviewed, decided)}个工作日作出决定")
                : new(ReviewBeforeDecision, title, rule, CheckStatus.Failed, dates, calendar.CountWorkingDays(decided, reviewed), null, null,
                    $"先作出决定，{calendar.CountWorkingDays(decided, reviewed)}个工作日后才完成法制审核");
        }
        catch (CalendarYearMissingException ex)
        {
            return Unknown(ReviewBeforeDecision, title, rule, dates, ex);
        }
    }

    private static CheckResult Unknown(string code, string title, string rule, IReadOnlyList<CheckDate> dates, CalendarYearMissingException ex) =>
        new(code, title, rule, CheckStatus.Unknown, dates, null, null, null, ex.Message);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
