using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.FunctionalTests.Scenarios;

/// <summary>
/// Of two conflicting transitions one wins and the other answers 409 (problem+json, in Chinese): run as two requests
/// at the same moment, and as a deterministic interleaving (a second context that read the row before the first
/// transition committed).
/// </summary>
public abstract class ConcurrencyScenarios(AppFactory factory)
{
    private static string Day(int fromToday) => HostAccess.Today.AddDays(fromToday).ToString("yyyy-MM-dd");

    private static async Task<Guid> SubmittedAsync(CampaignWorld w, bool signOff)
    {
        var task = await w.TaskAsync(w.UnitA, 2);
        Assert.Equal(HttpStatusCode.OK, (await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { statement = "第一稿。\n开展了清理。", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
        if (signOff)
        {
            Assert.Equal(HttpStatusCode.OK, (await w.LeaderA.Http.PostAsync($"/api/v1/tasks/{task}/sign-off", null)).StatusCode);
        }
        return task;
    }

    private static async Task AssertOneWinsAsync(HttpResponseMessage a, HttpResponseMessage b)
    {
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], new[] { a.StatusCode, b.StatusCode }.Order());
        var lost = a.StatusCode == HttpStatusCode.Conflict ? a : b;
        Assert.Equal("application/problem+json", lost.Content.Headers.ContentType?.MediaType);
        var detail = (await ApiClient.ProblemAsync(lost))["detail"]!.GetValue<string>();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", detail);
    }

    [Fact]
    public async Task An_office_approve_and_a_return_at_the_same_moment_one_wins_the_other_answers_409()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "并发审");
        var task = await SubmittedAsync(w, signOff: true);
        var approve = w.Office.Http.PostAsync($"/api/v1/tasks/{task}/approve", null);
        var @return = w.Office.Http.PostAsJsonAsync($"/api/v1/tasks/{task}/return", new { reason = "请补充", newDeadline = Day(5) });
        await AssertOneWinsAsync(await approve, await @return);

        var detail = await w.DetailAsync(task);
        var decisions = detail["history"]!.AsArray().Where(h => h!["from"]!.GetValue<string>() == "submitted").ToList();
        Assert.Single(decisions);
        Assert.Equal(decisions[0]!["to"]!.GetValue<string>(), detail["task"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_leader_sign_off_and_send_back_at_the_same_moment_one_wins_the_other_answers_409()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "并发签");
        var task = await SubmittedAsync(w, signOff: false);
        var signOff = w.LeaderA.Http.PostAsync($"/api/v1/tasks/{task}/sign-off", null);
        var sendBack = w.LeaderA.Http.PostAsJsonAsync($"/api/v1/tasks/{task}/send-back", new { reason = "请修改" });
        await AssertOneWinsAsync(await signOff, await sendBack);
        var history = (await w.DetailAsync(task))["history"]!.AsArray();
        Assert.Single(history, h => h!["from"]!.GetValue<string>() == "pending_signoff");
    }

