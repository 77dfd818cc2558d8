using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Features.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InspectReady.FunctionalTests.Scenarios;

public abstract class ReminderScenarios(AppFactory factory)
{
    private const string Soon = "迎检材料报送期限临近";
    private const string Late = "迎检材料报送已逾期";

    /// <summary>The world plus contact details: each unit-A account has a mail address, its liaison and leader a mobile.</summary>
    private async Task<(CampaignWorld World, DateOnly Deadline)> WorldAsync(string prefix, string mailTag)
    {
        var w = await CampaignWorld.CreateAsync(factory, prefix);
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PutAsJsonAsync("/api/v1/me/reminder-email", new { email = $"{mailTag}-lly@example.gov.cn" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.LeaderA.Http.PutAsJsonAsync("/api/v1/me/reminder-email", new { email = $"{mailTag}-ld@example.gov.cn" })).StatusCode);
        await w.Admin.PostOkAsync("/api/v1/people", new { name = "联络员甲", unitId = w.UnitA, campaignRole = "联络员", mobile = Mobile(prefix, 1) });
        await w.Admin.PostOkAsync("/api/v1/people", new { name = "局长甲", unitId = w.UnitA, campaignRole = "主要领导", mobile = Mobile(prefix, 2) });
        return (w, DateOnly.Parse(w.Campaign["deadline"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A mobile number of the world's own, so worlds sharing a database never see each other's messages.</summary>
    private static string Mobile(string prefix, int n) => $"139{(uint)prefix.GetHashCode(StringComparison.Ordinal) % 100_000_000:D8}"[..10] + n;

    private static async Task<List<JsonNode>> NotesAsync(ApiClient who, string title, string unit) =>
        [.. (await who.GetJsonAsync("/api/v1/notifications?pageSize=500"))["items"]!.AsArray().Select(n => n!)
            .Where(n => n["title"]!.GetValue<string>() == title && n["body"]!.GetValue<string>().StartsWith(unit, StringComparison.Ordinal))];

    private static async Task<List<JsonNode>> OutboxAsync(CampaignWorld w, string recipient) =>
        [.. (await w.Office.GetJsonAsync("/api/v1/outbox?reveal=true&pageSize=500"))["items"]!.AsArray().Select(m => m!).Where(m => m["recipient"]!.GetValue<string>() == recipient)];

    [Fact]
    public async Task The_notifications_and_the_outbox_answer_the_page_contract_newest_first()
    {
        var (w, deadline) = await WorldAsync("分页", "paging");
        using var _ = w;
        Assert.True((await factory.Service<ReminderSweep>().RunAsync(deadline.AddDays(-7))).Sent >= 7);

        var all = await w.LiaisonA.GetJsonAsync("/api/v1/notifications?pageSize=500");
        var total = all["total"]!.GetValue<int>();
        Assert.True(total >= 5, all.ToJsonString());
        var ids = all["items"]!.AsArray().Select(n => n!["id"]!.GetValue<long>()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        var first = await w.LiaisonA.GetJsonAsync("/api/v1/notifications?page=1&pageSize=2");
        var second = await w.LiaisonA.GetJsonAsync("/api/v1/notifications?page=2&pageSize=2");
        Assert.Equal([1, 2, total], new[] { first["page"]!.GetValue<int>(), first["pageSize"]!.GetValue<int>(), first["total"]!.GetValue<int>() });
        Assert.Equal(ids.Take(2), first["items"]!.AsArray().Select(n => n!["id"]!.GetValue<long>()));
        Assert.Equal(ids.Skip(2).Take(2), second["items"]!.AsArray().Select(n => n!["id"]!.GetValue<long>()));
        var unread = await w.LiaisonA.GetJsonAsync("/api/v1/notifications?unread=true&pageSize=1");
        Assert.Equal(total, unread["total"]!.GetValue<int>());
        Assert.Single(unread["items"]!.AsArray());
        var clamped = await w.LiaisonA.GetJsonAsync("/api/v1/notifications?page=0&pageSize=100000");
        Assert.Equal([1, 500], new[] { clamped["page"]!.GetValue<int>(), clamped["pageSize"]!.GetValue<int>() });
        Assert.Equal(50, (await w.LiaisonA.GetJsonAsync("/api/v1/notifications"))["pageSize"]!.GetValue<int>());

        var mail = await w.Office.GetJsonAsync("/api/v1/outbox?channel=mail&pageSize=1");
        Assert.Equal(1, mail["pageSize"]!.GetValue<int>());
        Assert.Single(mail["items"]!.AsArray());
        var mails = await w.Office.GetJsonAsync("/api/v1/outbox?channel=mail&pageSize=500");
        Assert.Equal(mails["total"]!.GetValue<int>(), mail["total"]!.GetValue<int>());
        Assert.True(mails["items"]!.AsArray().All(m => m!["channel"]!.GetValue<string>() == "mail"));
        var outboxIds = mails["items"]!.AsArray().Select(m => m!["id"]!.GetValue<long>()).ToList();
        Assert.Equal(outboxIds.OrderDescending(), outboxIds);
        Assert.Equal(outboxIds[0], mail["items"]![0]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Each_reminder_before_the_deadline_is_sent_once_however_often_the_sweep_runs()
    {
        var (w, deadline) = await WorldAsync("提前", "early");
        using var _ = w;
        var sweep = factory.Service<ReminderSweep>();
        foreach (var days in new[] { 7, 1 })
        {
            var first = await sweep.RunAsync(deadline.AddDays(-days));
            Assert.True(first.Sent >= 7, $"{days} days before: {first}");
            var second = await sweep.RunAsync(deadline.AddDays(-days));
            Assert.Equal(0, second.Sent);
            Assert.True(second.AlreadySent >= 7);
        }
        // Two nodes sweeping the same day at the same time: the unique key lets exactly one send each reminder.
        var together = await Task.WhenAll(sweep.RunAsync(deadline.AddDays(-3)), sweep.RunAsync(deadline.AddDays(-3)));
        Assert.True(together.Sum(r => r.Sent) >= 7, string.Join("; ", together.Select(r => r.ToString())));
        // A day inside a bracket already reminded sends nothing new.
        Assert.Equal(0, (await sweep.RunAsync(deadline.AddDays(-6))).Sent);
        Assert.Equal(0, (await sweep.RunAsync(deadline.AddDays(-2))).Sent);

        // 甲局 has five tasks, 乙局 two: one reminder per task and event, to the liaisons only.
        var a = await NotesAsync(w.LiaisonA, Soon, "提前甲局");
        Assert.Equal(15, a.Count);
        foreach (var left in new[] { "还有7天", "还有3天", "还有1天" })
        {
            var those = a.Where(n => n["body"]!.GetValue<string>().Contains(left, StringComparison.Ordinal)).ToList();
            Assert.Equal(5, those.Count);
            Assert.Equal(5, those.Select(n => n["link"]!.GetValue<string>()).Distinct().Count());
        }
        Assert.Equal(6, (await NotesAsync(w.LiaisonB, Soon, "提前乙局")).Count);
        Assert.Empty(await NotesAsync(w.LeaderA, Soon, "提前甲局"));

        var mail = await OutboxAsync(w, "early-lly@example.gov.cn");
        Assert.Equal(15, mail.Count);
        Assert.All(mail, m => Assert.Equal("mail", m["channel"]!.GetValue<string>()));
        Assert.All(mail, m => Assert.Equal(Soon, m["subject"]!.GetValue<string>()));
        Assert.Equal(15, (await OutboxAsync(w, Mobile("提前", 1))).Count(m => m["channel"]!.GetValue<string>() == "sms"));
        Assert.Empty(await OutboxAsync(w, "early-ld@example.gov.cn"));
        Assert.Empty(await OutboxAsync(w, Mobile("提前", 2)));
    }

    [Fact]
    public async Task An_overdue_task_is_reminded_once_a_day_to_liaisons_and_leaders_until_it_leaves_the_unit()
    {
        var (w, deadline) = await WorldAsync("逾期", "late");
        using var _ = w;
        var sweep = factory.Service<ReminderSweep>();
        await sweep.RunAsync(deadline.AddDays(1));
        await sweep.RunAsync(deadline.AddDays(1));
        await sweep.RunAsync(deadline.AddDays(2));
        Assert.Equal(10, (await NotesAsync(w.LiaisonA, Late, "逾期甲局")).Count);
        var leader = await NotesAsync(w.LeaderA, Late, "逾期甲局");
        Assert.Equal(10, leader.Count);
        Assert.Equal(5, leader.Count(n => n["body"]!.GetValue<string>().Contains("已逾期2天", StringComparison.Ordinal)));
        Assert.Equal(10, (await OutboxAsync(w, "late-ld@example.gov.cn")).Count);
        Assert.Equal(10, (await OutboxAsync(w, Mobile("逾期", 2))).Count);

        // Once filed, the task is no longer the unit's to chase.
        var first = await w.TaskAsync(w.UnitA, 1);
        Assert.Equal(HttpStatusCode.OK, (await w.LiaisonA.Http.PostAsync($"/api/v1/tasks/{first}/submit", null)).StatusCode);
        await sweep.RunAsync(deadline.AddDays(3));
        var third = (await NotesAsync(w.LiaisonA, Late, "逾期甲局")).Where(n => n["body"]!.GetValue<string>().Contains("已逾期3天", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, third.Count);
        Assert.DoesNotContain(third, n => n["link"]!.GetValue<string>() == $"/tasks/{first}");
    }

    [Fact]
    public async Task A_returned_task_with_a_new_deadline_is_reminded_again_for_it()
    {
        var (w, deadline) = await WorldAsync("新期限", "again");
        using var _ = w;
        var sweep = factory.Service<ReminderSweep>();
        var task = await w.TaskAsync(w.UnitA, 2);
        await sweep.RunAsync(deadline.AddDays(-3));
        var newDeadline = deadline.AddDays(10);
        await factory.SetDeadlineAsync(task, newDeadline);
        await sweep.RunAsync(newDeadline.AddDays(-3));
        var reminders = (await NotesAsync(w.LiaisonA, Soon, "新期限甲局")).Where(n => n["link"]!.GetValue<string>() == $"/tasks/{task}").ToList();
        Assert.Equal(2, reminders.Count);
        Assert.Contains(reminders, n => n["body"]!.GetValue<string>().Contains(newDeadline.ToString("yyyy-MM-dd"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_office_or_the_administrator_runs_a_sweep_or_reads_the_outbox_where_mobiles_are_masked()
    {
        var (w, deadline) = await WorldAsync("权限提醒", "perm");
        using var world = w;
        Assert.Equal(HttpStatusCode.Forbidden, (await w.LiaisonA.Http.PostAsync("/api/v1/reminders/sweep", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.LiaisonA.Http.GetAsync("/api/v1/outbox")).StatusCode);
        var swept = await w.Office.PostOkAsync("/api/v1/reminders/sweep", new { }, HttpStatusCode.OK);
        Assert.Equal(HostAccess.Today.ToString("yyyy-MM-dd"), swept["day"]!.GetValue<string>());

        await factory.Service<ReminderSweep>().RunAsync(deadline.AddDays(-1));
        var mobile = Mobile("权限提醒", 1);
        var masked = (await w.Office.GetJsonAsync("/api/v1/outbox?channel=sms&pageSize=500"))["items"]!.AsArray()
            .Where(m => m!["body"]!.GetValue<string>().StartsWith("【迎检平台】权限提醒甲局", StringComparison.Ordinal))
            .Select(m => m!["recipient"]!.GetValue<string>()).ToList();
        Assert.Equal(5, masked.Count);
        Assert.All(masked, r => Assert.Equal($"{mobile[..3]}****{mobile[7..]}", r));
        Assert.DoesNotContain(mobile, masked);
        Assert.Equal(5, (await OutboxAsync(w, mobile)).Count);
        // 系统管理员 runs the queue with masked numbers only: the full number is the office's to reveal.
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Admin.Http.GetAsync("/api/v1/outbox?reveal=true")).StatusCode);
        Assert.DoesNotContain(mobile, await (await w.Admin.Http.GetAsync("/api/v1/outbox?channel=sms")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bad = await w.LiaisonA.Http.PutAsJsonAsync("/api/v1/me/reminder-email", new { email = "不是邮箱" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("perm-lly@example.gov.cn", (await w.LiaisonA.GetJsonAsync("/api/v1/me/reminder-email"))["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_an_smtp_host_configured_the_sender_delivers_the_mail_of_the_outbox_and_marks_it_sent()
    {
        var (w, deadline) = await WorldAsync("邮件", "mail");
        using var world = w;
        await factory.Service<ReminderSweep>().RunAsync(deadline.AddDays(-1));
        Assert.All(await OutboxAsync(w, "mail-lly@example.gov.cn"), m => Assert.Null(m["sentAt"]));

        await using var smtp = new FakeSmtpServer();
        using var mailing = factory.WithWebHostBuilder(b => b
            .UseSetting("Smtp:Host", "127.0.0.1").UseSetting("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Smtp:From", "迎检平台 <noreply@example.gov.cn>").UseSetting("Smtp:PollSeconds", "1").UseSetting("Reminders:Enabled", "false"));
        _ = mailing.Server;
        var deadlineAt = DateTime.UtcNow.AddSeconds(30);
        while (smtp.Received.Count(r => r.To.Contains("mail-lly@example.gov.cn")) < 5 && DateTime.UtcNow < deadlineAt)
        {
            await Task.Delay(200);
        }
        var mine = smtp.Received.Where(r => r.To.Contains("mail-lly@example.gov.cn")).ToList();
        Assert.Equal(5, mine.Count);
        Assert.All(mine, r => Assert.Equal(Soon, r.Message.Subject));
        Assert.All(mine, r => Assert.Equal("noreply@example.gov.cn", r.Message.From.Mailboxes.Single().Address));
        Assert.All(mine, r => Assert.Contains("邮件甲局", r.Message.TextBody, StringComparison.Ordinal));

        var sentAt = DateTime.UtcNow.AddSeconds(10);
        List<JsonNode> rows;
        do
        {
            rows = await OutboxAsync(w, "mail-lly@example.gov.cn");
        }
        while (rows.Any(m => m["sentAt"] is null) && DateTime.UtcNow < sentAt && await Delay());
        Assert.All(rows, m => Assert.NotNull(m["sentAt"]));
        Assert.All(rows, m => Assert.Equal(1, m["attempts"]!.GetValue<int>()));
        Assert.All(await OutboxAsync(w, Mobile("邮件", 1)), m => Assert.Null(m["sentAt"]));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }
}
