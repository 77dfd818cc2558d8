using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace InspectReady.E2ETests;

/// <summary>A page of the product: its route template, the path the smoke test opens, and how it renders.</summary>
public sealed record PageRoute(string Template, string? Path, bool Interactive, string Component);

/// <summary>
/// Every page route of the Web assembly, found from the components' <see cref="RouteAttribute"/>s (what <c>@page</c>
/// compiles to), so a new page is opened by the smoke test without anyone listing it. A route with parameters needs a
/// value below; one without is reported (the smoke test fails on it) so that whoever adds the page registers one.
/// </summary>
public static class PageRoutes
{
    /// <summary>Route template → the path to open, from the demo campaign.</summary>
    private static readonly Dictionary<string, Func<DemoIds, string>> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/tasks/{Id:guid}"] = d => $"/tasks/{d.TaskId}",
        ["/campaigns/{CampaignId:guid}/tasks"] = d => $"/campaigns/{d.CampaignId}/tasks",
        ["/case-files/{Id:guid}"] = d => $"/case-files/{d.CaseFileId}",
        ["/case-files/{Id:guid}/review"] = d => $"/case-files/{d.CaseFileId}/review",
        ["/campaigns/{CampaignId:guid}/dashboard"] = d => $"/campaigns/{d.CampaignId}/dashboard",
        ["/campaigns/{CampaignId:guid}/dashboard/matrix"] = d => $"/campaigns/{d.CampaignId}/dashboard/matrix",
        ["/campaigns/{CampaignId:guid}/dashboard/progress"] = d => $"/campaigns/{d.CampaignId}/dashboard/progress",
        ["/campaigns/{CampaignId:guid}/dashboard/deadlines"] = d => $"/campaigns/{d.CampaignId}/dashboard/deadlines",
        ["/campaigns/{CampaignId:guid}/dashboard/units/{UnitId:guid}"] = d => $"/campaigns/{d.CampaignId}/dashboard/units/{d.UnitId}",
        ["/campaigns/{CampaignId:guid}/supervision"] = d => $"/campaigns/{d.CampaignId}/supervision",
        ["/supervision/notices/{Id:guid}"] = d => $"/supervision/notices/{d.NoticeId}",
        ["/campaigns/{Id:guid}/outputs"] = d => $"/campaigns/{d.CampaignId}/outputs",
        ["/frameworks/{Id:guid}"] = d => $"/frameworks/{d.FrameworkId}",
        ["/frameworks/{Id:guid}/indicators"] = d => $"/frameworks/{d.FrameworkId}/indicators",
        // 34: an indicator of a merged materials group (第34–46项).
        ["/frameworks/{Id:guid}/indicators/{No:int}"] = d => $"/frameworks/{d.FrameworkId}/indicators/34",
        // The shipped 示例 survey, published by seed-demo.
        ["/surveys/{Id:guid}"] = d => $"/surveys/{d.SurveyId}",
        ["/surveys/{Id:guid}/edit"] = d => $"/surveys/{d.SurveyId}/edit",
        ["/surveys/{Id:guid}/calls"] = d => $"/surveys/{d.SurveyId}/calls",
        // The demo exam (DemoServer): the sample bank, two singles, two of the showcase unit's people.
        ["/exams/{Id:guid}"] = d => $"/exams/{d.ExamId}",
        ["/exams/{Id:guid}/slips"] = d => $"/exams/{d.ExamId}/slips",
        ["/exams/{Id:guid}/grading"] = d => $"/exams/{d.ExamId}/grading",
    };

    public static IReadOnlyList<PageRoute> All(DemoIds ids) =>
    [
        .. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Type: t, r.Template)))
            .Select(x => new PageRoute(x.Template, PathOf(x.Template, ids), x.Type.GetCustomAttributes().All(a => a.GetType().Name != "ExcludeFromInteractiveRoutingAttribute"), x.Type.Name))
            .OrderBy(r => r.Template, StringComparer.Ordinal),
    ];

    private static string? PathOf(string template, DemoIds ids) =>
        !template.Contains('{', StringComparison.Ordinal) ? template : Values.TryGetValue(template, out var value) ? value(ids) : null;

    /// <summary>Templates registered here that no page has any more (a renamed route): kept honest too.</summary>
    public static IEnumerable<string> Stale(IEnumerable<PageRoute> routes) => Values.Keys.Except(routes.Select(r => r.Template), StringComparer.OrdinalIgnoreCase);
}
