namespace InspectReady.Web.Domain.CaseFiles.Sampling;

/// <summary>
/// 抽查记录: one draw of case files of a unit and kind, kept for good: who drew, when, with which seed, from
/// which population (in the order drawn from), and what came out. A redo is a new draw that names the one it
/// replaces and why; the replaced draw stays, marked as superseded.
/// </summary>
public sealed class SamplingDraw
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public required string Kind { get; set; }
    public int Requested { get; set; }
    public long Seed { get; set; }
    /// <summary>Only files decided in this window were in the population, when given.</summary>
    public DateOnly? DecidedFrom { get; set; }
    public DateOnly? DecidedTo { get; set; }
    /// <summary>The population's case ids in the order the draw ran over, comma-separated.</summary>
    public required string Population { get; set; }
    public List<SamplingDrawItem> Items { get; set; } = [];
    public Guid? DrawnById { get; set; }
    public required string DrawnBy { get; set; }
    public DateTime DrawnAt { get; set; } = DateTime.UtcNow;
    /// <summary>The draw this one replaces, and why it was redone.</summary>
    public Guid? Replaces { get; set; }
    public string? RedoReason { get; set; }
    public Guid? SupersededBy { get; set; }

    public IReadOnlyList<Guid> PopulationIds() =>
        Population.Length == 0 ? [] : [.. Population.Split(',').Select(Guid.Parse)];
}

public sealed class SamplingDrawItem
{
    public int Position { get; set; }
    public Guid CaseFileId { get; set; }
}
