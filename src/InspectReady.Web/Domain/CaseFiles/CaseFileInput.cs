namespace InspectReady.Web.Domain.CaseFiles;

/// <summary>A case as typed into the form, the API or a spreadsheet row: text to be read by <see cref="CaseFileReader"/>.</summary>
public sealed record CaseFileInput(IReadOnlyDictionary<string, string?> Values)
{
    public string Text(CaseField field) => Values.TryGetValue(field.Key, out var v) ? v?.Trim() ?? "" : "";
}

/// <summary>A problem with one field: its key (API) and the message in Chinese, naming the field as the user sees it.</summary>
public sealed record CaseFieldProblem(CaseField Field, string Message);
