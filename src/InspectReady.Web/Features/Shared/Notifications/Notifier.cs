using InspectReady.Web.Data;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Shared.Notifications;

/// <summary>A message to people: its title, body, the page it points to and when it was raised (UTC).</summary>
public sealed record NotifyMessage(string Title, string Body, string Link, DateTime At)
{
    /// <summary>The text message: the body after the platform's signature.</summary>
    public string SmsBody => $"【迎检平台】{Body}";
}

/// <summary>How many in-app notifications and outbox messages (mail and sms) one send added.</summary>
public readonly record struct NotifyCount(int Notifications, int Messages);

/// <summary>
/// The one place that tells people something: filing (who must act next), reminders (deadlines) and supervision
/// (督办单) all write their in-app notifications here and, where the recipient has a mail address or a mobile, the
/// outbox messages the senders deliver. Everything is added to the caller's context, so it commits (or not) with
/// the change that caused it.
/// </summary>
public static class Notifier
{
    /// <summary>Who must act next: the enabled users with a role, in a unit when one is given.</summary>
    /// <param name="regions">When given, only accounts of these regions (an office hears of the campaigns it sees).</param>
    public static Task<IReadOnlyList<Guid>> RecipientsAsync(AppDbContext db, string role, Guid? unitId, Guid[]? regions = null) =>
        RecipientsAsync(db, [role], unitId, regions);

    /// <summary>The enabled users holding any of the roles (in the unit, when given; in the regions, when given).</summary>
    public static async Task<IReadOnlyList<Guid>> RecipientsAsync(AppDbContext db, IReadOnlyCollection<string> roles, Guid? unitId, Guid[]? regions = null) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where roles.Contains(r.Name!) && !u.IsDisabled && (unitId == null || u.UnitId == unitId)
                   && (regions == null || (u.RegionId != null && regions.Contains(u.RegionId.Value)))
               select u.Id).Distinct().ToListAsync();

    /// <summary>
    /// One in-app notification per user and one outbox message per configured address (<paramref name="mail"/>,
    /// <paramref name="sms"/>); saved by the caller's <c>SaveChanges</c>.
    /// </summary>
    public static NotifyCount Send(AppDbContext db, NotifyMessage message, IEnumerable<Guid> users,
        IEnumerable<string>? mail = null, IEnumerable<string>? sms = null)
    {
        var notifications = 0;
        foreach (var user in users.Distinct())
        {
            db.Notifications.Add(new Notification { UserId = user, Title = message.Title, Body = message.Body, Link = message.Link, At = message.At });
            notifications++;
        }
        var messages = 0;
        foreach (var address in (mail ?? []).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            db.OutboxMessages.Add(new OutboxMessage { Channel = OutboxChannels.Mail, Recipient = address, Subject = message.Title, Body = message.Body, CreatedAt = message.At });
            messages++;
        }
        foreach (var mobile in (sms ?? []).Distinct(StringComparer.Ordinal))
        {
            db.OutboxMessages.Add(new OutboxMessage { Channel = OutboxChannels.Sms, Recipient = mobile, Subject = message.Title, Body = message.SmsBody, CreatedAt = message.At });
            messages++;
        }
        return new NotifyCount(notifications, messages);
    }

    /// <summary>In-app notifications to the enabled users holding one of the roles (in the unit, when given).</summary>
    public static async Task<NotifyCount> SendToRolesAsync(AppDbContext db, NotifyMessage message, IReadOnlyCollection<string> roles, Guid? unitId,
        Guid[]? regions = null) =>
        Send(db, message, await RecipientsAsync(db, roles, unitId, regions));
}
