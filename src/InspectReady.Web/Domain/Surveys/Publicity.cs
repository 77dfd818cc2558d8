namespace InspectReady.Web.Domain.Surveys;

/// <summary>宣传活动: one publicity activity of a unit (营造氛围, 方案 四(三)), evidence for the filing.</summary>
public sealed class PublicityActivity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RegionId { get; set; }
    public Guid UnitId { get; set; }
    public DateOnly Date { get; set; }
    public required string Kind { get; set; }
    public required string Place { get; set; }
    /// <summary>The street (街道) where it took place.</summary>
    public string? Street { get; set; }
    /// <summary>覆盖人数: how many people it reached.</summary>
    public int Reach { get; set; }
    public string? Description { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public List<PublicityPhoto> Photos { get; set; } = [];
}

public sealed class PublicityPhoto
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActivityId { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public required string ContentType { get; set; }
}

/// <summary>The office's plan: how many activities a unit (or a street) is to hold.</summary>
public sealed class PublicityPlan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RegionId { get; set; }
    public Guid? UnitId { get; set; }
    public string? Street { get; set; }
    public int Target { get; set; }
}

public static class PublicityKinds
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["lecture"] = "法治讲座", ["street_stall"] = "街头宣传", ["media"] = "媒体宣传", ["online"] = "网络宣传",
        ["theme_event"] = "主题活动", ["door_to_door"] = "入户宣传", ["other"] = "其他",
    };

    public static bool IsValid(string? kind) => kind is not null && Labels.ContainsKey(kind);

    public static string Label(string kind) => Labels.GetValueOrDefault(kind, kind);
}
