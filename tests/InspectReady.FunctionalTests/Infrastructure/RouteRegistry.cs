using System.Globalization;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>
/// What the access enumeration (ADR 0018) puts into each route: the world's id for every path parameter, known
/// by the literal segment before it and its name, values for query parameters, and the unsafe calls a seat is
/// meant to make (which the test therefore does not make). A route whose parameter is not registered here fails
/// the test, so a new route cannot escape the check.
/// </summary>
public static class RouteRegistry
{
    /// <summary>(segment before the parameter, parameter name in lower case) → the values the route is called with.</summary>
    public static IReadOnlyDictionary<(string Segment, string Name), string[]> PathValues(AccessWorld w) => new Dictionary<(string, string), string[]>
    {
        [("units", "id")] = [G(w.UnitX)],
        [("units", "unitid")] = [G(w.UnitX)],
        [("people", "id")] = [G(w.Person)],
        [("users", "id")] = [G(w.LiaisonXUser)],
        [("frameworks", "id")] = [G(w.Framework)],
        [("indicators", "no")] = ["1", "2"],
        [("campaigns", "id")] = [G(w.Campaign)],
        [("campaigns", "campaignid")] = [G(w.Campaign)],
        [("statements", "no")] = ["1", "2"],
        [("tasks", "id")] = [G(w.StatementTask), G(w.ListTask)],
        [("lists", "item")] = ["1"],
        [("attachments", "id")] = [G(w.Attachment)],
        [("notifications", "id")] = [w.Notification.ToString(CultureInfo.InvariantCulture)],
        [("jobs", "id")] = [G(w.Job)],
        [("case-files", "id")] = [G(w.CaseFile)],
        [("draws", "id")] = [G(w.Draw)],
        [("templates", "kind")] = ["行政处罚"],
        [("rectifications", "id")] = [G(w.Rectification)],
        [("notices", "id")] = [G(w.Notice)],
        [("items", "index")] = ["0"],
        [("years", "year")] = ["2021"],
        [("days", "date")] = ["2021-10-08"],
        // Surveys belong to a region's office; no seat of the enumeration is one, so an id of none answers 404 to every seat.
        [("surveys", "id")] = [NoSurvey],
        [("links", "linkid")] = [NoSurvey],
        [("calls", "callid")] = [NoSurvey],
        [("activities", "id")] = [NoSurvey],
        [("photos", "photoid")] = [NoSurvey],
        // The public survey path is anonymous: an unknown token answers 404.
        [("surveys", "token")] = ["no-such-survey-token"],
        [("s", "token")] = ["no-such-survey-token"],
        [("exams", "id")] = [G(w.Exam)],
        [("examinees", "examineeid")] = [G(w.Examinee)],
        [("grading", "itemid")] = [G(w.PaperItem)],
        [("answers", "itemid")] = [G(w.PaperItem)],
        [("questions", "id")] = [G(w.Question)],
        [("events", "id")] = [G(w.TrainingEvent)],
    };

    private static readonly string NoSurvey = "0197d2a4-0000-7000-8000-000000000013";

    /// <summary>Query parameters by name (and schema format where a name means two things); unknown optional ones are left out.</summary>
    public static string? QueryValue(AccessWorld w, string name, string? format) => (name, format) switch
    {
        ("unitId", _) => G(w.UnitX),
        ("reveal", _) => "true",
        ("from", "uuid") => G(w.Framework),
        ("from", _) => "2021-06-01",
        ("to", _) => "2021-06-30",
        ("date", _) => "2021-10-08",
        ("days", _) => "5",
        ("year", _) => "2021",
        ("month", _) => "6",
        ("a", _) => "1",
        ("b", _) => "2",
        ("name", _) => w.UnitXName,
        ("kind", _) => "行政处罚",
        ("item", _) => "1",
        ("indicatorNo", _) => "1",
        _ => null,
    };

    /// <summary>
    /// A seat's own account (sign-in, password, second factor, reminder address): under /api/v1/auth and /api/v1/me
    /// an unsafe call changes only the caller, so no seat is expected to be refused.
    /// </summary>
    public static bool IsOwnAccount(string template) =>
        template.StartsWith("/api/v1/auth/", StringComparison.Ordinal) || template == "/api/v1/me" || template.StartsWith("/api/v1/me/", StringComparison.Ordinal);

