using System.Globalization;

namespace InspectReady.Web.Domain.CaseFiles;

/// <summary>
/// Reads a <see cref="CaseFileInput"/> into a <see cref="CaseFile"/> of a kind: the form, the API and the Excel
/// import all go through here. It refuses what cannot be (a malformed date, a decision before the case was
/// filed, a period that ends before it starts); what is merely late or missing is left to the checks to report.
/// </summary>
public static class CaseFileReader
{
    public const int MaxText = 200;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    public static List<CaseFieldProblem> Read(string kind, CaseFileInput input, CaseFile target)
    {
        var problems = new List<CaseFieldProblem>();
        string Header(CaseField f) => CaseFields.HeaderOf(kind, f);

        foreach (var field in CaseFields.All)
        {
            var need = CaseFields.NeedOf(kind, field);
            var text = input.Text(field);
            if (need == CaseFieldNeed.Hidden && text.Length > 0)
            {
                problems.Add(new(field, $"“{CaseKind.Label(kind)}”类案卷不填写“{field.Header}”"));
            }
            else if (need == CaseFieldNeed.Required && text.Length == 0)
            {
                problems.Add(new(field, $"“{Header(field)}”不能为空"));
            }
            else if (field.Type == CaseFieldType.Text && text.Length > MaxText)
            {
                problems.Add(new(field, $"“{Header(field)}”不能超过{MaxText}字"));
            }
        }

        DateOnly? Date(CaseField field)
        {
            var text = input.Text(field);
            if (text.Length == 0)
            {
                return null;
            }
            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            problems.Add(new(field, $"“{Header(field)}”的值“{text}”不是有效日期，应为 YYYY-MM-DD，如 2021-10-08"));
            return null;
        }

        bool YesNo(CaseField field)
        {
            var text = input.Text(field);
            switch (text)
            {
                case "" or "否" or "无" or "false" or "False":
                    return false;
                case "是" or "有" or "true" or "True":
                    return true;
                default:
                    problems.Add(new(field, $"“{Header(field)}”的值“{text}”无效，只能填“是”或“否”"));
                    return false;
            }
        }

        target.Kind = kind;
        target.CaseNumber = input.Text(CaseFields.CaseNumber);
        target.Cause = input.Text(CaseFields.Cause);
        target.Party = NullIfEmpty(input.Text(CaseFields.Party));
        target.FiledOn = Date(CaseFields.FiledOn);
        target.InvestigationEndedOn = Date(CaseFields.InvestigationEndedOn);
        target.LegalReviewStartedOn = Date(CaseFields.LegalReviewStartedOn);
        target.LegalReviewEndedOn = Date(CaseFields.LegalReviewEndedOn);
        target.DecidedOn = Date(CaseFields.DecidedOn);
        target.ServedOn = Date(CaseFields.ServedOn);
        target.PublishedOn = Date(CaseFields.PublishedOn);
        target.CommentStartedOn = Date(CaseFields.CommentStartedOn);
        target.CommentEndedOn = Date(CaseFields.CommentEndedOn);
        target.ArchivedOn = Date(CaseFields.ArchivedOn);
        target.DiscretionStandard = NullIfEmpty(input.Text(CaseFields.DiscretionStandard));
        target.HasAudioVisualRecord = YesNo(CaseFields.AudioVisual);
        target.IsMajor = YesNo(CaseFields.IsMajor);

        var rule = input.Text(CaseFields.CommentRule);
        target.CommentRule = NullIfEmpty(rule);
        if (rule.Length > 0 && !CommentRules.All.Contains(rule))
        {
            problems.Add(new(CaseFields.CommentRule, $"“征求意见期限”的值“{rule}”无效，只能是：{string.Join("、", CommentRules.All)}"));
        }
        else if (rule == CommentRules.SevenWorkingDays && kind == CaseKind.MajorDecisionReview)
        {
            problems.Add(new(CaseFields.CommentRule, "重大行政决策公开征求意见期限一般不少于30日，不适用“7个工作日”"));
        }

        target.Officers = [];
        for (var i = 0; i < CaseFields.Officers.Count; i++)
        {
            var (nameField, certificateField) = CaseFields.Officers[i];
            var name = input.Text(nameField);
            var certificate = input.Text(certificateField);
            if (name.Length == 0 && certificate.Length > 0)
            {
                problems.Add(new(nameField, $"填写了“{Header(certificateField)}”但“{Header(nameField)}”为空"));
            }
            else if (name.Length > 0)
            {
                target.Officers.Add(new CaseOfficer { Position = i + 1, Name = name, CertificateNumber = NullIfEmpty(certificate) });
            }
        }

        Order(target.FiledOn, CaseFields.FiledOn, target.DecidedOn, CaseFields.DecidedOn);
        Order(target.FiledOn, CaseFields.FiledOn, target.InvestigationEndedOn, CaseFields.InvestigationEndedOn);
        Order(target.LegalReviewStartedOn, CaseFields.LegalReviewStartedOn, target.LegalReviewEndedOn, CaseFields.LegalReviewEndedOn);
        Order(target.CommentStartedOn, CaseFields.CommentStartedOn, target.CommentEndedOn, CaseFields.CommentEndedOn);
        Order(target.DecidedOn, CaseFields.DecidedOn, target.ServedOn, CaseFields.ServedOn);
        Order(target.DecidedOn, CaseFields.DecidedOn, target.PublishedOn, CaseFields.PublishedOn);
        Order(target.DecidedOn, CaseFields.DecidedOn, target.ArchivedOn, CaseFields.ArchivedOn);
        if (target.LegalReviewStartedOn is null && target.LegalReviewEndedOn is not null)
        {
            problems.Add(new(CaseFields.LegalReviewStartedOn, "填写了“法制审核结束日期”但未填写“法制审核开始日期”"));
        }
        if (target.CommentStartedOn is null != target.CommentEndedOn is null)
        {
            problems.Add(new(CaseFields.CommentEndedOn, "“征求意见开始日期”和“征求意见结束日期”应同时填写"));
        }
        return problems;

        void Order(DateOnly? first, CaseField firstField, DateOnly? second, CaseField secondField)
        {
            if (first is { } a && second is { } b && b < a)
            {
                problems.Add(new(secondField, $"“{Header(secondField)}”（{b:yyyy-MM-dd}）早于“{Header(firstField)}”（{a:yyyy-MM-dd}）"));
            }
        }
    }

