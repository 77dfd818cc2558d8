namespace InspectReady.Web.Domain.Organisation;

/// 人员: a member of a unit with a role in the campaign
public sealed class Person
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// 职务
    public string? Position { get; set; }
    public required string CampaignRole { get; set; }
    public string? Mobile { get; set; }
    public string? OfficePhone { get; set; }
    /// 职级
    public string? Rank { get; set; }
    /// 最近一次提拔日期
    public DateOnly? PromotedOn { get; set; }
    /// 执法证号
    public string? EnforcementCertificate { get; set; }
    /// 执法证有效期至
    public DateOnly? CertificateValidUntil { get; set; }
    /// 进入公务员队伍日期
    public DateOnly? CivilServiceEntryOn { get; set; }
    /// <summary>考试人员类别 set by hand (codes of <c>ExamineeCategories</c>); null: derived from the attributes above.</summary>
    public List<string>? ExamCategories { get; set; }

    /// <summary>The categories in force: set by hand, or derived.</summary>
    public IReadOnlyList<string> CategoriesOn(DateOnly today) => ExamCategories
        ?? Exams.ExamineeCategories.Derive(today, PromotedOn, EnforcementCertificate, CertificateValidUntil, CivilServiceEntryOn);
}
