using InspectReady.Web.Domain.Surveys;
using InspectReady.Web.Features.Surveys.Build;

namespace InspectReady.UnitTests.Surveys;

public sealed class SurveyDraftTests
{
    [Fact]
    public void Example_template_goes_through_the_form_and_back_unchanged()
    {
        var example = SurveysHandler.Example();
        var (request, errors) = SurveyDraft.From(example).ToRequest();
        Assert.Empty(errors);
        Assert.Equal(example.Questions!.Count, request!.Questions!.Count);
        for (var i = 0; i < example.Questions.Count; i++)
        {
            var (a, b) = (example.Questions[i], request.Questions[i]);
            Assert.Equal((a.Type, a.Text, a.Topic, a.Weight ?? 1), (b.Type, b.Text, b.Topic, b.Weight));
            Assert.Equal(a.ShowIf?.Question, b.ShowIf?.Question);
            Assert.Equal(a.ShowIf?.Values.Order(StringComparer.Ordinal), b.ShowIf?.Values.Order(StringComparer.Ordinal));
            Assert.Equal(a.Options, b.Options);
        }
        Assert.Null(request.ScaleScores);
        Assert.Equal(example.Groups, request.Groups);
    }

    [Fact]
    public void Moving_a_question_keeps_its_follow_up_pointing_at_it_and_removing_it_frees_the_follow_up()
    {
        var draft = new SurveyDraft
        {
            Title = "t",
            Questions =
            [
                new QuestionDraft { Type = QuestionTypes.Text, Text = "a" },
                new QuestionDraft { Type = QuestionTypes.Scale5, Text = "b" },
                new QuestionDraft { Type = QuestionTypes.Text, Text = "why", ShowIfQuestion = 1, ShowIfValues = ["不满意"] },
            ],
        };
        draft.Move(1, 0);
        Assert.Equal(["b", "a", "why"], draft.Questions.Select(q => q.Text));
        Assert.Equal(0, draft.Questions[2].ShowIfQuestion);
        draft.Remove(0);
        Assert.Equal(-1, draft.Questions[1].ShowIfQuestion);
        Assert.Empty(draft.Questions[1].ShowIfValues);
    }

    [Fact]
    public void Form_errors_name_the_question_and_the_field()
    {
        var draft = new SurveyDraft
        {
            Title = "t",
            Questions =
            [
                new QuestionDraft { Type = QuestionTypes.Scale5, Text = "a", Weight = "二" },
                new QuestionDraft { Type = QuestionTypes.Text, Text = "why", ShowIfQuestion = 0, Indicators = "3, x" },
            ],
            ScaleScores = "100, 80, 60",
        };
        var (request, errors) = draft.ToRequest();
        Assert.Null(request);
        Assert.Contains(errors, e => e.StartsWith("第1题权重", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第2题对应指标", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第2题追问条件", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("五级量表分值", StringComparison.Ordinal));
    }
}
