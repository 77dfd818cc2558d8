namespace InspectReady.Web.Domain.CaseFiles.Reviews;

/// <summary>评查标准: the scored items reviewers apply to files of one kind. One template per kind.</summary>
public sealed class ReviewTemplate
{
    public const int TotalPoints = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public List<ReviewTemplateItem> Items { get; set; } = [];
    public bool IsBuiltIn { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public required string UpdatedBy { get; set; }
}

/// <param name="Category">评查方面: 执法主体, 执法程序, 证据, 法律适用, 文书, 归档, 三项制度 …</param>
public sealed class ReviewTemplateItem
{
    public int Number { get; set; }
    public required string Category { get; set; }
    public required string Content { get; set; }
    public decimal MaxPoints { get; set; }
}

public static class ReviewTemplateRules
{
    /// <summary>Problems with a template's items, in Chinese, naming the item by its number.</summary>
    public static List<(int? Item, string Field, string Message)> Validate(string? name, IReadOnlyList<(string? Category, string? Content, decimal? MaxPoints)> items)
    {
        var problems = new List<(int?, string, string)>();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add((null, "name", "评查标准名称不能为空"));
        }
        if (items.Count == 0)
        {
            problems.Add((null, "items", "评查标准至少应有一个评查项目"));
        }
        for (var i = 0; i < items.Count; i++)
        {
            var (category, content, points) = items[i];
            if (string.IsNullOrWhiteSpace(category))
            {
                problems.Add((i + 1, "category", $"第{i + 1}项：评查方面不能为空"));
            }
            if (string.IsNullOrWhiteSpace(content))
            {
                problems.Add((i + 1, "content", $"第{i + 1}项：评查内容不能为空"));
            }
            if (points is not > 0 || points > ReviewTemplate.TotalPoints || decimal.Round(points.Value, 1) != points)
            {
                problems.Add((i + 1, "maxPoints", $"第{i + 1}项：分值“{points}”无效，应为大于0、不超过{ReviewTemplate.TotalPoints}的数，最多一位小数"));
            }
        }
        var total = items.Sum(i => i.MaxPoints ?? 0);
        if (items.Count > 0 && total != ReviewTemplate.TotalPoints)
        {
            problems.Add((null, "items", $"各项分值合计为{total}分，应为{ReviewTemplate.TotalPoints}分"));
        }
        return problems;
    }
}
