using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using InspectReady.Web.Features.Reminders;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>The seats the enumeration test calls every route as: each may not see unit X's data (督查 reads it, read-only).</summary>
public enum Seat
{
    /// 乙局's 联络员: another unit
    OtherLiaison,
    /// 乙局's 领导
    OtherLeader,
    /// 丙局's 联络员: like X only in the group entry 区直各行政执法单位
    PeerLiaison,
    SystemAdmin,
    SecurityAdmin,
    AuditAdmin,
    /// 督查: may read filings, may change nothing
    Inspector,
    /// 考生 of unit X: a unit role without filing access
    Examinee,
    /// 评查员 of unit X
    Reviewer,
}

/// <summary>What a marker is carried by; who may see it follows from the kind.</summary>
public enum MarkerKind { Statement, ListRow, Attachment, Comment, PersonName, PersonPhone, CaseFile, Rectification, Notice }

public sealed record Marker(MarkerKind Kind, string Value);

/// <summary>
/// One unit's world for the access enumeration (ADR 0018): in a campaign in progress unit X (甲局) has filed a
/// statement task and a list task, with an attachment, a comment, versions, a person, a case file (drawn, with a
/// rectification), a supervision notice, a package job, a notification and an SMS in the outbox. Every piece of
/// X's data a stranger must not see carries a unique ASCII marker (ASCII so no JSON or HTML escaping hides it).
/// </summary>
public sealed class AccessWorld
{
    private static readonly ConditionalWeakTable<AppFactory, Task<AccessWorld>> Worlds = [];

    public required string Prefix { get; init; }
    public required ApiClient Office { get; init; }
    public required ApiClient LiaisonX { get; init; }
    public required IReadOnlyDictionary<Seat, ApiClient> Seats { get; init; }
    public required IReadOnlyDictionary<Seat, string> UserNames { get; init; }
    public required IReadOnlyList<Marker> Markers { get; init; }
    public required Guid Region { get; init; }
    public required Guid UnitX { get; init; }
    public required string UnitXName { get; init; }
    public required Guid Framework { get; init; }
    public required Guid Campaign { get; init; }
    public required Guid StatementTask { get; init; }
    public required Guid ListTask { get; init; }
    public required Guid Attachment { get; init; }
    public required Guid Person { get; init; }
    public required Guid LiaisonXUser { get; init; }
    public required Guid CaseFile { get; init; }
    public required Guid Draw { get; init; }
    public required Guid Rectification { get; init; }
    public required Guid Notice { get; init; }
    public required Guid Job { get; init; }
    public required long Notification { get; init; }
    public required Guid Exam { get; init; }
    public required Guid Examinee { get; init; }
    public required Guid PaperItem { get; init; }
    public required Guid Question { get; init; }
    public required Guid TrainingEvent { get; init; }

    /// <summary>One world per factory (so per test class and provider): building it is the slow part.</summary>
    public static Task<AccessWorld> ForAsync(AppFactory factory)
    {
        lock (Worlds)
        {
            return Worlds.GetValue(factory, f => CreateAsync(f, "访问"));
        }
    }

    public const string UserPassword = ApiClient.StrongPassword;

