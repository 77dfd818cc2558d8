using System.Text.Json;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Features.Exams.ImportQuestions;

namespace InspectReady.UnitTests.Exams;

public sealed class ExamGradingTests
{
    private static string J(object value) => JsonSerializer.Serialize(value);

    private static QuestionContent Choice(string type, string answer) => new()
    {
        Type = type, Stem = "题", Answer = answer, Options = [new("A", "甲"), new("B", "乙"), new("C", "丙"), new("D", "丁")],
    };

    [Fact]
    public void Single_choice_scores_only_the_one_key()
    {
        Assert.Equal(2, Grading.Grade(Choice(QuestionTypes.Single, "B"), 2, J("B"), MultipleScoring.AllOrNothing));
        Assert.Equal(2, Grading.Grade(Choice(QuestionTypes.Single, "B"), 2, J("b"), MultipleScoring.AllOrNothing));
        Assert.Equal(0, Grading.Grade(Choice(QuestionTypes.Single, "B"), 2, J("AB"), MultipleScoring.AllOrNothing));
        Assert.Equal(0, Grading.Grade(Choice(QuestionTypes.Single, "B"), 2, null, MultipleScoring.AllOrNothing));
    }

    [Fact]
    public void Multiple_choice_is_all_or_nothing_or_partial_per_exam()
    {
        var item = Choice(QuestionTypes.Multiple, "ABD");
        Assert.Equal(3, Grading.Grade(item, 3, J("DBA"), MultipleScoring.AllOrNothing));
        Assert.Equal(3, Grading.Grade(item, 3, J("A,B,D"), MultipleScoring.AllOrNothing));
        Assert.Equal(0, Grading.Grade(item, 3, J("AB"), MultipleScoring.AllOrNothing));
        Assert.Equal(2, Grading.Grade(item, 3, J("AB"), MultipleScoring.Partial));
        Assert.Equal(0, Grading.Grade(item, 3, J("ABC"), MultipleScoring.Partial));
        Assert.Equal(3, Grading.Grade(item, 3, J(new[] { "A", "B", "D" }), MultipleScoring.Partial));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"对\"", true)]
    [InlineData("\"正确\"", true)]
    [InlineData("false", false)]
    [InlineData("\"错\"", false)]
    [InlineData("\"错误\"", false)]
    public void True_false_accepts_booleans_and_chinese_words(string json, bool given)
    {
        var item = new QuestionContent { Type = QuestionTypes.TrueFalse, Answer = "true" };
        Assert.Equal(given ? 1 : 0, Grading.Grade(item, 1, json, MultipleScoring.AllOrNothing));
    }

    [Fact]
    public void Blanks_are_normalised_for_width_spaces_case_and_trailing_punctuation_and_share_the_score()
    {
        var item = new QuestionContent { Type = QuestionTypes.Blank, Blanks = [["全过程"], ["法制", "法制审核"]] };
        Assert.Equal(4, Grading.Grade(item, 4, J(new[] { " 全 过程。", "法制审核，" }), MultipleScoring.AllOrNothing));
        Assert.Equal(2, Grading.Grade(item, 4, J(new[] { "全过程", "法治" }), MultipleScoring.AllOrNothing));
        var number = new QuestionContent { Type = QuestionTypes.Blank, Blanks = [["5"]] };
        Assert.Equal(1, Grading.Grade(number, 1, J("５"), MultipleScoring.AllOrNothing));
        var latin = new QuestionContent { Type = QuestionTypes.Blank, Blanks = [["KR-20"]] };
        Assert.Equal(1, Grading.Grade(latin, 1, J("ｋｒ－２０ ．"), MultipleScoring.AllOrNothing));
        Assert.Equal("全过程", BlankText.Normalise("全　过 程！"));
    }

    [Fact]
    public void Short_and_essay_items_get_no_automatic_score()
    {
        Assert.Null(Grading.Grade(new QuestionContent { Type = QuestionTypes.Short }, 10, J("答"), MultipleScoring.AllOrNothing));
        Assert.Null(Grading.Grade(new QuestionContent { Type = QuestionTypes.Essay }, 20, J("答"), MultipleScoring.AllOrNothing));
    }

    [Fact]
    public void Double_grading_averages_within_tolerance_and_sends_disagreements_to_a_third_grader()
    {
        Assert.Equal(new SubjectiveGrading.Resolution(8, false, 1), SubjectiveGrading.Resolve([8], false, 0));
        Assert.Null(SubjectiveGrading.Resolve([8], true, 2).Score);
        Assert.Equal(7.5m, SubjectiveGrading.Resolve([8, 7], true, 2).Score);
        var apart = SubjectiveGrading.Resolve([9, 4], true, 2);
        Assert.True(apart.NeedsThirdGrader);
        Assert.Null(apart.Score);
        Assert.Equal(6, SubjectiveGrading.Resolve([9, 4, 6], true, 2).Score);
    }
}