    [Fact]
    public async Task A_transition_read_before_another_committed_writes_nothing()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "交错");
        var task = await SubmittedAsync(w, signOff: true);
        var contexts = factory.Service<IDbContextFactory<AppDbContext>>();
        await using var stale = await contexts.CreateDbContextAsync();
        var read = await stale.Tasks.FirstAsync(t => t.Id == task);

        Assert.Equal(HttpStatusCode.OK, (await w.Office.Http.PostAsync($"/api/v1/tasks/{task}/approve", null)).StatusCode);
        read.Return(HostAccess.Today.AddDays(3), "stale");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        Assert.Equal("approved", (await w.DetailAsync(task))["task"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Campaign_notice_and_job_rows_carry_a_row_version_the_second_of_two_saves_loses()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "行版本");
        var notice = ApiClient.Id(await w.Office.PostOkAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/notices", new
        {
            unitId = w.UnitA, title = "材料报送滞后", deadline = Day(5), items = new[] { "补充数据", "说明原因" },
        }));
        var contexts = factory.Service<IDbContextFactory<AppDbContext>>();
        await using (var seed = await contexts.CreateDbContextAsync())
        {
            seed.Jobs.Add(new Job { Kind = "none", CreatedBy = "test", State = JobStates.Succeeded });
            await seed.SaveChangesAsync();
        }
        await using var first = await contexts.CreateDbContextAsync();
        await using var second = await contexts.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        (await first.Campaigns.FirstAsync(c => c.Id == w.CampaignId)).Touch();
        (await second.Campaigns.FirstAsync(c => c.Id == w.CampaignId)).Touch();
        (await first.SupervisionNotices.Include(n => n.Items).FirstAsync(n => n.Id == notice)).Answer(1, "甲", "a", now);
        (await second.SupervisionNotices.Include(n => n.Items).FirstAsync(n => n.Id == notice)).Answer(2, "乙", "b", now);
        (await first.Jobs.FirstAsync(j => j.Kind == "none")).RowVersion++;
        var job = await second.Jobs.FirstAsync(j => j.Kind == "none");
        job.RowVersion++;
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Two_answers_to_one_notice_at_the_same_moment_never_both_count_on_a_stale_read()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "并发督");
        var notice = ApiClient.Id(await w.Office.PostOkAsync($"/api/v1/campaigns/{w.CampaignId}/supervision/notices", new
        {
            unitId = w.UnitA, title = "材料报送滞后", deadline = Day(5), items = new[] { "补充数据", "说明原因" },
        }));
        var a = w.LiaisonA.Http.PutAsJsonAsync($"/api/v1/supervision/notices/{notice}/items/1/answer", new { answer = "已补充" });
        var b = w.LeaderA.Http.PutAsJsonAsync($"/api/v1/supervision/notices/{notice}/items/2/answer", new { answer = "已说明" });
        var results = new[] { await a, await b };
        Assert.All(results, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var stored = await w.Office.GetJsonAsync($"/api/v1/supervision/notices/{notice}");
        var answered = stored["items"]!.AsArray().Count(i => i!["answer"] is not null);
        // Each answer that was accepted is stored, and the state follows the answers stored (never "answered" with one missing).
        Assert.Equal(results.Count(r => r.StatusCode == HttpStatusCode.OK), answered);
        Assert.Equal(answered == 2 ? "answered" : "issued", stored["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_upload_authorised_before_a_sign_off_cannot_land_after_it()
    {
        using var w = await CampaignWorld.CreateAsync(factory, "传签");
        var task = await w.TaskAsync(w.UnitA, 2);
        Assert.Equal(HttpStatusCode.OK, (await CampaignWorld.SaveDraftAsync(w.LiaisonA, task, new { statement = "第一稿。\n开展了清理。", version = 0 })).StatusCode);

        // The body is held back after the headers, so the upload is authorised (the task is a draft) before the file arrives.
        var release = new TaskCompletionSource();
        var upload = w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/files?item=1", new HeldBackFile(release.Task));
        await Task.Delay(500);
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{task}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.LeaderA.Http.PostAsync($"/api/v1/tasks/{task}/sign-off", null)).StatusCode);
        release.SetResult();
        var response = await upload;
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("已报送", (await ApiClient.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await w.DetailAsync(task))["attachments"]!.AsArray());
    }

    /// <summary>A multipart body with one small PDF whose bytes are sent only once <c>release</c> completes.</summary>
    private sealed class HeldBackFile : HttpContent
    {
        private const string Boundary = "held-back-boundary";
        private readonly Task release;

        public HeldBackFile(Task release)
        {
            this.release = release;
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"--{Boundary}\r\n"));
            await stream.FlushAsync();
            await release;
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "Content-Disposition: form-data; name=\"file\"; filename=\"late.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                + "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + $"\r\n--{Boundary}--\r\n"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
