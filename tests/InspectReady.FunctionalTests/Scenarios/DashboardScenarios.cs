using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class DashboardScenarios(AppFactory factory)
{
    /// <summary>
    /// Moves the world's seven tasks into known states: 甲局 no. 1 approved, no. 2 returned with a deadline two days
    /// ahead, no. 3 submitted (declared not applicable), no. 6 overdue, no. 4–5 untouched; 乙局 no. 2 awaiting its
    /// leader, no. 4–5 untouched.
    /// </summary>
    private async Task<Moved> MoveAsync(CampaignWorld w)
    {
        var a1 = await w.TaskAsync(w.UnitA, 1);
        var a2 = await w.TaskAsync(w.UnitA, 2);
        var a3 = await w.TaskAsync(w.UnitA, 3);
        var a6 = await w.TaskAsync(w.UnitA, 6);
        var b2 = await w.TaskAsync(w.UnitB, 2);
        async Task SubmitAndSignAsync(Guid task)
        {
            Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await w.LeaderA.Http.PostAsync($"/api/v1/tasks/{task}/sign-off", null)).StatusCode);
        }
        await SubmitAndSignAsync(a1);
        Assert.Equal(HttpStatusCode.OK, (await w.Office.Http.PostAsync($"/api/v1/tasks/{a1}/approve", null)).StatusCode);

        await CampaignWorld.SaveDraftAsync(w.LiaisonA, a2, new { statement = "已开展清理工作。", version = 0 });
        await SubmitAndSignAsync(a2);
        var returned = await w.Office.Http.PostAsJsonAsync($"/api/v1/tasks/{a2}/return",
            new { reason = "请补充数据", newDeadline = HostAccess.Today.AddDays(2).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        await CampaignWorld.SaveDraftAsync(w.LiaisonA, a3, new { notApplicable = true, notApplicableReason = "本单位无中介服务事项", version = 0 });
        await SubmitAndSignAsync(a3);

        await factory.SetDeadlineAsync(a6, HostAccess.Today.AddDays(-1));

        await CampaignWorld.SaveDraftAsync(w.LiaisonB, b2, new { statement = "配合开展清理。", version = 0 });
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonB.Http.PostAsync($"/api/v1/tasks/{b2}/submit", null)).StatusCode);
        return new Moved(a1, a2, a3, a6, b2, await w.TaskAsync(w.UnitA, 4), await w.TaskAsync(w.UnitB, 4));
    }

    private sealed record Moved(Guid A1, Guid A2, Guid A3, Guid A6, Guid B2, Guid A45, Guid B45);

    private static int Int(JsonNode node, string name) => node[name]!.GetValue<int>();

    [Fact]
    public async Task The_overview_counts_every_state_by_indicator_and_method_and_ranks_units_by_completion()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "看板");
        var before = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/overview");
        Assert.Equal(7, Int(before["totals"]!, "draft"));
        Assert.Equal(0, Int(before["totals"]!, "filed"));

        await MoveAsync(w);
        var overview = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/overview");
        var totals = overview["totals"]!;
        Assert.Equal(
            (7, 3, 1, 1, 1, 1, 2, 1, 1),
            (Int(totals, "tasks"), Int(totals, "draft"), Int(totals, "awaitingSignOff"), Int(totals, "submitted"), Int(totals, "returned"),
                Int(totals, "approved"), Int(totals, "filed"), Int(totals, "overdue"), Int(totals, "dueSoon")));
        Assert.Equal(28.6, totals["completion"]!.GetValue<double>());

        var level1 = overview["byLevel1"]!.AsArray().Single()!;
        Assert.Contains("第一部分", level1["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(7, Int(level1["counts"]!, "tasks"));
        var method = overview["byMethod"]!.AsArray().Single()!;
        Assert.Equal("材料查证", method["name"]!.GetValue<string>());
        Assert.Equal("document_check", method["code"]!.GetValue<string>());
        Assert.Equal(2, Int(method["counts"]!, "filed"));

        var units = overview["units"]!.AsArray();
        Assert.Equal(["看板甲局", "看板乙局"], units.Select(u => u!["unitName"]!.GetValue<string>()));
        Assert.Equal([1, 2], units.Select(u => Int(u!, "rank")));
        Assert.Equal(40.0, units[0]!["counts"]!["completion"]!.GetValue<double>());
        Assert.Equal(0.0, units[1]!["counts"]!["completion"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_unit_sees_only_its_own_figures_and_another_units_page_does_not_exist_for_it()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "本单位");
        await MoveAsync(w);
        var mine = await w.LiaisonB.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/overview");
        Assert.Equal(2, Int(mine["totals"]!, "tasks"));
        Assert.Equal(1, Int(mine["totals"]!, "awaitingSignOff"));
        Assert.Equal(w.UnitB, Guid.Parse(mine["units"]!.AsArray().Single()!["unitId"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/units/{w.UnitA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.LiaisonB.Http.GetAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/overview?unitId={w.UnitA}")).StatusCode);

        var own = await w.LiaisonB.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/units/{w.UnitB}");
        Assert.Equal((2, 2), (Int(own, "rank"), Int(own, "rankOf")));
        Assert.Equal(["pending_signoff", "draft"], own["tasks"]!.AsArray().Select(t => t!["status"]!.GetValue<string>()));

        var matrix = await w.LiaisonB.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/matrix");
        Assert.Equal(w.UnitB, Guid.Parse(matrix["units"]!.AsArray().Single()!["id"]!.GetValue<string>()));
        var deadlines = await w.LiaisonB.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/deadlines");
        Assert.Empty(deadlines["overdue"]!.AsArray());
        Assert.Empty(deadlines["dueSoon"]!.AsArray());
        var progress = await w.LiaisonB.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/progress");
        Assert.Equal(0, Int(progress["days"]!.AsArray().Last()!, "submitted"));
    }

    [Fact]
    public async Task The_matrix_has_a_cell_per_indicator_and_unit_with_the_tasks_status_and_the_shared_task_of_a_group()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "矩阵");
        var moved = await MoveAsync(w);
        var matrix = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/matrix");
        var units = matrix["units"]!.AsArray().Select(u => Guid.Parse(u!["id"]!.GetValue<string>())).ToList();
        Assert.Equal(2, units.Count);
        int a = units.IndexOf(w.UnitA), b = units.IndexOf(w.UnitB);
        var rows = matrix["rows"]!.AsArray();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], rows.Select(r => Int(r!, "no")));
        Assert.All(rows, r => Assert.Contains("第一部分", matrix["level1"]![Int(r!, "level1")]!.GetValue<string>(), StringComparison.Ordinal));
        var statuses = matrix["statuses"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        var ids = matrix["taskIds"]!.AsArray().Select(t => Guid.Parse(t!.GetValue<string>())).ToList();
        var tasks = matrix["tasks"]!.AsArray().Select(t => t!.AsArray().Select(x => x!.GetValue<int>()).ToArray()).ToList();
        // Compact: a unit's name, a state's name and a task id appear once each.
        Assert.Equal(7, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var cells = matrix["cells"]!.AsArray().Select(c => c!.AsArray().Select(x => x!.GetValue<int>()).ToArray())
            .ToDictionary(c => (No: Int(rows[c[0]]!, "no"), Unit: tasks[c[1]][0]), c => c[1]);
        Assert.Equal(9, cells.Count);
        int? Cell(int no, int column) => cells.TryGetValue((no, column), out var t) ? t : null;
        string StatusOf(int? task) => statuses[tasks[task!.Value][1]];
        bool Flag(int? task, int flag) => (tasks[task!.Value][2] & flag) != 0;

        Assert.Equal(FilingStatus.Approved, StatusOf(Cell(1, a)));
        Assert.Null(Cell(1, b));
        Assert.Equal(FilingStatus.Returned, StatusOf(Cell(2, a)));
        Assert.Equal(moved.B2, ids[Cell(2, b)!.Value]);
        Assert.False(Flag(Cell(2, b), 2));
        Assert.True(Flag(Cell(1, a), 2));
        Assert.Equal(moved.A45, ids[Cell(4, a)!.Value]);
        Assert.Equal(moved.A45, ids[Cell(5, a)!.Value]);
        Assert.True(Flag(Cell(6, a), 1));
        Assert.False(Flag(Cell(1, a), 1));
        Assert.Null(Cell(7, a));
        Assert.Null(Cell(7, b));
    }

    [Fact]
    public async Task Overdue_and_soon_due_tasks_are_listed_and_progress_accumulates_submissions_and_approvals_by_day()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "期限");
        var empty = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/progress");
        Assert.All(empty["days"]!.AsArray(), d => Assert.Equal(0, Int(d!, "submitted")));

        var moved = await MoveAsync(w);
        var deadlines = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/deadlines");
        var overdue = deadlines["overdue"]!.AsArray().Single()!;
        Assert.Equal(moved.A6, Guid.Parse(overdue["taskId"]!.GetValue<string>()));
        Assert.Equal(-1, Int(overdue, "daysLeft"));
        var soon = deadlines["dueSoon"]!.AsArray().Single()!;
        Assert.Equal(moved.A2, Guid.Parse(soon["taskId"]!.GetValue<string>()));
        Assert.Equal((2, 1), (Int(soon, "daysLeft"), Int(soon, "returnCount")));
        var week = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/deadlines?days=40");
        Assert.Equal(3, week["dueSoon"]!.AsArray().Count);

        var progress = await w.Office.GetJsonAsync($"/api/v1/campaigns/{w.CampaignId}/dashboard/progress");
        Assert.Equal(7, Int(progress, "tasks"));
        var last = progress["days"]!.AsArray().Last()!;
        Assert.Equal(HostAccess.Today.ToString("yyyy-MM-dd"), last["date"]!.GetValue<string>());
        // 1, 2 and 3 reached the office (2 was returned afterwards: it still counts as submitted once); 1 was approved.
        Assert.Equal((3, 1, 3, 1), (Int(last, "submitted"), Int(last, "approved"), Int(last, "submittedThatDay"), Int(last, "approvedThatDay")));
    }

    [Fact]
    public async Task An_unknown_campaign_answers_404()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "无此");
        foreach (var path in new[] { "overview", "matrix", "deadlines", "progress", $"units/{w.UnitA}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await w.Office.Http.GetAsync($"/api/v1/campaigns/{Guid.NewGuid()}/dashboard/{path}")).StatusCode);
        }
    }
}
