using System.Diagnostics.CodeAnalysis;

namespace InspectReady.Web.Domain.Calendar;

/// <summary>Either a valid <see cref="HolidayYear"/> or the Chinese error messages explaining why the file was refused.</summary>
public sealed record HolidayYearParseResult(HolidayYear? Year, IReadOnlyList<string> Errors)
{
    [MemberNotNullWhen(true, nameof(Year))]
    public bool Succeeded => Year is not null;
}
