namespace InspectReady.Web.Domain.Surveys;

/// <summary>满意度调查: the district's own pre-assessment, built and read by the region's 创建办.</summary>
public sealed class Survey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RegionId { get; set; }
    public required string Title { get; set; }
    public SurveyDesign Design { get; set; } = new();
    public string Status { get; private set; } = SurveyStatus.Draft;
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? PublishedAt { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => Status == SurveyStatus.Open;

    public void Publish(DateTime at)
    {
        if (Status == SurveyStatus.Draft)
        {
            PublishedAt = at;
        }
        Status = SurveyStatus.Open;
        Version = Guid.NewGuid();
    }

    public void Close()
    {
        Status = SurveyStatus.Closed;
        Version = Guid.NewGuid();
    }
}

/// <summary>A public link (and its QR code): open to anyone, optionally fixed to one group and/or area.</summary>
public sealed class SurveyLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SurveyId { get; set; }
    public required string Token { get; set; }
    public string? Group { get; set; }
    public string? Area { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>邀请码 of a closed sample: good for one response.</summary>
public sealed class SurveyInvitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SurveyId { get; set; }
    public required string Code { get; set; }
    public string? Group { get; set; }
    public string? Area { get; set; }
    /// <summary>The day it was used (the response itself does not name its invitation).</summary>
    public DateOnly? UsedOn { get; set; }
}

/// <summary>
/// One response. It keeps the day only (no time), and neither the client's address nor its user agent, nor which
/// invitation or call it came from: nothing that leads back to a person.
/// </summary>
public sealed class SurveyResponse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SurveyId { get; set; }
    public DateOnly Day { get; set; }
    public required string Channel { get; set; }
    public string? Group { get; set; }
    public string? Area { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>One number of the drawn telephone call list and the outcome of its call.</summary>
public sealed class SurveyCall
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SurveyId { get; set; }
    public int Position { get; set; }
    public required string Phone { get; set; }
    public string? Group { get; set; }
    public string? Area { get; set; }
    public string? Outcome { get; set; }
    public int Attempts { get; set; }
    public string? CalledBy { get; set; }
    public DateTime? CalledAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>整改台账: a comment coded by the office into an item the responsible unit must act on.</summary>
public sealed class SurveyRectification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SurveyId { get; set; }
    public Guid UnitId { get; set; }
    public string? Topic { get; set; }
    public string? Area { get; set; }
    /// <summary>The respondent's comment the item was coded from.</summary>
    public string? Comment { get; set; }
    public required string Problem { get; set; }
    public DateOnly Deadline { get; set; }
    public string State { get; private set; } = SurveyRectificationStates.Open;
    public string? Response { get; private set; }
    public required string IssuedBy { get; set; }
    public DateTime IssuedAt { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOverdue(DateOnly today) => State == SurveyRectificationStates.Open && today > Deadline;

    /// <summary>Moves to <paramref name="state"/>; the unit reports done (with what it did), the office confirms or reopens.</summary>
    public string? MoveTo(string state, string? response, bool byOffice, bool byUnit)
    {
        switch (state)
        {
            case SurveyRectificationStates.Done when byUnit && State == SurveyRectificationStates.Open:
                if (string.IsNullOrWhiteSpace(response))
                {
                    return "请写明整改情况（response）";
                }
                Response = response.Trim();
                break;
            case SurveyRectificationStates.Confirmed when byOffice && State == SurveyRectificationStates.Done:
            case SurveyRectificationStates.Open when byOffice && State == SurveyRectificationStates.Done:
                break;
            default:
                return $"整改事项当前为“{SurveyRectificationStates.Label(State)}”，不能改为“{SurveyRectificationStates.Label(state)}”";
        }
        State = state;
        Version = Guid.NewGuid();
        return null;
    }
}
