using InspectReady.Web.Features.Shared.Notifications;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Notifications;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Domain.Reminders;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Reminders;

public sealed record SweepResultDto(DateOnly Day, int Sent, int AlreadySent, int Notifications, int Messages);

/// <summary>
/// One pass over the open tasks (草稿, 退回) for a given day: each reminder that is due is sent exactly once, whatever
/// the number of passes, restarts or nodes. The reminder's key is inserted first, in the transaction that also
/// writes the notifications and the outbox messages; a duplicate key means another pass sent it already.
/// </summary>
public sealed partial class ReminderSweep(IDbContextFactory<AppDbContext> factory, IChinaClock clock, ILogger<ReminderSweep> log)
{
    private static readonly UserScope Actor = UserScope.System("reminders");

    /// <summary>Today in China (the day deadlines are meant in), whatever the host's zone.</summary>
    public DateOnly Today => clock.Today;

    public async Task<SweepResultDto> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        List<Candidate> due;
        Dictionary<Guid, string> unitNames;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var horizon = today.AddDays(7);
            var open = await db.Tasks.AsNoTracking()
                .Where(t => !t.Removed && (t.Status == FilingStatus.Draft || t.Status == FilingStatus.Returned) && t.Deadline <= horizon)
                .Select(t => new { t.Id, t.UnitId, t.IndicatorNos, t.Deadline })
                .ToListAsync(ct);
            due = [.. open.Select(t => ReminderEvents.Due(t.Deadline, today) is { } d ? new Candidate(t.Id, t.UnitId, t.IndicatorNos, t.Deadline, d) : null)
                .OfType<Candidate>()];
            var ids = due.Select(d => d.TaskId).ToList();
            var sent = (await db.ReminderLogs.AsNoTracking().Where(r => ids.Contains(r.TaskId)).Select(r => new { r.TaskId, r.Event, r.Date }).ToListAsync(ct))
                .Select(r => (r.TaskId, r.Event, r.Date)).ToHashSet();
            var before = due.Count;
            due = [.. due.Where(d => !sent.Contains((d.TaskId, d.Reminder.Event, d.Reminder.Key)))];
            if (due.Count == 0)
            {
                return new SweepResultDto(today, 0, before, 0, 0);
            }
            var unitIds = due.Select(d => d.UnitId).Distinct().ToList();
            unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        }

        int sentNow = 0, skipped = 0, notifications = 0, messages = 0;
        var recipients = new Dictionary<(Guid, bool), Recipients>();
        foreach (var candidate in due)
        {
            ct.ThrowIfCancellationRequested();
            var key = (candidate.UnitId, candidate.Reminder.IsOverdue);
            if (!recipients.TryGetValue(key, out var to))
            {
                to = recipients[key] = await RecipientsAsync(candidate.UnitId, candidate.Reminder.IsOverdue, ct);
            }
            var written = await SendOnceAsync(candidate, unitNames.GetValueOrDefault(candidate.UnitId) ?? "", to, ct);
            if (written is null)
            {
                skipped++;
                continue;
            }
            sentNow++;
            notifications += written.Value.Notifications;
            messages += written.Value.Messages;
        }
        if (sentNow > 0)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Record(Actor, AuditActions.System, "到期提醒", detail: $"{today:yyyy-MM-dd}：提醒{sentNow}项，站内通知{notifications}条，短信/邮件{messages}条");
            await db.SaveChangesAsync(ct);
            LogSent(log, today, sentNow, skipped);
        }
        return new SweepResultDto(today, sentNow, skipped, notifications, messages);
    }

    /// <summary>Null when the reminder's key was taken: another sweep sent it.</summary>
    private async Task<(int Notifications, int Messages)?> SendOnceAsync(Candidate c, string unitName, Recipients to, CancellationToken ct)
    {
        var now = clock.UtcNow;
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ReminderLogs.Add(new ReminderLog
        {
            TaskId = c.TaskId, Event = c.Reminder.Event, Date = c.Reminder.Key, CreatedAt = now, Recipients = to.Users.Count,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return null;
        }
        var label = Domain.Filing.IndicatorLabel.Of(c.IndicatorNos);
        var body = c.Reminder.Describe(unitName, label, c.Deadline);
        var sent = Notifier.Send(db, new NotifyMessage(c.Reminder.Title, body, $"/tasks/{c.TaskId}", now), to.Users, to.Mail, to.Sms);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (sent.Notifications, sent.Messages);
    }

    /// <summary>The unit's liaisons, and its leaders once the task is overdue: their accounts, mail addresses and mobiles.</summary>
    private async Task<Recipients> RecipientsAsync(Guid unitId, bool overdue, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        string[] roles = overdue ? [Roles.UnitLiaison, Roles.UnitLeader] : [Roles.UnitLiaison];
        string[] campaignRoles = overdue ? [CampaignRole.Liaison, CampaignRole.PrincipalLeader, CampaignRole.ResponsibleLeader] : [CampaignRole.Liaison];
        var users = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where roles.Contains(r.Name!) && !u.IsDisabled && u.UnitId == unitId
                           select new { u.Id, u.Email }).Distinct().ToListAsync(ct);
        var mobiles = await db.People.AsNoTracking().Where(p => p.UnitId == unitId && campaignRoles.Contains(p.CampaignRole) && p.Mobile != null)
            .Select(p => p.Mobile!).ToListAsync(ct);
        return new Recipients(
            [.. users.Select(u => u.Id).Distinct()],
            [.. users.Select(u => u.Email?.Trim()).OfType<string>().Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. mobiles.Select(m => m.Trim()).Where(PhoneNumbers.IsMobile).Distinct()]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders for {Day}: {Sent} sent, {Skipped} already sent elsewhere")]
    private static partial void LogSent(ILogger logger, DateOnly day, int sent, int skipped);

    private sealed record Candidate(Guid TaskId, Guid UnitId, IReadOnlyList<int> IndicatorNos, DateOnly Deadline, ReminderDue Reminder);

    private sealed record Recipients(IReadOnlyList<Guid> Users, IReadOnlyList<string> Mail, IReadOnlyList<string> Sms);
}