    /// <summary>The input that reads back into <paramref name="file"/>, for editing and export.</summary>
    public static Dictionary<string, string?> Write(CaseFile file)
    {
        static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string?>
        {
            [CaseFields.CaseNumber.Key] = file.CaseNumber,
            [CaseFields.Cause.Key] = file.Cause,
            [CaseFields.Party.Key] = file.Party,
            [CaseFields.FiledOn.Key] = D(file.FiledOn),
            [CaseFields.InvestigationEndedOn.Key] = D(file.InvestigationEndedOn),
            [CaseFields.LegalReviewStartedOn.Key] = D(file.LegalReviewStartedOn),
            [CaseFields.LegalReviewEndedOn.Key] = D(file.LegalReviewEndedOn),
            [CaseFields.DecidedOn.Key] = D(file.DecidedOn),
            [CaseFields.ServedOn.Key] = D(file.ServedOn),
            [CaseFields.PublishedOn.Key] = D(file.PublishedOn),
            [CaseFields.CommentStartedOn.Key] = D(file.CommentStartedOn),
            [CaseFields.CommentEndedOn.Key] = D(file.CommentEndedOn),
            [CaseFields.CommentRule.Key] = file.CommentRule,
            [CaseFields.DiscretionStandard.Key] = file.DiscretionStandard,
            [CaseFields.ArchivedOn.Key] = D(file.ArchivedOn),
        };
        if (CaseKind.IsEnforcement(file.Kind))
        {
            values[CaseFields.AudioVisual.Key] = file.HasAudioVisualRecord ? "是" : "否";
            values[CaseFields.IsMajor.Key] = file.IsMajor ? "是" : "否";
        }
        foreach (var officer in file.Officers.Where(o => o.Position >= 1 && o.Position <= CaseFields.Officers.Count))
        {
            var (name, certificate) = CaseFields.Officers[officer.Position - 1];
            values[name.Key] = officer.Name;
            values[certificate.Key] = officer.CertificateNumber;
        }
        return values;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