    /// <summary>
    /// Unsafe calls that are a seat's work (系统管理员 keeps regions, units, people, accounts and the reference data;
    /// 安全管理员 grants roles, sets the security policy, unlocks accounts and resets authenticators). Everything else unsafe must answer 403 or 404.
    /// </summary>
    public static bool IsPermitted(Seat seat, string method, string template, string path)
    {
        var call = $"{method} {template}";
        if (IsOwnAccount(template))
        {
            return true;
        }
        // The public survey response is anonymous by design (issue 13): every seat, signed in or not, may answer.
        if (call == "POST /api/v1/public/surveys/{token}/responses")
        {
            return true;
        }
        // An examinee exchanges an access code for a token without an account; every seat may try (a wrong code is 400).
        if (call == "POST /api/v1/exams/access")
        {
            return true;
        }
        // A unit's liaison bulk-edits the exam attributes of its own unit's people (other units' rows are refused by name).
        if (call == "POST /api/v1/exams/people/import" && seat is Seat.OtherLiaison or Seat.PeerLiaison)
        {
            return true;
        }
        // A unit's liaison or leader imports case files into their own unit when no unitId names another.
        if (call == "POST /api/v1/case-files/import" && !path.Contains("unitId=", StringComparison.Ordinal)
            && seat is Seat.OtherLiaison or Seat.OtherLeader or Seat.PeerLiaison)
        {
            return true;
        }
        // A package is built from what its requester may read: a unit's users get their own unit's part, 督查 its
        // region's (read-only: the job writes no filing). Its download is checked by the job's own policy.
        if (call == "POST /api/v1/campaigns/{id}/packages" && seat is Seat.OtherLiaison or Seat.OtherLeader or Seat.PeerLiaison or Seat.Inspector)
        {
            return true;
        }
        return seat switch
        {
            Seat.SystemAdmin => SystemAdminWork.Contains(call) || template.StartsWith("/api/v1/calendar/years", StringComparison.Ordinal),
            // 安全管理员 also unlocks accounts and resets a lost authenticator (ADR 0015).
            Seat.SecurityAdmin => call is "PUT /api/v1/users/{id}/roles" or "POST /api/v1/users/{id}/reset-totp" or "POST /api/v1/users/{id}/unlock"
                || template.StartsWith("/api/v1/security", StringComparison.Ordinal),
            // A 评查员 scores the case files of a current draw (ADR 0104).
            Seat.Reviewer => call == "PUT /api/v1/case-files/{id}/review",
            _ => false,
        };
    }

    private static readonly HashSet<string> SystemAdminWork =
    [
        "POST /api/v1/regions", "POST /api/v1/units", "PUT /api/v1/units/{id}", "DELETE /api/v1/units/{id}",
        "POST /api/v1/people", "PUT /api/v1/people/{id}", "DELETE /api/v1/people/{id}", "POST /api/v1/organisation/import",
        "POST /api/v1/users", "PUT /api/v1/users/{id}", "POST /api/v1/users/{id}/disable", "POST /api/v1/users/{id}/enable",
        "POST /api/v1/users/{id}/reset-password", "POST /api/v1/users/{id}/unlock", "PUT /api/v1/users/{id}/region",
        "PUT /api/v1/frameworks/{id}/indicators/{no}/material-items", "POST /api/v1/frameworks/import", "PUT /api/v1/frameworks/{id}/mapping",
        "POST /api/v1/reminders/sweep",
    ];

    /// <summary>The markers a seat may meet. 督查 reads filings, so only its unsafe calls are checked.</summary>
    public static bool MaySee(Seat seat, MarkerKind kind) => (seat, kind) switch
    {
        (Seat.Inspector, _) => true,
        // 系统管理员 keeps the people records: it sees names, never a full mobile number.
        (Seat.SystemAdmin, MarkerKind.PersonName) => true,
        // 评查员 score the case files of a current draw, whichever unit they belong to.
        (Seat.Reviewer, MarkerKind.CaseFile) => true,
        _ => false,
    };

    private static string G(Guid id) => id.ToString();
}