public sealed class ExamBlueprintTests
{
    private static Question Q(string type, string source, int difficulty, int n) => new()
    {
        Type = type, Source = source, Difficulty = difficulty, Stem = $"题{n}",
        Content = new QuestionContent
        {
            Type = type, Stem = $"题{n}", Answer = type == QuestionTypes.Single ? "A" : "AB",
            Options = [new("A", $"对{n}"), new("B", $"二{n}"), new("C", $"错{n}"), new("D", $"四{n}")],
        },
    };

    private static readonly List<Question> Bank =
    [
        .. Enumerable.Range(1, 6).Select(i => Q(QuestionTypes.Single, LawSources.Penalty, 3, i)),
        .. Enumerable.Range(7, 4).Select(i => Q(QuestionTypes.Single, LawSources.Constitution, 1, i)),
        .. Enumerable.Range(11, 3).Select(i => Q(QuestionTypes.Multiple, LawSources.Penalty, 5, i)),
    ];

    [Fact]
    public void A_blueprint_the_bank_cannot_fill_names_each_cell_and_how_many_it_lacks()
    {
        var cells = new List<BlueprintCell>
        {
            new(QuestionTypes.Single, LawSources.Constitution, null, 6, 1),
            new(QuestionTypes.Multiple, null, Difficulty.Hard, 3, 2),
            new(QuestionTypes.Blank, null, null, 2, 1),
        };
        var lacking = Blueprints.Shortfalls(cells, Bank);
        Assert.Equal([new BlueprintShortfall("单项选择题 × 宪法", 2), new BlueprintShortfall("填空题", 2)], lacking.OrderBy(l => l.Cell).ToList());
    }

    [Fact]
    public void A_general_cell_does_not_take_the_questions_a_specific_cell_needs()
    {
        var cells = new List<BlueprintCell> { new(QuestionTypes.Single, null, null, 6, 1), new(QuestionTypes.Single, LawSources.Constitution, null, 4, 1) };
        Assert.Empty(Blueprints.Shortfalls(cells, Bank));
        var paper = Blueprints.Assemble(cells, Bank, 7);
        Assert.Equal(10, paper.Select(i => i.QuestionId).Distinct().Count());
        Assert.Equal(4, paper.Count(i => i.Cell == 1 && i.Source == LawSources.Constitution));
    }

    [Fact]
    public void Papers_are_reproducible_from_the_seed_and_differ_between_seeds_with_options_relettered()
    {
        var cells = new List<BlueprintCell> { new(QuestionTypes.Single, null, null, 8, 1), new(QuestionTypes.Multiple, null, null, 3, 2) };
        var a = Blueprints.Assemble(cells, Bank, 42);
        var again = Blueprints.Assemble(cells, Bank, 42);
        var b = Blueprints.Assemble(cells, Bank, 43);
        Assert.Equal(a.Select(i => i.QuestionId), again.Select(i => i.QuestionId));
        Assert.NotEqual(a.Select(i => i.QuestionId), b.Select(i => i.QuestionId));
        Assert.Equal([QuestionTypes.Single, QuestionTypes.Multiple], a.Select(i => i.Type).Distinct());
        foreach (var item in a.Concat(b))
        {
            var original = Bank.Single(q => q.Id == item.QuestionId);
            Assert.Equal(["A", "B", "C", "D"], item.Content.Options.Select(o => o.Key));
            var correctTexts = original.Content.Options.Where(o => original.Content.Answer.Contains(o.Key, StringComparison.Ordinal)).Select(o => o.Text).Order();
            var frozenTexts = item.Content.Options.Where(o => item.Content.Answer.Contains(o.Key, StringComparison.Ordinal)).Select(o => o.Text).Order();
            Assert.Equal(correctTexts, frozenTexts);
        }
        Assert.Contains(a.Concat(b), i => i.Content.Options[0].Text != Bank.Single(q => q.Id == i.QuestionId).Content.Options[0].Text);
    }

