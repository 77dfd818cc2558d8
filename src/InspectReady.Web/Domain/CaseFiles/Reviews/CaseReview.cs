namespace InspectReady.Web.Domain.CaseFiles.Reviews;

/// <summary>
/// 评查记录: one reviewer's scoring of one sampled file. The template's items are copied in, so a later change
/// to the template does not change a score already given. Submitted reviews are final.
/// </summary>
public sealed class CaseReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseFileId { get; set; }
    public Guid UnitId { get; set; }
    public Guid DrawId { get; set; }
    public Guid ReviewerId { get; set; }
    public required string ReviewerName { get; set; }
    public required string TemplateName { get; set; }
    public List<CaseReviewItem> Items { get; set; } = [];
    public string? Remarks { get; set; }
    public bool Submitted { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    /// Row version (concurrency token): bumped by every save and by the submission.
    public int RowVersion { get; private set; }

    /// <summary>Marks a change of the review (scores saved or submitted) for the concurrency check.</summary>
    public void Touch() => RowVersion++;

    public decimal Total => Items.Sum(i => i.Points ?? 0);
}

public sealed class CaseReviewItem
{
    public int Number { get; set; }
    public required string Category { get; set; }
    public required string Content { get; set; }
    public decimal MaxPoints { get; set; }
    /// <summary>Points given; null until scored.</summary>
    public decimal? Points { get; set; }
    /// <summary>Why points were taken off: required for any deduction, and carried into the rectification list.</summary>
    public string? Comment { get; set; }
}

/// <summary>Grades of a file's score (the mean of its submitted reviews).</summary>
public static class ReviewGrades
{
    /// 优秀
    public const string Excellent = "excellent";
    /// 良好
    public const string Good = "good";
    /// 合格
    public const string Pass = "pass";
    /// 不合格
    public const string Fail = "fail";

    public static readonly Common.CodeSet Codes = new((Excellent, "优秀"), (Good, "良好"), (Pass, "合格"), (Fail, "不合格"));

    public static readonly IReadOnlyList<string> All = Codes.Codes;

    public static string Label(string? code) => Codes.Label(code);

    public static string Of(decimal score) => score switch
    {
        >= 90 => Excellent,
        >= 75 => Good,
        >= 60 => Pass,
        _ => Fail,
    };
}
