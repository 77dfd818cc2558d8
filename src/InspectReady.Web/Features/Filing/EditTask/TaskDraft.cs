namespace InspectReady.Web.Features.Filing.EditTask;

/// <summary>
/// The editor's working copy of a filing. It is taken from the saved task only when the page loads or saves, so an
/// upload or a refresh of the problems does not wipe what the liaison is typing; <see cref="Version"/> is the
/// version the copy was taken from, sent back on save so that a concurrent save is detected.
/// </summary>
internal sealed class TaskDraft
{
    public string? Statement { get; set; }
    public List<string> Links { get; } = [];
    public Dictionary<int, List<Dictionary<string, string>>> Lists { get; } = [];
    public bool NotApplicable { get; set; }
    public string? NotApplicableReason { get; set; }
    public int Version { get; set; }

    public static TaskDraft From(TaskDetailDto detail)
    {
        var draft = new TaskDraft
        {
            Statement = detail.Statement, NotApplicable = detail.NotApplicable, NotApplicableReason = detail.NotApplicableReason, Version = detail.Version,
        };
        draft.Links.AddRange(detail.Links);
        foreach (var item in detail.Checklist.Where(i => i.ListColumns is not null))
        {
            var rows = detail.Lists.GetValueOrDefault(item.Index) ?? [];
            // Every template column is present in every row, so the cells can bind to it.
            draft.Lists[item.Index] = [.. rows.Select(r => item.ListColumns!.ToDictionary(c => c, c => r.GetValueOrDefault(c) ?? ""))];
        }
        return draft;
    }

    public static Dictionary<string, string> EmptyRow(IReadOnlyList<string> columns) => columns.ToDictionary(c => c, _ => "");

    public DraftRequest ToRequest() => new(Statement, [.. Links], Lists.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => kv.Value),
        NotApplicable, NotApplicableReason, Version);
}