    private static async Task<AccessWorld> CreateAsync(AppFactory factory, string prefix)
    {
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var m = new Dictionary<MarkerKind, string>();
        foreach (var kind in Enum.GetValues<MarkerKind>())
        {
            m[kind] = $"MK{kind.ToString().ToUpperInvariant()}{tag}";
        }
        // A mobile number no other data carries: 139 and eight digits from the tag.
        m[MarkerKind.PersonPhone] = "139" + string.Concat(tag.Select(c => (char)('0' + (c % 10))));

        var admin = await factory.Api().SignInAsAdminAsync();
        var city = await admin.CreateRegionAsync($"{prefix}市", "市");
        var district = await admin.CreateRegionAsync($"{prefix}区", "区", city);
        var x = await admin.CreateUnitAsync($"{prefix}甲局", district, tags: ["行政执法单位"]);
        var y = await admin.CreateUnitAsync($"{prefix}乙局", district);
        var z = await admin.CreateUnitAsync($"{prefix}丙局", district, tags: ["行政执法单位"]);
        var names = new Dictionary<Seat, string>
        {
            [Seat.OtherLiaison] = $"{prefix}-y-lly", [Seat.OtherLeader] = $"{prefix}-y-ld", [Seat.PeerLiaison] = $"{prefix}-z-lly",
            [Seat.SystemAdmin] = "admin", [Seat.SecurityAdmin] = $"{prefix}-sec", [Seat.AuditAdmin] = $"{prefix}-aud",
            [Seat.Inspector] = $"{prefix}-insp", [Seat.Examinee] = $"{prefix}-x-exam", [Seat.Reviewer] = $"{prefix}-x-rev",
        };
        var liaisonXUser = await admin.CreateUserAsync($"{prefix}-x-lly", x, "单位联络员");
        await admin.CreateUserAsync($"{prefix}-x-ld", x, "单位领导");
        await admin.CreateUserAsync(names[Seat.OtherLiaison], y, "单位联络员");
        await admin.CreateUserAsync(names[Seat.OtherLeader], y, "单位领导");
        await admin.CreateUserAsync(names[Seat.PeerLiaison], z, "单位联络员");
        await admin.CreateUserAsync(names[Seat.SecurityAdmin], null, "安全管理员");
        await admin.CreateUserAsync(names[Seat.AuditAdmin], null, "审计管理员");
        await admin.CreateUserAsync(names[Seat.Inspector], null, "督查");
        await admin.CreateUserAsync(names[Seat.Examinee], x, "考生");
        await admin.CreateUserAsync(names[Seat.Reviewer], x, "评查员");
        await admin.CreateUserAsync($"{prefix}-office", null, "创建办");

        var person = ApiClient.Id(await admin.PostOkAsync("/api/v1/people", new
        {
            name = m[MarkerKind.PersonName], unitId = x, campaignRole = "联络员", mobile = m[MarkerKind.PersonPhone],
        }));

        var framework = await ImportFrameworkAsync(admin, prefix);
        var office = await factory.Api().SignInAsync($"{prefix}-office", UserPassword);
        var deadline = DateTime.UtcNow.AddDays(30);
        var campaign = ApiClient.Id(await office.PostOkAsync("/api/v1/campaigns", new
        {
            name = $"{prefix}创建活动", frameworkId = framework, regionId = district, cutoffDate = "2021-06-30", deadline = deadline.ToString("yyyy-MM-dd"),
        }));
        var tasks = (await office.GetJsonAsync($"/api/v1/campaigns/{campaign}/tasks?pageSize=500"))["items"]!.AsArray();
        Guid TaskOf(Guid unit, int no) => ApiClient.Id(tasks.Single(t => Guid.Parse(t!["unitId"]!.GetValue<string>()) == unit
            && t["indicatorNos"]![0]!.GetValue<int>() == no)!);
        var statementTask = TaskOf(x, 1);
        var listTask = TaskOf(x, 2);

        var liaisonX = await factory.Api().SignInAsync($"{prefix}-x-lly", UserPassword);
        var leaderX = await factory.Api().SignInAsync($"{prefix}-x-ld", UserPassword);
        await Ok(CampaignWorld.SaveDraftAsync(liaisonX, statementTask, new { statement = $"本单位已完成清理。{m[MarkerKind.Statement]}", version = 0 }));
        var attachment = ApiClient.Id(JsonNode.Parse(await Ok(liaisonX.Http.PostAsync($"/api/v1/tasks/{statementTask}/files",
            FilePart(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), $"{m[MarkerKind.Attachment]}.pdf"))))!);
        await Ok(liaisonX.Http.PostAsync($"/api/v1/tasks/{statementTask}/submit", null));
        await Ok(leaderX.Http.PostAsync($"/api/v1/tasks/{statementTask}/sign-off", null));
        await Ok(office.Http.PostAsJsonAsync($"/api/v1/tasks/{statementTask}/comments", new { text = $"请补充数据。{m[MarkerKind.Comment]}" }));

        var rows = Enumerable.Range(1, 10).Select(i => new Dictionary<string, string>
        {
            ["企业名称"] = i == 1 ? m[MarkerKind.ListRow] : $"企业{i}", ["检查时间"] = "2021-03-01", ["事项"] = "安全生产", ["检查部门"] = "区应急管理局", ["结果"] = "合格",
            ["企业负责人"] = "负责人", ["联系方式"] = "13912345678",
        }).ToArray();
        await Ok(CampaignWorld.SaveDraftAsync(liaisonX, listTask, new { lists = new Dictionary<int, object> { [1] = rows }, version = 0 }));
        await Ok(liaisonX.Http.PostAsync($"/api/v1/tasks/{listTask}/submit", null));

        var caseFile = await liaisonX.RegisterPenaltyAsync(x, $"{prefix}罚〔2021〕1号", new { party = m[MarkerKind.CaseFile] });
        var draw = ApiClient.Id(JsonNode.Parse(await Ok(office.DrawAsync(x, "行政处罚", 1)))!);
        var rectification = ApiClient.Id(await office.PostOkAsync("/api/v1/case-files/rectifications", new
        {
            caseFileId = caseFile, problem = $"未载明救济途径。{m[MarkerKind.Rectification]}", deadline = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"),
        }));
        var notice = ApiClient.Id(await office.PostOkAsync($"/api/v1/campaigns/{campaign}/supervision/notices", new
        {
            unitId = x, title = $"材料报送滞后{m[MarkerKind.Notice]}", reason = "第1项待补充", deadline = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"),
            items = new[] { "补充第1项情况说明的数据" }, taskIds = new[] { statementTask },
        }));

