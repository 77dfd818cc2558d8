using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;

namespace InspectReady.Web.Features.Dashboards;

/// <summary>
/// Counts of tasks by state. Filed = reached the office (已报送 or 已通过); Overdue and DueSoon count the tasks still
/// in the unit's hands (草稿, 退回) past their deadline or within the next days.
/// </summary>
public sealed record StatusCountsDto(int Tasks, int Draft, int AwaitingSignOff, int Submitted, int Returned, int Approved, int Filed, int Overdue,
    int DueSoon)
{
    /// <summary>Share of tasks filed, 0–100, one decimal.</summary>
    public double Completion => Tasks == 0 ? 0 : Math.Round(100.0 * Filed / Tasks, 1);
}

/// <param name="Code">The method's code on a row of <c>byMethod</c> (its <c>name</c> is the label); null on other rows.</param>
public sealed record BreakdownRowDto(string Name, StatusCountsDto Counts, string? Code = null);

public sealed record UnitRankDto(int Rank, Guid UnitId, string UnitName, StatusCountsDto Counts);

public sealed record DashboardOverviewDto(Guid CampaignId, string CampaignName, DateOnly Today, int DueSoonDays, Guid? UnitId, StatusCountsDto Totals,
    IReadOnlyList<BreakdownRowDto> ByLevel1, IReadOnlyList<BreakdownRowDto> ByMethod, IReadOnlyList<UnitRankDto> Units);

public sealed record MatrixUnitDto(Guid Id, string Name);

/// <summary>One indicator row; <see cref="Level1"/> indexes <see cref="MatrixDto.Level1"/>.</summary>
public sealed record MatrixRowDto(int No, string Text, int Level1);

/// <summary>
/// The indicator × unit matrix, compact (ADR 0023): units, 一级指标 and states are listed once and referenced by index.
/// <see cref="Tasks"/>[i] = [unit index, state index into <see cref="Statuses"/>, flags (1 overdue, 2 牵头)] of the
/// task <see cref="TaskIds"/>[i]; <see cref="Cells"/> = [row index, task index], one per indicator and unit that has a
/// task (a group's task fills the cell of each of its indicators); a missing cell means no task.
/// </summary>
public sealed record MatrixDto(Guid CampaignId, DateOnly Today, IReadOnlyList<string> Statuses, IReadOnlyList<string> Level1,
    IReadOnlyList<MatrixUnitDto> Units, IReadOnlyList<MatrixRowDto> Rows, IReadOnlyList<Guid> TaskIds, IReadOnlyList<int[]> Tasks,
    IReadOnlyList<int[]> Cells)
{
    public const int Overdue = 1;
    public const int Lead = 2;
}

public sealed record DeadlineTaskDto(Guid TaskId, Guid UnitId, string UnitName, IReadOnlyList<int> IndicatorNos, bool IsLead, string Status,
    DateOnly Deadline, int DaysLeft, bool Overdue, int ReturnCount)
{
    public string StatusLabel => FilingStatus.Label(Status);
}

public sealed record DeadlinesDto(Guid CampaignId, DateOnly Today, int Days, IReadOnlyList<DeadlineTaskDto> Overdue, IReadOnlyList<DeadlineTaskDto> DueSoon);

/// <summary>Tasks that had reached the office (submitted) and been approved by the end of a day, and how many that day.</summary>
public sealed record ProgressPointDto(DateOnly Date, int Submitted, int Approved, int SubmittedThatDay, int ApprovedThatDay);

public sealed record ProgressDto(Guid CampaignId, int Tasks, IReadOnlyList<ProgressPointDto> Days);

public sealed record UnitDashboardDto(Guid CampaignId, Guid UnitId, string UnitName, DateOnly Today, StatusCountsDto Totals, int Rank, int RankOf,
    IReadOnlyList<BreakdownRowDto> ByLevel1, IReadOnlyList<DeadlineTaskDto> Tasks);