    [Fact]
    public void Questions_marked_for_review_are_left_out_of_new_papers()
    {
        var bank = Bank.Select(q => q).ToList();
        foreach (var q in bank.Where(q => q.Source == LawSources.Constitution))
        {
            q.NeedsReview = true;
        }
        var lacking = Blueprints.Shortfalls([new(QuestionTypes.Single, LawSources.Constitution, null, 1, 1)], bank);
        Assert.Equal(1, lacking.Single().Lacking);
        foreach (var q in bank)
        {
            q.NeedsReview = false;
        }
    }
}

public sealed class ExamItemStatisticsTests
{
    // Four examinees, three items of one point (hand-computed): facility .75/.5/.25, D = 1 for each (groups of one:
    // round(4 × 0.27) = 1), item variances .1875 + .25 + .1875 = .625, total variance 1.25, alpha = 3/2 × (1 − .5) = .75.
    private static readonly double[][] Matrix = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]];

    [Fact]
    public void Facility_discrimination_and_alpha_match_hand_computed_values()
    {
        var totals = Matrix.Select(r => r.Sum()).ToArray();
        Assert.Equal([0.75, 0.5, 0.25], Enumerable.Range(0, 3).Select(j => ItemStatistics.Facility([.. Matrix.Select(r => r[j])], 1)));
        Assert.All(Enumerable.Range(0, 3), j => Assert.Equal(1, ItemStatistics.Discrimination([.. Matrix.Select((r, i) => (totals[i], r[j]))], 1)));
        Assert.Equal(0.75, ItemStatistics.CronbachAlpha(Matrix)!.Value, 10);
    }

    [Fact]
    public void Discrimination_uses_the_upper_and_lower_27_percent()
    {
        // Ten examinees: groups of round(2.7) = 3. Top three score 1, 1, 0 on the item; bottom three 0, 0, 1: D = 2/3 − 1/3.
        double[] item = [1, 1, 0, 1, 1, 0, 0, 0, 0, 1];
        var pairs = item.Select((s, i) => ((double)(10 - i), s)).ToList();
        Assert.Equal(3, ItemStatistics.GroupSize(10));
        Assert.Equal(1.0 / 3, ItemStatistics.Discrimination(pairs, 1), 10);
    }
}

public sealed class ExamineeCategoryAndTrainingTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void Categories_are_derived_from_promotion_certificate_and_entry_dates()
    {
        Assert.Equal([ExamineeCategories.NewLeader], ExamineeCategories.Derive(Today, new DateOnly(2025, 3, 1), null, null, null));
        Assert.Empty(ExamineeCategories.Derive(Today, new DateOnly(2024, 11, 30), null, null, new DateOnly(2020, 1, 1)));
        Assert.Equal([ExamineeCategories.EnforcementOfficer], ExamineeCategories.Derive(Today, null, "41040001", new DateOnly(2027, 1, 1), null));
        Assert.Empty(ExamineeCategories.Derive(Today, null, "41040001", new DateOnly(2026, 11, 30), null));
        Assert.Equal([ExamineeCategories.NewCivilServant], ExamineeCategories.Derive(Today, null, null, null, new DateOnly(2026, 8, 1)));
    }

    [Fact]
    public void Enforcement_officers_need_forty_hours_a_year_and_leaders_two_lectures_and_a_hearing()
    {
        var records = new List<TrainingRules.Record>
        {
            new(new DateOnly(2026, 3, 1), TrainingKinds.Course, 24), new(new DateOnly(2026, 5, 1), TrainingKinds.Lecture, 4),
            new(new DateOnly(2026, 9, 1), TrainingKinds.Online, 10), new(new DateOnly(2025, 12, 30), TrainingKinds.Course, 8),
        };
        var required = TrainingRules.RequiredHours([ExamineeCategories.EnforcementOfficer]);
        Assert.Equal(40, required);
        var short38 = TrainingRules.Assess(records, 2026, required);
        Assert.Equal(38, short38.Hours);
        Assert.False(short38.Meets);
        records.Add(new(new DateOnly(2026, 10, 1), TrainingKinds.CourtHearing, 2));
        var met = TrainingRules.Assess(records, 2026, required);
        Assert.True(met.Meets);
        Assert.False(met.LeaderChecksMet);
        records.Add(new(new DateOnly(2026, 11, 1), TrainingKinds.Lecture, 2));
        Assert.True(TrainingRules.Assess(records, 2026, required).LeaderChecksMet);
        Assert.Equal(0, TrainingRules.RequiredHours([ExamineeCategories.NewCivilServant]));
        Assert.Equal(60, TrainingRules.RequiredHours([ExamineeCategories.EnforcementOfficer], new Dictionary<string, decimal> { [ExamineeCategories.EnforcementOfficer] = 60 }));
    }
}

