using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Features.Shared.Paging;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Notifications;

public sealed record NotificationDto(long Id, DateTime At, string Title, string? Body, string? Link, bool Read);

/// <summary>The own in-app notifications: a page of them (newest first), the unread count, marking one read.</summary>
public sealed class NotificationsHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public async Task<Paged<NotificationDto>> ListAsync(UserScope actor, bool unreadOnly, PageRequest page)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        return await query.OrderByDescending(n => n.Id)
            .Select(n => new NotificationDto(n.Id, n.At, n.Title, n.Body, n.Link, n.ReadAt != null)).ToPageAsync(page);
    }

    public async Task<int> UnreadCountAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null);
    }

    public async Task<bool> MarkReadAsync(UserScope actor, long id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var now = clock.UtcNow;
        return await db.Notifications.Where(n => n.Id == id && n.UserId == actor.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now)) > 0;
    }
}
