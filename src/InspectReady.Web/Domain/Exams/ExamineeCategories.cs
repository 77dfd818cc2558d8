using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Exams;

/// <summary>
/// The three groups the inspectors test (indicator 65): 近两年新提拔领导干部, 行政执法人员, 初任公务员, derived from a
/// person's attributes and overridable by hand.
/// </summary>
public static class ExamineeCategories
{
    public const string NewLeader = "new_leader";
    public const string EnforcementOfficer = "enforcement_officer";
    public const string NewCivilServant = "new_civil_servant";

    public static readonly CodeSet Codes = new((NewLeader, "近两年新提拔领导干部"), (EnforcementOfficer, "行政执法人员"), (NewCivilServant, "初任公务员"));

    public static readonly IReadOnlyList<string> All = Codes.Codes;

    /// <summary>"Newly promoted" reaches back two years.</summary>
    public const int NewLeaderYears = 2;

    /// <summary>初任: in the civil service for less than a year (the probation year of a new civil servant).</summary>
    public const int NewCivilServantYears = 1;

    public static bool IsValid(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => Codes.Label(code);

    /// <summary>The code, its label, or a name as rosters write it (…提拔…, …执法…, 初任…, 新录用…).</summary>
    public static string? Parse(string? text)
    {
        var t = (text ?? "").Trim();
        if (Codes.Parse(t) is { } code)
        {
            return code;
        }
        return t switch
        {
            _ when t.Contains("提拔", StringComparison.Ordinal) || t.Contains("领导", StringComparison.Ordinal) => NewLeader,
            _ when t.Contains("执法", StringComparison.Ordinal) => EnforcementOfficer,
            _ when t.Contains("初任", StringComparison.Ordinal) || t.Contains("新录用", StringComparison.Ordinal) => NewCivilServant,
            _ => null,
        };
    }

    /// <summary>
    /// Derived: promoted within two years → new leader; a 执法证 still valid today (or without an end date) →
    /// enforcement officer; entered the civil service within a year → new civil servant.
    /// </summary>
    public static IReadOnlyList<string> Derive(DateOnly today, DateOnly? promotedOn, string? certificate, DateOnly? certificateValidUntil, DateOnly? enteredOn)
    {
        var list = new List<string>();
        if (promotedOn is { } p && p <= today && p > today.AddYears(-NewLeaderYears))
        {
            list.Add(NewLeader);
        }
        if (!string.IsNullOrWhiteSpace(certificate) && (certificateValidUntil is null || certificateValidUntil >= today))
        {
            list.Add(EnforcementOfficer);
        }
        if (enteredOn is { } e && e <= today && e > today.AddYears(-NewCivilServantYears))
        {
            list.Add(NewCivilServant);
        }
        return list;
    }
}
