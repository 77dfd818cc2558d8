namespace InspectReady.Web.Domain.Frameworks;

/// <summary>
/// Carries an indicator's materials from one edition to the next. Without a row the same number maps to the
/// same number; a row overrides that (ToNo null: the indicator has no successor).
/// </summary>
public sealed class FrameworkMapping
{
    public Guid FromFrameworkId { get; set; }
    public Guid ToFrameworkId { get; set; }
    public int FromNo { get; set; }
    public int? ToNo { get; set; }
}
