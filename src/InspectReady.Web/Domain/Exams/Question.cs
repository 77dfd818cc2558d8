namespace InspectReady.Web.Domain.Exams;

/// <summary>One option of a choice item: its letter and text.</summary>
public sealed record QuestionOption(string Key, string Text);

/// 采分点: a key point of a 简答/论述 answer and its share of the item's score.
public sealed record KeyPoint(string Text, decimal Weight);

/// <summary>
/// What an item asks and what counts as right: the part of a question a paper freezes when it is drawn, so editing
/// the question later never changes a paper already drawn.
/// </summary>
public sealed class QuestionContent
{
    public string Type { get; set; } = QuestionTypes.Single;
    public string Stem { get; set; } = "";
    public List<QuestionOption> Options { get; set; } = [];
    /// <summary>单选/多选: the correct letters ("ABD"); 判断: "true" or "false"; 简答/论述: the reference answer.</summary>
    public string Answer { get; set; } = "";
    /// <summary>填空: per blank, the accepted alternatives.</summary>
    public List<List<string>> Blanks { get; set; } = [];
    public List<KeyPoint> KeyPoints { get; set; } = [];
    public string? Explanation { get; set; }
}

/// 题库试题: a question of a region's bank, tagged with its statute.
public sealed class Question
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The region whose 创建办 keeps this bank.</summary>
    public Guid RegionId { get; set; }
    public string Type { get; set; } = QuestionTypes.Single;
    public required QuestionContent Content { get; set; }
    /// <summary>The stem again as a plain column, for search in the database.</summary>
    public string Stem { get; set; } = "";
    /// 来源: a <see cref="LawSources"/> code
    public required string Source { get; set; }
    /// 条款, e.g. 第三十六条; empty where no article is certain
    public string? Article { get; set; }
    /// 法律版本或施行日期, e.g. 2021年7月15日施行
    public string? LawVersion { get; set; }
    /// 1–5
    public int Difficulty { get; set; } = 3;
    public List<string> Tags { get; set; } = [];
    /// 示例: shipped with the product, not written by the district
    public bool IsSample { get; set; }
    /// 待复核: the law has a new version since the question was written
    public bool NeedsReview { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string DifficultyBand => Exams.Difficulty.BandOf(Difficulty);
}
