namespace InspectReady.Web.Domain.Exams;

/// <summary>A cell the bank cannot fill: its name and how many questions it lacks.</summary>
public sealed record BlueprintShortfall(string Cell, int Lacking);

/// <summary>
/// Blueprint rules: the check that the bank can fill every cell without using a question twice, and the paper each
/// examinee gets (questions drawn per cell with the examinee's seed, sections in type order, questions and options
/// shuffled, all frozen). Cells are filled most-constrained first (the fewest eligible questions), so a general
/// cell (单选 of any source) does not take the questions a specific one (单选 × 宪法) needs.
/// </summary>
public static class Blueprints
{
    public const int MaxItems = 300;

    public static IReadOnlyList<string> Validate(IReadOnlyList<BlueprintCell> cells)
    {
        var errors = new List<string>();
        if (cells.Count == 0)
        {
            errors.Add("组卷规则（blueprint）不能为空");
        }
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            var where = $"组卷规则第{i + 1}项";
            if (!QuestionTypes.IsValid(c.Type))
            {
                errors.Add($"{where}：题型“{c.Type}”无效，只能是 {string.Join("、", QuestionTypes.All)}");
            }
            if (c.Source is not null && !LawSources.IsValid(c.Source))
            {
                errors.Add($"{where}：来源“{c.Source}”无效，只能是 {string.Join("、", LawSources.All.Select(s => s.Code))}");
            }
            if (c.Difficulty is not null && !Difficulty.Bands.Contains(c.Difficulty))
            {
                errors.Add($"{where}：难度“{c.Difficulty}”无效，只能是 easy、medium、hard");
            }
            if (c.Count < 1)
            {
                errors.Add($"{where}：题量应至少为1");
            }
            if (c.Score <= 0)
            {
                errors.Add($"{where}：每题分值应大于0");
            }
        }
        if (cells.Sum(c => Math.Max(0, c.Count)) > MaxItems)
        {
            errors.Add($"组卷规则合计题量超过{MaxItems}题");
        }
        return errors;
    }

    /// <summary>The cells the bank cannot satisfy (empty: every examinee can get a full paper).</summary>
    public static IReadOnlyList<BlueprintShortfall> Shortfalls(IReadOnlyList<BlueprintCell> cells, IReadOnlyList<Question> bank)
    {
        var usable = bank.Where(q => !q.NeedsReview).ToList();
        var used = new HashSet<Guid>();
        var shortfalls = new List<BlueprintShortfall>();
        foreach (var i in FillOrder(cells, usable))
        {
            var free = usable.Where(q => cells[i].Admits(q) && !used.Contains(q.Id)).Take(cells[i].Count).ToList();
            used.UnionWith(free.Select(q => q.Id));
            if (free.Count < cells[i].Count)
            {
                shortfalls.Add(new(cells[i].Name, cells[i].Count - free.Count));
            }
        }
        return shortfalls;
    }

    /// <summary>An examinee's paper from the bank, reproducible from <paramref name="seed"/>.</summary>
    public static List<PaperItem> Assemble(IReadOnlyList<BlueprintCell> cells, IReadOnlyList<Question> bank, long seed)
    {
        var random = new SeededRandom(seed);
        var usable = bank.Where(q => !q.NeedsReview).OrderBy(q => q.Id).ToList();
        var used = new HashSet<Guid>();
        var chosen = new List<(int Cell, Question Question)>();
        foreach (var i in FillOrder(cells, usable))
        {
            var pool = usable.Where(q => cells[i].Admits(q) && !used.Contains(q.Id)).ToList();
            if (pool.Count < cells[i].Count)
            {
                throw new InvalidOperationException($"题库不足以满足“{cells[i].Name}”");
            }
            foreach (var q in random.Take(pool, cells[i].Count))
            {
                used.Add(q.Id);
                chosen.Add((i, q));
            }
        }
        var items = new List<PaperItem>();
        foreach (var type in QuestionTypes.All)
        {
            foreach (var (cell, q) in random.Shuffle([.. chosen.Where(c => c.Question.Type == type)]))
            {
                items.Add(new PaperItem
                {
                    Position = items.Count + 1, QuestionId = q.Id, Type = q.Type, Source = q.Source, Score = cells[cell].Score, Cell = cell,
                    Content = Freeze(q.Content, random),
                });
            }
        }
        return items;
    }

    /// <summary>A copy of the content with the options in a new order, relettered A, B, C …, and the answer relettered with them.</summary>
    public static QuestionContent Freeze(QuestionContent content, SeededRandom random)
    {
        var copy = new QuestionContent
        {
            Type = content.Type, Stem = content.Stem, Answer = content.Answer, Explanation = content.Explanation,
            Blanks = [.. content.Blanks.Select(b => b.ToList())], KeyPoints = [.. content.KeyPoints],
        };
        if (!QuestionTypes.HasOptions(content.Type))
        {
            copy.Options = [.. content.Options];
            return copy;
        }
        var shuffled = random.Shuffle(content.Options);
        var correct = Grading.Keys(content.Answer);
        var newKeys = new List<char>();
        for (var i = 0; i < shuffled.Count; i++)
        {
            var key = ((char)('A' + i)).ToString();
            copy.Options.Add(new QuestionOption(key, shuffled[i].Text));
            if (correct.Contains(shuffled[i].Key, StringComparison.Ordinal))
            {
                newKeys.Add(key[0]);
            }
        }
        copy.Answer = new string([.. newKeys.Order()]);
        return copy;
    }

    private static IEnumerable<int> FillOrder(IReadOnlyList<BlueprintCell> cells, IReadOnlyList<Question> bank) =>
        Enumerable.Range(0, cells.Count).OrderBy(i => bank.Count(cells[i].Admits)).ThenBy(i => i);
}
