using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Features.Dashboards;

namespace InspectReady.UnitTests.Dashboards;

/// <summary>The figures the dashboards compute from the read model, against values counted by hand.</summary>
public sealed class DashboardFigureTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static TaskFigure Task(string status, int deadlineInDays, DateOnly? submitted = null, DateOnly? approved = null) =>
        new(Guid.NewGuid(), Guid.Empty, [1], true, status, Today.AddDays(deadlineInDays), 0, 0, 1, submitted, approved);

    [Fact]
    public void Counts_split_states_and_count_overdue_and_due_soon_only_for_tasks_in_the_units_hands()
    {
        var tasks = new[]
        {
            Task(FilingStatus.Draft, -1),            // overdue
            Task(FilingStatus.Draft, 0),             // due today: due soon
            Task(FilingStatus.Returned, 3),          // due soon (3 days)
            Task(FilingStatus.Returned, 4),          // neither
            Task(FilingStatus.AwaitingSignOff, -5),  // with the leader: not overdue
            Task(FilingStatus.Submitted, -5),
            Task(FilingStatus.Approved, 10),
        };
        var counts = DashboardHandler.Count(tasks, Today);
        Assert.Equal(new StatusCountsDto(7, 2, 1, 1, 2, 1, 2, 1, 2), counts);
        Assert.Equal(28.6, counts.Completion);
    }

    [Fact]
    public void Progress_accumulates_first_submissions_and_approvals_per_day_from_the_campaigns_start_to_today()
    {
        var start = Today.AddDays(-3);
        var tasks = new[]
        {
            Task(FilingStatus.Approved, 0, submitted: Today.AddDays(-2), approved: Today.AddDays(-1)),
            Task(FilingStatus.Submitted, 0, submitted: Today.AddDays(-2)),
            Task(FilingStatus.Returned, 0, submitted: Today),
            Task(FilingStatus.Draft, 0),
        };
        var points = DashboardHandler.Progress(tasks, start, Today);
        Assert.Equal(
            [(start, 0, 0, 0, 0), (Today.AddDays(-2), 2, 0, 2, 0), (Today.AddDays(-1), 2, 1, 0, 1), (Today, 3, 1, 1, 0)],
            points.Select(p => (p.Date, p.Submitted, p.Approved, p.SubmittedThatDay, p.ApprovedThatDay)));
    }

    [Fact]
    public void Progress_keeps_at_most_a_year_of_points_and_counts_earlier_moves_in_the_totals()
    {
        var tasks = new[] { Task(FilingStatus.Submitted, 0, submitted: Today.AddDays(-400)), Task(FilingStatus.Approved, 0, submitted: Today.AddDays(-10), approved: Today) };
        var points = DashboardHandler.Progress(tasks, Today.AddDays(-500), Today);
        Assert.Equal(366, points.Count);
        Assert.Equal(Today.AddDays(-365), points[0].Date);
        Assert.Equal((1, 0), (points[0].Submitted, points[0].Approved));
        Assert.Equal((2, 1, 0, 1), (points[^1].Submitted, points[^1].Approved, points[^1].SubmittedThatDay, points[^1].ApprovedThatDay));
    }

    [Fact]
    public void Progress_starts_at_a_move_made_before_the_campaigns_creation_day()
    {
        var points = DashboardHandler.Progress([Task(FilingStatus.Submitted, 0, submitted: Today.AddDays(-2))], Today, Today);
        Assert.Equal([Today.AddDays(-2), Today.AddDays(-1), Today], points.Select(p => p.Date));
    }
}
