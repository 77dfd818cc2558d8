using InspectReady.Web.Domain.Calendar;
using Microsoft.AspNetCore.Mvc;

namespace InspectReady.Web.Features.Calendar;

/// <summary>422 for a computation that reaches a year with no holiday data: it names the year and never guesses.</summary>
public static class MissingYearProblem
{
    public static IResult From(CalendarYearMissingException ex) => Results.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = $"缺少{ex.Year}年的节假日数据",
        Detail = ex.Message,
        Extensions = { ["missingYear"] = ex.Year },
    });
}