public sealed class ExamQuestionImportTests
{
    [Fact]
    public void The_sample_bank_has_sixty_questions_across_the_eight_sources_labelled_as_samples()
    {
        var questions = ImportQuestionsHandler.SampleQuestions(Guid.NewGuid(), DateTime.UtcNow);
        Assert.True(questions.Count >= 60, $"{questions.Count} questions");
        Assert.Equal(LawSources.All.Select(s => s.Code).Order(), questions.Select(q => q.Source).Distinct().Order());
        Assert.All(questions, q => Assert.Equal("示例", q.Tags[0]));
        Assert.Equal(QuestionTypes.All.Order(), questions.Select(q => q.Type).Distinct().Order());
    }

    [Fact]
    public void The_word_layout_is_read_with_sections_stems_options_answers_and_explanations()
    {
        var errors = new List<ImportError>();
        var items = QuestionFiles.ReadText(
        [
            "一、单项选择题", "1、行政处罚的追责时效一般为（ ）。", "A．一年  B．二年", "C．三年　D．五年", "答案：B", "解析：第三十六条。", "来源：行政处罚法",
            "二、填空题", "来源：宪法", "1. 中华人民共和国的一切权力属于____。", "答案：人民",
            "三、判断题", "1、宪法是根本法。", "答案：正确", "来源：宪法",
        ], errors);
        Assert.Empty(errors);
        Assert.Equal(3, items.Count);
        var single = items[0].Draft;
        Assert.Equal(["A", "B", "C", "D"], single.Options.Select(o => o.Key));
        Assert.Equal("二年", single.Options[1].Text);
        Assert.Equal("B", single.Answer);
        Assert.Equal("宪法", items[1].Draft.Source);
        var built = new List<string>();
        Assert.NotNull(QuestionBuilder.Build(items[1].Draft, Guid.NewGuid(), DateTime.UtcNow, false, built));
        Assert.Empty(built);
    }

    [Fact]
    public void Each_bad_word_item_is_reported_with_its_number()
    {
        var errors = new List<ImportError>();
        var items = QuestionFiles.ReadText(["1、没有题型标题的题（ ）", "A．甲 B．乙", "答案：A", "来源：宪法"], errors);
        Assert.Contains(errors, e => e.Item == 1 && e.Message.Contains("没有题型标题", StringComparison.Ordinal));
        Assert.Single(items);
    }

    [Theory]
    [InlineData("单选", "A", "来源：无", "来源“来源：无”无法识别")]
    [InlineData("单选", "E", "宪法", "选项 E 不存在")]
    [InlineData("单选", "AB", "宪法", "只能有一个答案")]
    [InlineData("判断", "也许", "宪法", "判断题答案“也许”无效")]
    [InlineData("问卷", "A", "宪法", "题型“问卷”无法识别")]
    public void A_bad_draft_says_what_is_wrong(string type, string answer, string source, string message)
    {
        var d = new QuestionDraft { Where = "第2行", Type = type, Stem = "题干（ ）", Answer = answer, Source = source };
        d.Options.AddRange([new("A", "甲"), new("B", "乙")]);
        var errors = new List<string>();
        Assert.Null(QuestionBuilder.Build(d, Guid.NewGuid(), DateTime.UtcNow, false, errors));
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_blank_item_must_give_as_many_answers_as_it_has_blanks()
    {
        var d = new QuestionDraft { Where = "第3行", Type = "填空", Stem = "执法____记录制度和重大执法决定____审核制度", Answer = "全过程", Source = "纲要" };
        var errors = new List<string>();
        Assert.Null(QuestionBuilder.Build(d, Guid.NewGuid(), DateTime.UtcNow, false, errors));
        Assert.Contains("题干有2个空，答案给了1个", errors.Single(), StringComparison.Ordinal);
        d.Answer = "全过程；法制|法治";
        errors.Clear();
        var q = QuestionBuilder.Build(d, Guid.NewGuid(), DateTime.UtcNow, false, errors)!;
        Assert.Equal([["全过程"], ["法制", "法治"]], q.Content.Blanks);
    }
}