        var job = Guid.Parse(JsonNode.Parse(await Ok(office.Http.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/packages", new { approvedOnly = false })))!["jobId"]!.GetValue<string>());
        for (var i = 0; i < 600; i++)
        {
            if ((await office.GetJsonAsync($"/api/v1/jobs/{job}"))["state"]!.GetValue<string>() is not ("queued" or "running"))
            {
                break;
            }
            await Task.Delay(100);
        }
        // An SMS to X's person waits in the outbox: the reminder a week before the deadline.
        await factory.Service<ReminderSweep>().RunAsync(DateOnly.FromDateTime(deadline).AddDays(-7));

        // The default review templates are stored on first read; read them now so that is not taken for a GET's side effect.
        await office.GetJsonAsync("/api/v1/case-files/templates");
        // An exam with X's person as examinee, the office's sample bank and a training event with X's person attending.
        Assert.Equal(HttpStatusCode.Created, (await office.Http.PostAsync("/api/v1/exams/questions/samples", null)).StatusCode);
        var exam = ApiClient.Id(await office.PostOkAsync("/api/v1/exams", new
        {
            name = $"{prefix}抽考", durationMinutes = 30, blueprint = new object[] { new { type = "truefalse", count = 2, score = 1 }, new { type = "short", count = 1, score = 5 } },
        }));
        var examinee = (await office.PostOkAsync($"/api/v1/exams/{exam}/examinees", new { personIds = new[] { person } }, HttpStatusCode.OK))["examinees"]![0]!;
        var examineeId = Guid.Parse(examinee["examineeId"]!.GetValue<string>());
        var question = ApiClient.Id((await office.GetJsonAsync("/api/v1/exams/questions"))["items"]![0]!);
        var trainingEvent = ApiClient.Id(await office.PostOkAsync("/api/v1/exams/training/events", new { date = "2021-05-01", hours = 4, topic = "学法讲座", kind = "lecture" }));
        Guid paperItem;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InspectReady.Web.Data.AppDbContext>();
            paperItem = await db.Set<InspectReady.Web.Domain.Exams.PaperItem>().Where(i => i.ExamineeId == examineeId).Select(i => i.Id).FirstAsync();
        }

        var notifications = (await liaisonX.GetJsonAsync("/api/v1/notifications?pageSize=500"))["items"]!.AsArray();
        Assert.NotEmpty(notifications);

        var seats = new Dictionary<Seat, ApiClient>();
        foreach (var (seat, name) in names)
        {
            seats[seat] = seat == Seat.SystemAdmin ? admin : await factory.Api().SignInAsync(name, UserPassword);
        }
        return new AccessWorld
        {
            Prefix = prefix, Office = office, LiaisonX = liaisonX, Seats = seats, UserNames = names,
            Markers = [.. m.Select(kv => new Marker(kv.Key, kv.Value))],
            Region = district, UnitX = x, UnitXName = $"{prefix}甲局", Framework = framework, Campaign = campaign,
            StatementTask = statementTask, ListTask = listTask, Attachment = attachment, Person = person, LiaisonXUser = liaisonXUser,
            CaseFile = caseFile, Draw = draw, Rectification = rectification, Notice = notice, Job = job,
            Notification = notifications[0]!["id"]!.GetValue<long>(),
            Exam = exam, Examinee = examineeId, PaperItem = paperItem, Question = question, TrainingEvent = trainingEvent,
        };
    }

    private static async Task<Guid> ImportFrameworkAsync(ApiClient admin, string prefix)
    {
        Dictionary<string, object?> Row(object? l1, object? l2, int no, string materials, string units) => new()
        {
            ["一级指标"] = l1, ["二级指标"] = l2, ["序号"] = no, ["三级指标"] = $"指标{no}。", ["测评方法"] = "材料查证", ["填报材料"] = materials, ["责任单位"] = units,
        };
        var rows = new List<Dictionary<string, object?>>
        {
            // X and 丙局 are both only in the group entry: neither leads the other.
            Row("一、第一部分", "1. 第一节。", 1, CampaignWorld.Statement, "区直各行政执法单位"),
            Row(null, null, 2, CampaignWorld.Enterprises, "区直各行政执法单位"),
            Row(null, null, 3, CampaignWorld.Statement, $"{prefix}乙局"),
            // Left as a draft, so the reminder sweep texts X's person.
            Row(null, null, 4, CampaignWorld.Statement, $"{prefix}甲局"),
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", $"{prefix}.xlsx");
        form.Add(new StringContent($"fw-{prefix}"), "code");
        var imported = await admin.Http.PostAsync("/api/v1/frameworks/import", form);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        return ApiClient.Id(JsonNode.Parse(await imported.Content.ReadAsStringAsync())!);
    }

    public static MultipartFormDataContent FilePart(byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private static async Task<string> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}: {text}");
        return text;
    }
}
