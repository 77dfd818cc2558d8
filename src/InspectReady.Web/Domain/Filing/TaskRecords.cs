using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Filing;

/// 附件
public sealed class TaskAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TaskId { get; set; }
    public required string Sha256 { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// 佐证材料, or 汇编上级文件 (rule 3: a compiled higher-level document).
    public string Kind { get; set; } = AttachmentKinds.Evidence;
    public int? ItemIndex { get; set; }
    public DateTime UploadedAt { get; set; } = DateTime.UtcNow;
    public required string UploadedBy { get; set; }
}

public static class AttachmentKinds
{
    /// 佐证材料
    public const string Evidence = "evidence";
    /// 汇编上级文件 (注意事项三): the district may compile the higher level's rules instead of making its own.
    public const string HigherLevelCompilation = "higher_level_compilation";

    public static readonly IReadOnlyList<string> All = [Evidence, HigherLevelCompilation];

    public static readonly CodeSet Codes = new((Evidence, "佐证材料"), (HigherLevelCompilation, "汇编上级文件"));

    public static string Label(string? code) => Codes.Label(code);

    public static string? Parse(string? input) => Codes.Parse(input);
}

/// 流转记录: who moved the task, when, why.
public sealed class TaskTransition
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public required string From { get; set; }
    public required string To { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
    public required string UserName { get; set; }
    public string? Reason { get; set; }
    /// Reasons per checklist item when the office returns a filing.
    public Dictionary<int, string> ItemReasons { get; set; } = [];
    public DateOnly? NewDeadline { get; set; }
}

/// 报送版本: the filing as it was when the leader signed it off.
public sealed class TaskVersion
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public int Number { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
    public required string SignedOffBy { get; set; }
    public string? Statement { get; set; }
    public List<string> Links { get; set; } = [];
    public Dictionary<int, List<Dictionary<string, string>>> Lists { get; set; } = [];
    public bool NotApplicable { get; set; }
    public string? NotApplicableReason { get; set; }
    /// "sha256 filename" of each attachment.
    public List<string> Attachments { get; set; } = [];
}

public sealed class TaskComment
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
    public required string UserName { get; set; }
    public required string Text { get; set; }
}
