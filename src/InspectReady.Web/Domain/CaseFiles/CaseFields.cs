namespace InspectReady.Web.Domain.CaseFiles;

public enum CaseFieldType { Text, Date, YesNo, Choice }

public enum CaseFieldNeed { Hidden, Optional, Required }

/// <param name="Key">The request property and the error column of the API.</param>
/// <param name="Header">The form label and the Excel column.</param>
public sealed record CaseField(string Key, string Header, CaseFieldType Type);

/// <summary>
/// The register's fields and which kinds use them: one list drives the form, the Excel template and import,
/// and the validation, so they cannot drift apart.
/// </summary>
public static class CaseFields
{
    public static readonly CaseField CaseNumber = new("caseNumber", "案号", CaseFieldType.Text);
    public static readonly CaseField Cause = new("cause", "案由", CaseFieldType.Text);
    public static readonly CaseField Party = new("party", "当事人", CaseFieldType.Text);
    public static readonly CaseField Officer1 = new("officer1Name", "执法人员1", CaseFieldType.Text);
    public static readonly CaseField Certificate1 = new("officer1Certificate", "执法证号1", CaseFieldType.Text);
    public static readonly CaseField Officer2 = new("officer2Name", "执法人员2", CaseFieldType.Text);
    public static readonly CaseField Certificate2 = new("officer2Certificate", "执法证号2", CaseFieldType.Text);
    public static readonly CaseField Officer3 = new("officer3Name", "执法人员3", CaseFieldType.Text);
    public static readonly CaseField Certificate3 = new("officer3Certificate", "执法证号3", CaseFieldType.Text);
    public static readonly CaseField FiledOn = new("filedOn", "立案日期", CaseFieldType.Date);
    public static readonly CaseField InvestigationEndedOn = new("investigationEndedOn", "调查终结日期", CaseFieldType.Date);
    public static readonly CaseField LegalReviewStartedOn = new("legalReviewStartedOn", "法制审核开始日期", CaseFieldType.Date);
    public static readonly CaseField LegalReviewEndedOn = new("legalReviewEndedOn", "法制审核结束日期", CaseFieldType.Date);
    public static readonly CaseField DecidedOn = new("decidedOn", "决定日期", CaseFieldType.Date);
    public static readonly CaseField ServedOn = new("servedOn", "送达日期", CaseFieldType.Date);
    public static readonly CaseField PublishedOn = new("publishedOn", "公示日期", CaseFieldType.Date);
    public static readonly CaseField CommentStartedOn = new("commentStartedOn", "征求意见开始日期", CaseFieldType.Date);
    public static readonly CaseField CommentEndedOn = new("commentEndedOn", "征求意见结束日期", CaseFieldType.Date);
    public static readonly CaseField CommentRule = new("commentRule", "征求意见期限", CaseFieldType.Choice);
    public static readonly CaseField DiscretionStandard = new("discretionStandard", "适用的裁量基准", CaseFieldType.Text);
    public static readonly CaseField AudioVisual = new("hasAudioVisualRecord", "音像记录", CaseFieldType.YesNo);
    public static readonly CaseField IsMajor = new("isMajor", "重大执法决定", CaseFieldType.YesNo);
    public static readonly CaseField ArchivedOn = new("archivedOn", "归档日期", CaseFieldType.Date);

    public static readonly IReadOnlyList<CaseField> All =
    [
        CaseNumber, Cause, Party, Officer1, Certificate1, Officer2, Certificate2, Officer3, Certificate3,
        FiledOn, InvestigationEndedOn, LegalReviewStartedOn, LegalReviewEndedOn, DecidedOn, ServedOn, PublishedOn,
        CommentStartedOn, CommentEndedOn, CommentRule, DiscretionStandard, AudioVisual, IsMajor, ArchivedOn,
    ];

    /// <summary>The officer slots of the register: name and certificate number, in order.</summary>
    public static readonly IReadOnlyList<(CaseField Name, CaseField Certificate)> Officers =
        [(Officer1, Certificate1), (Officer2, Certificate2), (Officer3, Certificate3)];

    private static readonly CaseField[] OfficerFields = [Officer1, Certificate1, Officer2, Certificate2, Officer3, Certificate3];

    public static CaseFieldNeed NeedOf(string kind, CaseField field)
    {
        var enforcement = CaseKind.IsEnforcement(kind);
        var review = CaseKind.LegalityReviews.Contains(kind);
        var withComment = kind is CaseKind.NormativeDocumentReview or CaseKind.MajorDecisionReview;
        if (field == CaseNumber || field == Cause)
        {
            return CaseFieldNeed.Required;
        }
        if (field == Party)
        {
            return kind is CaseKind.NormativeDocumentReview or CaseKind.MajorDecisionReview ? CaseFieldNeed.Hidden : CaseFieldNeed.Required;
        }
        if (OfficerFields.Contains(field) || field == FiledOn || field == ServedOn)
        {
            return CaseKind.HasOfficers(kind) ? CaseFieldNeed.Optional : CaseFieldNeed.Hidden;
        }
        if (field == InvestigationEndedOn)
        {
            return kind is CaseKind.Penalty or CaseKind.Coercion or CaseKind.Inspection ? CaseFieldNeed.Optional : CaseFieldNeed.Hidden;
        }
        if (field == CommentStartedOn || field == CommentEndedOn || field == CommentRule)
        {
            return withComment ? CaseFieldNeed.Optional : CaseFieldNeed.Hidden;
        }
        if (field == DiscretionStandard || field == AudioVisual || field == IsMajor)
        {
            return enforcement ? CaseFieldNeed.Optional : CaseFieldNeed.Hidden;
        }
        if (field == PublishedOn)
        {
            return kind == CaseKind.ContractReview ? CaseFieldNeed.Hidden : CaseFieldNeed.Optional;
        }
        return review || enforcement || kind == CaseKind.Reconsideration ? CaseFieldNeed.Optional : CaseFieldNeed.Hidden;
    }

    /// <summary>The fields a kind uses, in form and template order.</summary>
    public static IReadOnlyList<CaseField> For(string kind) => [.. All.Where(f => NeedOf(kind, f) != CaseFieldNeed.Hidden)];

    /// <summary>Labels that read better for one kind (a licence is 受理d, a review names a document).</summary>
    public static string HeaderOf(string kind, CaseField field) => (kind, field.Key) switch
    {
        (CaseKind.Licensing, "filedOn") => "受理日期",
        (CaseKind.Licensing, "party") => "申请人",
        (CaseKind.Reconsideration, "party") => "申请人",
        (CaseKind.ContractReview, "party") => "合同相对方",
        (CaseKind.NormativeDocumentReview, "cause") => "文件名称",
        (CaseKind.MajorDecisionReview, "cause") => "决策事项",
        (CaseKind.ContractReview, "cause") => "合同名称",
        (CaseKind.NormativeDocumentReview, "decidedOn") => "印发日期",
        (CaseKind.ContractReview, "decidedOn") => "签订日期",
        (CaseKind.NormativeDocumentReview, "publishedOn") => "公布日期",
        (CaseKind.MajorDecisionReview, "publishedOn") => "公布日期",
        (CaseKind.Reconsideration, "filedOn") => "受理日期",
        _ => field.Header,
    };
}
